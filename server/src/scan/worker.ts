// Worker-thread side of the scan pool: says when it is ready, lints the batches it is sent, and posts
// each file's result as soon as it has it, so the pool always knows which file a worker is on (the one
// to blame if the worker hangs or dies).
import { parentPort } from 'node:worker_threads';
import { ScanConfig, type ConfigSpec } from './configForScan.js';
import { lintFile, type ConfigForFile, type FileResult, type ResultNeeds } from './scan.js';

export interface WorkerRequest {
  /** Each path with its index in the whole scan, so replies can be placed in order. */
  files: { index: number; path: string }[];
  config: ConfigSpec;
  needs: ResultNeeds;
}

export type WorkerReply = { kind: 'ready' } | { kind: 'result'; index: number; result: FileResult };

/** One resolver per scan spec for the worker's life: its caches make config discovery once per folder, not per batch. */
const resolvers = new Map<string, ConfigForFile>();
function configFor(spec: ConfigSpec): ConfigForFile {
  const key = JSON.stringify(spec);
  let resolver = resolvers.get(key);
  if (!resolver) resolvers.set(key, (resolver = new ScanConfig(spec).configFor));
  return resolver;
}

if (parentPort) {
  const port = parentPort;
  const post = (reply: WorkerReply) => port.postMessage(reply);
  port.on('message', (request: WorkerRequest) => {
    const configForFile = configFor(request.config);
    // lintFile drops fix edits (they reference parsed nodes), so results are plain data to post back.
    for (const { index, path } of request.files) post({ kind: 'result', index, result: lintFile(path, configForFile, request.needs) });
  });
  post({ kind: 'ready' });
}
