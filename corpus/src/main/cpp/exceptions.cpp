// Exceptions the way C++ programs use them: thrown through many frames whose destructors run on the way, caught by
// base class, rethrown, nested, carried in exception_ptr, thrown from constructors, through virtual calls and
// std::function, and caught with catch (...).
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

static int live = 0;

struct Guard {
  std::string name;
  explicit Guard(std::string n) : name(std::move(n)) { live++; }
  ~Guard() {
    live--;
    std::printf("  ~Guard(%s)\n", name.c_str());
  }
};

struct ParseError : std::runtime_error {
  int line;
  ParseError(const std::string &what, int line) : std::runtime_error(what), line(line) {}
};

struct Fatal : ParseError {
  using ParseError::ParseError;
};

__attribute__((noinline)) int descend(int depth, int throwAt) {
  Guard g("depth " + std::to_string(depth));
  if (depth == throwAt) {
    if (depth % 2) throw Fatal("fatal at depth " + std::to_string(depth), depth);
    throw ParseError("parse error at depth " + std::to_string(depth), depth);
  }
  return descend(depth + 1, throwAt) + 1;
}

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual void check() const {}
};

struct Square : Shape {
  double side;
  explicit Square(double s) : side(s) {
    if (s < 0) throw std::invalid_argument("negative side");
  }
  double area() const override { return side * side; }
  void check() const override {
    if (side > 100) throw std::range_error("square too large");
  }
};

struct Composite {
  Guard first{"composite member 1"};
  Square square;
  Guard second{"composite member 2"};
  explicit Composite(double s) : square(s) {}
};

__attribute__((noinline)) void rethrowing(int n) {
  try {
    descend(0, n);
  } catch (ParseError &e) {
    std::printf("  rethrowing %s (line %d)\n", e.what(), e.line);
    e.line += 1000;
    throw;
  }
}

static std::exception_ptr saved;

__attribute__((noinline)) void keep() {
  try {
    std::vector<int> v(3);
    v.at(7) = 1;
  } catch (...) {
    saved = std::current_exception();
  }
}

__attribute__((noinline)) void nested() {
  try {
    throw std::logic_error("inner");
  } catch (...) {
    std::throw_with_nested(std::runtime_error("outer"));
  }
}

static void print_nested(const std::exception &e, int level) {
  std::printf("  %*s%s\n", level * 2, "", e.what());
  try {
    std::rethrow_if_nested(e);
  } catch (const std::exception &inner) {
    print_nested(inner, level + 1);
  }
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 6;
  for (int n = 0; n < rounds; n++) {
    try {
      std::printf("throw at depth %d\n", n);
      descend(0, n);
    } catch (const Fatal &e) {
      std::printf("caught Fatal: %s, line %d\n", e.what(), e.line);
    } catch (const ParseError &e) {
      std::printf("caught ParseError: %s, line %d\n", e.what(), e.line);
    }
  }
  try {
    rethrowing(4);
  } catch (const std::exception &e) {
    auto *pe = dynamic_cast<const ParseError *>(&e);
    std::printf("caught again: %s, line %d\n", e.what(), pe ? pe->line : -1);
  }
  for (double side : {3.0, -1.0, 200.0}) {
    try {
      Composite c(side);
      std::unique_ptr<Shape> s = std::make_unique<Square>(side);
      s->check();
      std::printf("area %.1f\n", s->area());
    } catch (const std::invalid_argument &e) {
      std::printf("invalid_argument: %s\n", e.what());
    } catch (const std::exception &e) {
      std::printf("exception: %s\n", e.what());
    }
  }
  std::function<int(int)> thrower = [](int x) -> int {
    if (x > 2) throw x;
    return x * 10;
  };
  int sum = 0;
  for (int i = 0; i < 5; i++) {
    try {
      sum += thrower(i);
    } catch (int x) {
      std::printf("caught int %d through std::function\n", x);
      sum += x;
    }
  }
  std::printf("sum %d\n", sum);
  keep();
  try {
    std::rethrow_exception(saved);
  } catch (const std::out_of_range &e) {
    std::printf("exception_ptr held out_of_range\n");
  }
  try {
    nested();
  } catch (const std::exception &e) {
    std::printf("nested:\n");
    print_nested(e, 0);
  }
  try {
    throw 3.5;
  } catch (...) {
    std::printf("caught a double with catch (...)\n");
  }
  std::printf("live guards: %d, uncaught: %d\n", live, std::uncaught_exceptions());
  return 0;
}
