/* Debian's libsqlite3 (libsqlite3-dev:arm64) on a database file in the working directory: tables, an index,
 * transactions committed and rolled back, queries with joins and aggregates, an error, and the file reopened. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

static sqlite3 *db;

static int row(void *unused, int columns, char **values, char **names) {
  (void)unused;
  for (int i = 0; i < columns; i++) printf("%s%s=%s", i ? " " : "", names[i], values[i] ? values[i] : "NULL");
  printf("\n");
  return 0;
}

static void run(const char *sql) {
  char *error = NULL;
  if (sqlite3_exec(db, sql, row, NULL, &error) != SQLITE_OK) {
    printf("error: %s\n", error);
    sqlite3_free(error);
  }
}

int main(void) {
  /* Temporary files in the working directory: a wasm32 guest sees nothing outside it, and /tmp differs between
     machines anyway. */
  sqlite3_temp_directory = sqlite3_mprintf("%s", ".");
  remove("test.db");
  if (sqlite3_open("test.db", &db) != SQLITE_OK) {
    printf("cannot open: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  run("CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT NOT NULL, born INTEGER);"
      "CREATE TABLE pet(owner INTEGER REFERENCES person(id), kind TEXT, weight REAL);"
      "CREATE INDEX pet_owner ON pet(owner);");
  run("BEGIN;");
  char sql[256];
  for (int i = 1; i <= 200; i++) {
    snprintf(sql, sizeof sql, "INSERT INTO person(name, born) VALUES('person %d', %d);", i, 1900 + (i * 37) % 120);
    run(sql);
    snprintf(sql, sizeof sql, "INSERT INTO pet VALUES(%d, '%s', %d.%d);", i, i % 3 ? "cat" : "dog", i % 17, i % 10);
    run(sql);
  }
  run("COMMIT;");
  run("BEGIN; DELETE FROM pet WHERE kind = 'dog'; SELECT count(*) AS pets_inside FROM pet; ROLLBACK;");
  run("SELECT count(*) AS pets, round(avg(weight), 3) AS mean, max(weight) AS heaviest FROM pet;");
  run("SELECT kind, count(*) AS n, sum(weight) AS total FROM pet GROUP BY kind ORDER BY kind;");
  run("SELECT p.name, p.born, q.kind FROM person p JOIN pet q ON q.owner = p.id WHERE p.born < 1910 "
      "ORDER BY p.born, p.id LIMIT 5;");
  run("UPDATE person SET born = born + 1 WHERE id % 50 = 0; SELECT id, born FROM person WHERE id % 50 = 0;");
  run("SELECT * FROM nowhere;");
  sqlite3_close(db);
  if (sqlite3_open("test.db", &db) != SQLITE_OK) return 1;
  run("PRAGMA integrity_check; SELECT count(*) AS people FROM person;");
  sqlite3_close(db);
  return 0;
}
