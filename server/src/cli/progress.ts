// A progress bar on stderr for long scans: only on a terminal, and only once a scan has run for a
// second (short scans stay quiet). Cleared before the report is printed.
const DELAY_MS = 1000;
const WIDTH = 30;

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): { update(done: number, total: number): void; clear(): void } {
  const started = Date.now();
  let drawn = false;
  let lastDraw = 0;
  return {
    update(done, total) {
      const now = Date.now();
      if (!stream.isTTY || now - started < DELAY_MS || now - lastDraw < 100) return;
      lastDraw = now;
      const filled = Math.round((done / Math.max(total, 1)) * WIDTH);
      stream.write(`\r[${'='.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total} files`);
      drawn = true;
    },
    clear() {
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
