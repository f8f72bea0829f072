// Starts a TypeScript worker thread: registers tsx's loader in this thread, then loads the script named
// in workerData (a worker does not inherit the parent's `--import tsx`).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.script);
