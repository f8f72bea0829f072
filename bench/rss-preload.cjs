// Preloaded into a benchmarked child process (`node --require`): reports its peak RSS on exit.
process.on('exit', () => {
  process.stderr.write(`\nMANIFESTLINT_BENCH_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`);
});
