# Shared by the bench scripts (source it after setting WORK).

# measure NAME CMD... → the wall seconds and peak RSS (KiB) of CMD into the globals `secs` and
# `rss`; its output goes to $WORK/NAME.out, shown if it fails (which stops the benchmark).
measure() {
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@" > "$WORK/$name.out" 2>&1 || { cat "$WORK/$name.out"; exit 1; }
  read -r secs rss < "$WORK/time.txt"
}
