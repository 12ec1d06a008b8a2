// Preloaded (node --require) into every tool the benchmark runs: at exit, writes the process's
// peak resident set size (KB, getrusage maxRSS) to $BENCH_MAXRSS_FILE. A tool that leaves without
// Node's exit event (autocorrect's CLI exits from Rust) writes nothing; the harness also polls
// /proc/PID/status VmHWM and takes the larger.
const file = process.env.BENCH_MAXRSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      require('fs').writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      /* the measurement is best effort; polling still has a value */
    }
  });
}
