/* The prime calculator of the original elfconv talk: prints every prime below N (argv[1], default 10,000,000)
   found by trial division by the primes already found, and their count last. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? strtol(argv[1], NULL, 10) : 10000000;
  if (n < 2) {
    fprintf(stderr, "usage: %s N (N >= 2)\n", argv[0]);
    return 2;
  }
  long *primes = malloc(sizeof(long) * (n / 2 + 1));
  long count = 0;
  for (long i = 2; i < n; i++) {
    int prime = 1;
    for (long j = 0; j < count && primes[j] * primes[j] <= i; j++) {
      if (i % primes[j] == 0) {
        prime = 0;
        break;
      }
    }
    if (prime) {
      primes[count++] = i;
      printf("%ld\n", i);
    }
  }
  printf("%ld primes below %ld\n", count, n);
  free(primes);
  return 0;
}
