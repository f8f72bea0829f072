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
  /**
   * `configFile` may be outside `root`: the CLI's `--config`, which the user typed. Not the editor's
   * `configFile` setting, which a repository can write for itself. What it extends stays inside its project either way.
   */
  configFileAnywhere?: boolean;
}

export function scanConfigResolver(spec: ConfigSpec): ConfigResolver {
  const root = findProjectRoot(spec.root, spec.root);
  return new ConfigResolver({ rootFor: () => root, explicitConfigAnywhere: spec.configFileAnywhere });
}

/** `resolver`: one built from `spec` already (the one that selected the files), to reuse what it read. */
export function configForScan(spec: ConfigSpec, resolver = scanConfigResolver(spec)): ConfigForFile {
  const configFile = spec.configFile && resolve(spec.root, spec.configFile);
  return (path) => resolver.resolve(path, configFile).config;
}
