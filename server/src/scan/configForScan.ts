// The config of each file of one scan, in this thread or a worker: one object, built from a plain,
// serialisable description that can be sent to worker threads, answers for selecting the files,
// linting them, fixing them and print-config alike.
import { resolve } from 'node:path';
import { findProjectRoot } from '../config/projectRoot.js';
import { ConfigResolver, type ResolvedConfig } from '../config/resolver.js';
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

export class ScanConfig {
  private readonly resolver: ConfigResolver;
  /** `spec.configFile` made absolute once, so that every question names the same file (and reads it once). */
  private readonly configFile: string | undefined;

  constructor(readonly spec: ConfigSpec) {
    const root = findProjectRoot(spec.root, spec.root);
    this.resolver = new ConfigResolver({ rootFor: () => root, explicitConfigAnywhere: spec.configFileAnywhere });
    this.configFile = spec.configFile && resolve(spec.root, spec.configFile);
  }

  /** Everything about the file's config: the config, the file it came from, whether it ignores the file, its problems. */
  resolve(path: string): ResolvedConfig {
    return this.resolver.resolve(path, this.configFile);
  }

  /** True for a file read as a config so far (discovered, explicit or extended): a scan does not lint it. */
  isConfigFile(path: string): boolean {
    return this.resolver.isConfigFile(path);
  }

  readonly configFor: ConfigForFile = (path) => this.resolve(path).config;
}
