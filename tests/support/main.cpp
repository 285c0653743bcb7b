// Wide enough that a failure's message (a fixture's diff, say) keeps one line per line.
#define CATCH_CONFIG_CONSOLE_WIDTH 300
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
