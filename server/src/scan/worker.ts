// Worker-thread side of the scan pool: lints the batches it is sent and posts back plain results.
import { parentPort } from 'node:worker_threads';
import { configForScan, type ConfigSpec } from './configForScan.js';
import { lintFile, type FileResult } from './scan.js';

export interface WorkerRequest {
  /** Index of the first path in the whole scan, so replies can be placed in order. */
  start: number;
  paths: string[];
  config: ConfigSpec;
  keepSuppressed: boolean;
}

export interface WorkerReply {
  start: number;
  results: FileResult[];
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    const configFor = configForScan(request.config);
    // lintFile drops fix edits (they reference parsed nodes), so results are plain data to post back.
    const results = request.paths.map((path) => lintFile(path, configFor, request.keepSuppressed));
    const reply: WorkerReply = { start: request.start, results };
    port.postMessage(reply);
  });
}
