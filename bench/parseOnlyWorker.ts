// Worker side of the parallel parse-only ceiling (bench/run.ts): parses its share of the files, says when done.
import { parentPort, workerData } from 'node:worker_threads';
import { parseOnly, shippedYaml } from './parseOnly.js';

void shippedYaml().then((yaml) => {
  parseOnly(workerData as string[], yaml);
  parentPort?.postMessage('done');
});
