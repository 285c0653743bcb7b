// The cheapest C++ process: what starting any program costs on this machine. bench/run.sh
// times it beside a one-spec `aksc lint`, linked the same way as aksc.
#include <cstdio>

int main() {
  std::puts("hello");
  return 0;
}
