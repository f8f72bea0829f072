// Worker-thread side of the scan pool: lints the batches it is sent and posts back plain results.
import { parentPort } from 'node:worker_threads';
import type { Finding } from '../engine/types.js';
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

/** Fixes reference parsed YAML nodes that cannot cross threads: keep only their titles. */
function transferable(finding: Finding): Finding {
  return finding.fixes ? { ...finding, fixes: finding.fixes.map(({ title, isPreferred }) => ({ title, isPreferred, changes: [] })) } : finding;
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    const configFor = configForScan(request.config);
    const results = request.paths.map((path) => {
      const result = lintFile(path, configFor, request.keepSuppressed);
      return { ...result, findings: result.findings.map(transferable) };
    });
    const reply: WorkerReply = { start: request.start, results };
    port.postMessage(reply);
  });
}
