/* C11 atomics in one thread: every read-modify-write of every width and memory order (load/store-exclusive loops
   on ARMv8.0), compare-exchange success and failure, atomic flags and fences. */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>

static _Atomic uint8_t a8 = 250;
static _Atomic uint16_t a16 = 65530;
static _Atomic uint32_t a32 = 1;
static _Atomic uint64_t a64 = 0x8000000000000000ULL;
static _Atomic(int *) ap;
static atomic_flag flag = ATOMIC_FLAG_INIT;

int main(void) {
  uint8_t old8 = atomic_fetch_add(&a8, 10);
  printf("u8 fetch_add %u -> %u\n", old8, atomic_load(&a8));
  uint16_t old16 = atomic_fetch_sub_explicit(&a16, 65535, memory_order_acq_rel);
  printf("u16 fetch_sub %u -> %u\n", old16, atomic_load_explicit(&a16, memory_order_acquire));
  for (int i = 0; i < 31; i++) {
    atomic_fetch_or_explicit(&a32, 1u << i, memory_order_relaxed);
  }
  atomic_fetch_and(&a32, 0xF0F0F0F0u);
  atomic_fetch_xor(&a32, 0xFFFFu);
  printf("u32 or/and/xor %08x\n", atomic_load(&a32));
  uint64_t old64 = atomic_exchange(&a64, 42);
  printf("u64 exchange %llx -> %llu\n", (unsigned long long)old64, (unsigned long long)atomic_load(&a64));

  uint64_t expected = 41;
  int ok = atomic_compare_exchange_strong(&a64, &expected, 100);
  printf("cas with wrong expectation: %d, expected now %llu\n", ok, (unsigned long long)expected);
  ok = atomic_compare_exchange_strong(&a64, &expected, 100);
  printf("cas with right expectation: %d, value %llu\n", ok, (unsigned long long)atomic_load(&a64));
  unsigned long long spins = 0;
  uint64_t cur = atomic_load(&a64);
  while (!atomic_compare_exchange_weak(&a64, &cur, cur * 3 + 1)) {
    spins++;
  }
  printf("weak cas value %llu (spins bounded: %d)\n", (unsigned long long)atomic_load(&a64), spins < 1000);

  int x = 5, y = 6;
  atomic_store(&ap, &x);
  int *was = atomic_exchange(&ap, &y);
  printf("pointer exchange %d -> %d\n", *was, *atomic_load(&ap));

  int first = atomic_flag_test_and_set(&flag);
  int second = atomic_flag_test_and_set(&flag);
  printf("flag test_and_set %d %d", first, second);
  atomic_flag_clear(&flag);
  printf(" after clear %d\n", atomic_flag_test_and_set(&flag));
  atomic_thread_fence(memory_order_seq_cst);
  atomic_signal_fence(memory_order_seq_cst);

  _Atomic long counter = 0;
  for (long i = 1; i <= 100000; i++) {
    atomic_fetch_add_explicit(&counter, i, memory_order_seq_cst);
  }
  printf("counter %ld, lock free %d %d %d %d\n", atomic_load(&counter), atomic_is_lock_free(&a8),
         atomic_is_lock_free(&a16), atomic_is_lock_free(&a32), atomic_is_lock_free(&a64));
  return 0;
}
