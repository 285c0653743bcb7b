// Times whole processes: runs each command RUNS times, the commands taking turns so that a busy
// moment of the machine falls on all of them alike, each with stdin, stdout and stderr on
// /dev/null, and prints the median, 10th and 90th percentile wall time of each in ms. No shell
// runs in between: bench/run.sh uses it for the one-spec time, beside a static hello world.
//
//   aksc_spawn_timer RUNS -- COMMAND [ARG...] [-- COMMAND [ARG...]]...
//
// A command that exits with a status above 1 (aksc's findings are 1) or cannot be started ends
// the measurement with exit status 2.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

double now_ms() {
  timespec time;
  clock_gettime(CLOCK_MONOTONIC, &time);
  return static_cast<double>(time.tv_sec) * 1e3 + static_cast<double>(time.tv_nsec) / 1e6;
}

// One run of `argv`; returns its exit status, or -1 when it could not run or was killed.
int run_once(const std::vector<char*>& argv) {
  pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(child, &status, 0) < 0 || !WIFEXITED(status)) return -1;
  return WEXITSTATUS(status);
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 2 ? std::atoi(argv[1]) : 0;
  if (runs < 1 || std::string(argv[2]) != "--") {
    std::fprintf(stderr, "usage: aksc_spawn_timer RUNS -- COMMAND [ARG...] [-- COMMAND...]\n");
    return 2;
  }
  std::vector<std::vector<char*>> commands;
  for (int i = 2; i < argc; ++i) {
    if (std::string(argv[i]) == "--") {
      commands.emplace_back();
    } else {
      commands.back().push_back(argv[i]);
    }
  }
  for (auto& command : commands) {
    if (command.empty()) {
      std::fprintf(stderr, "aksc_spawn_timer: an empty command\n");
      return 2;
    }
    command.push_back(nullptr);
  }
  std::vector<std::vector<double>> times(commands.size());
  for (int run = 0; run < runs; ++run) {
    for (std::size_t c = 0; c < commands.size(); ++c) {
      double start = now_ms();
      int status = run_once(commands[c]);
      times[c].push_back(now_ms() - start);
      if (status < 0 || status > 1) {
        std::fprintf(stderr, "aksc_spawn_timer: %s exited with %d\n", commands[c][0], status);
        return 2;
      }
    }
  }
  for (std::size_t c = 0; c < commands.size(); ++c) {
    std::vector<double>& t = times[c];
    std::sort(t.begin(), t.end());
    std::printf("%.2f %.2f %.2f\n", t[t.size() / 2], t[t.size() / 10], t[t.size() * 9 / 10]);
  }
  return 0;
}
