// The standard library as ordinary C++ programs use it: containers and algorithms, strings and streams, <regex>,
// smart pointers, std::variant/optional/any, RTTI and virtual dispatch. Reads its standard input as text.
#include <algorithm>
#include <any>
#include <deque>
#include <iomanip>
#include <iostream>
#include <list>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <queue>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <typeinfo>
#include <unordered_map>
#include <variant>
#include <vector>

struct Animal {
  virtual ~Animal() = default;
  virtual std::string sound() const = 0;
  virtual int legs() const { return 4; }
};
struct Dog : Animal {
  std::string sound() const override { return "woof"; }
};
struct Bird : Animal {
  std::string sound() const override { return "tweet"; }
  int legs() const override { return 2; }
};
struct Parrot : Bird {
  std::string sound() const override { return "hello"; }
};

static void words(const std::string &text) {
  std::istringstream in(text);
  std::map<std::string, int> counts;
  std::unordered_map<size_t, int> lengths;
  std::string word;
  size_t total = 0;
  while (in >> word) {
    word.erase(std::remove_if(word.begin(), word.end(), [](unsigned char c) { return !std::isalnum(c); }),
        word.end());
    if (word.empty()) continue;
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::tolower(c); });
    counts[word]++;
    lengths[word.size()]++;
    total++;
  }
  std::vector<std::pair<std::string, int>> byCount(counts.begin(), counts.end());
  std::stable_sort(byCount.begin(), byCount.end(), [](auto &a, auto &b) { return a.second > b.second; });
  std::cout << total << " words, " << counts.size() << " distinct\n";
  for (size_t i = 0; i < std::min<size_t>(8, byCount.size()); i++) {
    std::cout << "  " << std::left << std::setw(12) << byCount[i].first << std::right << std::setw(5)
              << byCount[i].second << '\n';
  }
  std::vector<size_t> keys;
  for (auto &[len, n] : lengths) keys.push_back(len);
  std::sort(keys.begin(), keys.end());
  std::cout << "lengths:";
  for (size_t k : keys) std::cout << ' ' << k << ':' << lengths[k];
  std::cout << '\n';
}

static void regexes(const std::string &text) {
  std::regex word(R"(\b([A-Z][a-z]+)\b)");
  std::set<std::string> capitalised;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
    capitalised.insert((*it)[1]);
  }
  std::cout << capitalised.size() << " capitalised words, first: "
            << (capitalised.empty() ? "-" : *capitalised.begin()) << '\n';
  std::regex date(R"((\d{4})-(\d{2})-(\d{2}))");
  std::string log = "built 2024-03-15, released 2024-04-01, patched 2025-11-30";
  std::cout << std::regex_replace(log, date, "$3/$2/$1") << '\n';
  std::smatch m;
  std::string email = "contact: someone.else@example.org (work)";
  if (std::regex_search(email, m, std::regex(R"(([\w.]+)@([\w.]+))"))) {
    std::cout << "user " << m[1] << " at " << m[2] << '\n';
  }
  std::cout << std::boolalpha << std::regex_match("aaab", std::regex("a*b")) << ' '
            << std::regex_match("abab", std::regex("(ab)+c")) << '\n';
}

static void containers() {
  std::deque<int> d;
  for (int i = 0; i < 10; i++) (i % 2 ? d.push_back(i) : d.push_front(i));
  std::list<int> l(d.begin(), d.end());
  l.sort();
  l.unique();
  std::priority_queue<int, std::vector<int>, std::greater<int>> pq(d.begin(), d.end());
  std::cout << "deque:";
  for (int x : d) std::cout << ' ' << x;
  std::cout << "\nlist sum " << std::accumulate(l.begin(), l.end(), 0) << ", smallest " << pq.top() << '\n';
  std::vector<double> v(20);
  std::iota(v.begin(), v.end(), 1.0);
  std::transform(v.begin(), v.end(), v.begin(), [](double x) { return 1.0 / (x * x); });
  std::cout << std::fixed << std::setprecision(10) << "sum 1/n^2 " << std::accumulate(v.begin(), v.end(), 0.0)
            << std::defaultfloat << '\n';
  std::cout << std::hex << std::showbase << 48879 << ' ' << std::oct << 8 << std::dec << std::noshowbase << '\n';
  std::multimap<std::string, int> mm{{"b", 2}, {"a", 1}, {"b", 3}};
  auto [lo, hi] = mm.equal_range("b");
  std::cout << "b occurs " << std::distance(lo, hi) << " times\n";
}

static void vocabulary() {
  std::vector<std::variant<int, double, std::string>> values{42, 2.5, std::string("text")};
  for (auto &v : values) {
    std::visit([](auto &&x) { std::cout << "variant holds " << x << '\n'; }, v);
  }
  try {
    std::get<double>(values[0]);
  } catch (const std::bad_variant_access &e) {
    std::cout << "bad_variant_access\n";
  }
  std::optional<int> none;
  std::cout << "optional " << none.value_or(-1) << '\n';
  std::any a = std::string("any string");
  try {
    std::any_cast<int>(a);
  } catch (const std::bad_any_cast &) {
    std::cout << "bad_any_cast, holds " << std::any_cast<std::string>(a) << '\n';
  }
}

static void animals() {
  std::vector<std::shared_ptr<Animal>> zoo{std::make_shared<Dog>(), std::make_shared<Bird>(),
      std::make_shared<Parrot>()};
  auto alias = zoo[2];
  for (auto &a : zoo) {
    const char *kind = dynamic_cast<Bird *>(a.get()) ? "bird" : "not a bird";
    std::cout << typeid(*a).name() << " says " << a->sound() << ", " << a->legs() << " legs, " << kind << '\n';
  }
  std::cout << "parrot owners: " << alias.use_count() << '\n';
  try {
    Animal &dog = *zoo[0];
    (void)dynamic_cast<Bird &>(dog);
  } catch (const std::bad_cast &e) {
    std::cout << "bad_cast: a dog is no bird\n";
  }
}

int main() {
  std::ostringstream buffer;
  buffer << std::cin.rdbuf();
  std::string text = buffer.str();
  words(text);
  regexes(text);
  containers();
  vocabulary();
  animals();
  std::cerr << "done\n";
  return 0;
}
