// How a scan (in this thread or a worker) decides each file's configuration, from a plain,
// serialisable description that can be sent to worker threads.
import { recommendedConfig } from '../config/presets.js';
import type { ConfigForFile } from './scan.js';

export interface ConfigSpec {
  /** The folder the scan runs from: config discovery stops here. */
  root: string;
  /** An explicit config file (`--config`), overriding discovery. */
  configFile?: string;
}

export function configForScan(_spec: ConfigSpec): ConfigForFile {
  return () => recommendedConfig();
}
