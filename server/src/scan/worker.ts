// Worker-thread side of the scan pool: lints the batches it is sent and posts back plain results.
import { parentPort } from 'node:worker_threads';
import { configForScan, type ConfigSpec } from './configForScan.js';
import { lintFile, type ConfigForFile, type FileResult } from './scan.js';

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

/** One resolver per scan spec for the worker's life: its caches make config discovery once per folder, not per batch. */
const resolvers = new Map<string, ConfigForFile>();
function configFor(spec: ConfigSpec): ConfigForFile {
  const key = JSON.stringify(spec);
  let resolver = resolvers.get(key);
  if (!resolver) resolvers.set(key, (resolver = configForScan(spec)));
  return resolver;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    const configForFile = configFor(request.config);
    // lintFile drops fix edits (they reference parsed nodes), so results are plain data to post back.
    const results = request.paths.map((path) => lintFile(path, configForFile, request.keepSuppressed));
    const reply: WorkerReply = { start: request.start, results };
    port.postMessage(reply);
  });
}
