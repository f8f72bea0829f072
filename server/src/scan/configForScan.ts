// How a scan (in this thread or a worker) decides each file's configuration, from a plain,
// serialisable description that can be sent to worker threads.
import { resolve } from 'node:path';
import { findProjectRoot } from '../config/projectRoot.js';
import { ConfigResolver } from '../config/resolver.js';
import type { ConfigForFile } from './scan.js';

export interface ConfigSpec {
  /** The folder the scan runs from: config discovery stops at its repository root (or here, outside a repository). */
  root: string;
  /** An explicit config file (`--config`; absolute, or relative to `root`), overriding discovery. */
  configFile?: string;
}

export function scanConfigResolver(spec: ConfigSpec): ConfigResolver {
  const root = findProjectRoot(spec.root, spec.root);
  return new ConfigResolver({ rootFor: () => root });
}

/** `resolver`: one built from `spec` already (the one that selected the files), to reuse what it read. */
export function configForScan(spec: ConfigSpec, resolver = scanConfigResolver(spec)): ConfigForFile {
  const configFile = spec.configFile && resolve(spec.root, spec.configFile);
  return (path) => resolver.resolve(path, configFile).config;
}
