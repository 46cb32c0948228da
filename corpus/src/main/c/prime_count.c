/* The prime calculator's trial-division loop on its own: counts the primes below N (argv[1], default 10,000,000)
   and prints only the count, so that its time is the loop's (64-bit remainders of operands that fit in 32 bits). */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? strtol(argv[1], NULL, 10) : 10000000;
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
    }
  }
  printf("%ld primes below %ld\n", count, n);
  free(primes);
  return 0;
}
