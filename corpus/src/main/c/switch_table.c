/* Dense switches the compiler turns into jump tables (br through a table), a sparse one it turns into a
   comparison tree, and a state machine built on them: a Roman numeral parser and an instruction decoder. */
#include <stdio.h>

static int roman_digit(char c) {
  switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return -1;
  }
}

static int roman(const char *s) {
  int total = 0;
  for (; *s; s++) {
    int v = roman_digit(s[0]), next = s[1] ? roman_digit(s[1]) : 0;
    total += v < next ? -v : v;
  }
  return total;
}

static const char *day(int d) {
  switch (d) {
    case 0: return "sun";
    case 1: return "mon";
    case 2: return "tue";
    case 3: return "wed";
    case 4: return "thu";
    case 5: return "fri";
    case 6: return "sat";
    case 7: return "sun again";
    case 8: return "eight";
    case 9: return "nine";
    default: return "?";
  }
}

static long step(int op, long acc, long arg) {
  switch (op) {
    case 0: return acc + arg;
    case 1: return acc - arg;
    case 2: return acc * arg;
    case 3: return arg ? acc / arg : 0;
    case 4: return acc << (arg & 15);
    case 5: return acc >> (arg & 15);
    case 6: return acc ^ arg;
    case 7: return acc | arg;
    case 8: return acc & arg;
    case 9: return -acc;
    case 10: return acc % (arg ? arg : 1);
    case 11: return acc > arg ? acc : arg;
    default: return acc;
  }
}

static int sparse(int x) {
  switch (x) {
    case 1: return 10;
    case 100: return 20;
    case 1000: return 30;
    case 12345: return 40;
    case -7: return 50;
    case 1 << 20: return 60;
    default: return 0;
  }
}

int main(void) {
  const char *numerals[] = {"MCMXCIV", "MMXXIV", "XLII", "CDXLIV", "MMMCMXCIX", "IV", "IX"};
  for (int i = 0; i < 7; i++) {
    printf("%s=%d ", numerals[i], roman(numerals[i]));
  }
  printf("\n");
  for (int d = -1; d <= 10; d++) {
    printf("%s ", day(d));
  }
  printf("\n");
  long acc = 1;
  for (int i = 0; i < 200; i++) {
    acc = step(i % 13, acc, i * 7 + 3);
  }
  printf("acc %ld\n", acc);
  int keys[] = {1, 100, 1000, 12345, -7, 1 << 20, 2, 0};
  int s = 0;
  for (int i = 0; i < 8; i++) {
    s = s * 3 + sparse(keys[i]);
  }
  printf("sparse %d\n", s);
  return 0;
}
