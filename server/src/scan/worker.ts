// Worker-thread side of the scan pool: says when it is ready, lints the batches it is sent, and posts
// each file's result as soon as it has it, so the pool always knows which file a worker is on (the one
// to blame if the worker hangs or dies).
import { parentPort } from 'node:worker_threads';
import { ScanConfig, type ConfigSpec } from './configForScan.js';
import { KustomizeLookup } from './kustomizeHint.js';
import { lintFile, type ConfigForFile, type FileResult, type ResultNeeds } from './scan.js';

export interface WorkerRequest {
  /** Each path with its index in the whole scan, so replies can be placed in order. */
  files: { index: number; path: string }[];
  config: ConfigSpec;
  needs: ResultNeeds;
}

export type WorkerReply = { kind: 'ready' } | { kind: 'result'; index: number; result: FileResult };

interface ScanState {
  configFor: ConfigForFile;
  kustomizations: KustomizeLookup;
}

/** One resolver and kustomization lookup per scan spec for the worker's life (one scan): their caches make discovery once per folder, not per batch. */
const scans = new Map<string, ScanState>();
function scanStateFor(spec: ConfigSpec): ScanState {
  const key = JSON.stringify(spec);
  let state = scans.get(key);
  if (!state) scans.set(key, (state = { configFor: new ScanConfig(spec).configFor, kustomizations: new KustomizeLookup() }));
  return state;
}

if (parentPort) {
  const port = parentPort;
  const post = (reply: WorkerReply) => port.postMessage(reply);
  port.on('message', (request: WorkerRequest) => {
    const { configFor, kustomizations } = scanStateFor(request.config);
    // lintFile drops fix edits (they reference parsed nodes), so results are plain data to post back.
    for (const { index, path } of request.files) post({ kind: 'result', index, result: lintFile(path, configFor, request.needs, kustomizations) });
  });
  post({ kind: 'ready' });
}
