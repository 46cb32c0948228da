/* qsort on ints, doubles, strings and structs (stable order checked by a secondary key), then bsearch for every
   element and for absent keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct person {
  char name[12];
  int age;
  int id;
};

static int by_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int by_double_desc(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x < y) - (x > y);
}

static int by_string(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int by_age_then_id(const void *a, const void *b) {
  const struct person *p = a, *q = b;
  if (p->age != q->age) {
    return p->age - q->age;
  }
  return p->id - q->id;
}

int main(void) {
  enum { N = 5000 };
  static int numbers[N];
  unsigned seed = 12345;
  for (int i = 0; i < N; i++) {
    seed = seed * 1103515245u + 12345u;
    numbers[i] = (int)(seed >> 8) % 100000 - 50000;
  }
  qsort(numbers, N, sizeof numbers[0], by_int);
  int sorted = 1;
  long long sum = 0;
  for (int i = 0; i < N; i++) {
    sorted &= i == 0 || numbers[i - 1] <= numbers[i];
    sum += numbers[i];
  }
  printf("ints sorted %d, min %d, max %d, median %d, sum %lld\n", sorted, numbers[0], numbers[N - 1],
         numbers[N / 2], sum);
  int found = 0;
  for (int i = 0; i < N; i++) {
    found += bsearch(&numbers[i], numbers, N, sizeof numbers[0], by_int) != NULL;
  }
  int absent_key = 50001;
  printf("bsearch found %d of %d, absent %s\n", found, N,
         bsearch(&absent_key, numbers, N, sizeof numbers[0], by_int) ? "found" : "null");

  double reals[] = {3.5, -1.25, 1e10, 0.0, -0.5, 2.75, 1e-10, -1e10};
  qsort(reals, 8, sizeof reals[0], by_double_desc);
  for (int i = 0; i < 8; i++) {
    printf("%g%c", reals[i], i == 7 ? '\n' : ' ');
  }

  const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "apricot", "date", "Zebra", "apple"};
  qsort(words, 9, sizeof words[0], by_string);
  for (int i = 0; i < 9; i++) {
    printf("%s%c", words[i], i == 8 ? '\n' : ' ');
  }
  const char *key = "date";
  const char **hit = bsearch(&key, words, 9, sizeof words[0], by_string);
  printf("date at %td\n", hit ? hit - words : -1);

  struct person people[] = {{"ann", 31, 4}, {"bob", 25, 2}, {"cy", 31, 1}, {"di", 19, 9}, {"ed", 25, 0},
                            {"flo", 40, 3}, {"gus", 19, 5}};
  qsort(people, 7, sizeof people[0], by_age_then_id);
  for (int i = 0; i < 7; i++) {
    printf("%s:%d:%d ", people[i].name, people[i].age, people[i].id);
  }
  printf("\n");
  return 0;
}
