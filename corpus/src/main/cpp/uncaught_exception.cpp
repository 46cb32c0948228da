// An exception no handler catches: std::terminate prints its type and what(), then abort() (status 134). Destructors
// of the frames it would unwind do not run: the unwinder's search phase finds no handler first.
#include <cstdio>
#include <stdexcept>

struct Noisy {
  ~Noisy() { std::puts("never printed"); }
};

__attribute__((noinline)) void fail(int n) {
  Noisy noisy;
  if (n > 0) fail(n - 1);
  throw std::overflow_error("nobody catches this");
}

int main() {
  std::puts("about to throw");
  std::fflush(stdout);
  fail(3);
  return 0;
}
