# Timing helpers shared by the bench scripts (sourced, not run).

# Wall seconds of one run of "$@" (exit status 0 or 1 both count: findings are expected). Bash's
# own clock, not `date`: starting a `date` process would add milliseconds to a one-spec run.
wall() {
  local start=$EPOCHREALTIME end
  "$@" > /dev/null 2>&1 || [ $? -eq 1 ]
  end=$EPOCHREALTIME
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f\n", b - a }'
}

# Median of numbers separated by spaces (a round-by-round list kept in a variable).
median_of_words() {
  tr ' ' '\n' | grep . | median_of
}

# Median of a column of numbers.
median_of() {
  sort -g | awk '{a[NR] = $1} END {
    printf "%.3f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
