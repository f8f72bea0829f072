// Which configuration applies to a file: discovers the nearest config file (or takes an explicit one),
// follows `extends`, applies overrides, and falls back to the last valid config when one is broken.
// Everything is cached until `invalidate()`, so linting on every keystroke does no filesystem work.
// Config files are repository content: they are read only inside the project, and `extends` is bounded.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { rulesById } from '../../../rules/index.js';
import type { LintLimits } from '../text/limits.js';
import type { CustomPodSpecPath } from '../k8s/podCarriers.js';
import type { Range } from '../text/positions.js';
import { isInside } from '../files/readText.js';
import { CONFIG_FILE_NAMES, parseConfigFile, type ConfigFileData, type ConfigProblem, type ParsedConfigFile, type RawRules } from './configFile.js';
import { foldersUpTo, resolveExtends } from './extendsTarget.js';
import { DEFAULT_IGNORE, globMatcher, ignoreMatcher, type PathMatcher } from './globs.js';
import { presetConfig, type BuiltInPreset } from './presets.js';
import { containmentRoot, findProjectRoot } from './projectRoot.js';
import { quote } from './quote.js';
import { diskSource, type ConfigSource } from './source.js';
import type { TeamSecretPattern } from '../secrets/teamPatterns.js';
import type { LintConfig, ResourceIgnore, RuleSetting, RuleSeverity } from '../engine/config.js';

export interface ResolvedConfig {
  /** What the engine runs for this file (no rule at all when the file is ignored). */
  config: LintConfig;
  /** The file matches an `ignore` glob (or a default such as node_modules): it is not linted. */
  ignored: boolean;
  /** The config file in force, undefined when the built-in recommended preset applies. */
  configFile?: string;
  /** What the config is built from, base first: `manifestlint:<preset>` or absolute file paths. */
  sources: string[];
  /** Problems in the config files; when there are any, `config` is the last valid config (or the preset). */
  problems: ConfigProblem[];
}

export interface ResolverOptions {
  source?: ConfigSource;
  /** The folder discovery stops at (the workspace folder, the repository), for a file. Config files are read only inside it. */
  rootFor(path: string): string;
  /**
   * The explicit config may be anywhere: the CLI sets this, as the user names it on the command line.
   * Otherwise (the editor's `configFile` setting, which a repository can write in .vscode/settings.json)
   * it must be inside the root. Either way, what it extends stays inside its project.
   */
  explicitConfigAnywhere?: boolean;
}

/** How deep `extends` may nest: real configs use two or three levels. */
export const MAX_EXTENDS_DEPTH = 32;
/** Config files one chain may read in all (a base extended by several of its configs is read each time). */
export const MAX_CHAIN_FILES = 64;
/** Characters a config and everything it extends may hold in all: parsing is what a hostile chain would make slow. */
export const MAX_CHAIN_SIZE = 2 * 1024 * 1024;

/** One step of building a file's config: a preset, or a config's settings (for the files an override matches). */
type RuleStep = { preset: BuiltInPreset } | { rules?: RawRules; dockerfileTarget?: string; limits?: Partial<LintLimits>; files?: PathMatcher };

/** A config file's content, or why it was not read. */
type ReadConfig = ParsedConfigFile | { refused: string };
/** `size`: characters of text read (0 when refused). */
type SizedRead = { file: ReadConfig; size: number };
const NOT_FOUND = 'not found';

/** A config file with everything it extends, compiled for fast per-file application. */
interface Chain {
  /** Globs are relative to this folder. */
  baseDir: string;
  sources: string[];
  steps: RuleStep[];
  ignore: PathMatcher;
  ignores: { entry: ResourceIgnore; files?: PathMatcher }[];
  locked: string[];
  /** Every config's `podSpecPaths`, the extending config's first. */
  podSpecPaths: CustomPodSpecPath[];
  /** `secrets.patterns` by id (a later config's entry replaces an earlier one of the same id), with the files each allows. */
  secretPatterns: { pattern: TeamSecretPattern; allowedIn?: PathMatcher }[];
  unusedSuppressions?: RuleSeverity;
  problems: ConfigProblem[];
  /** Effective configs by which overrides and ignores a file matches: most files of a scan share one. */
  configs: Map<string, LintConfig>;
}

const EMPTY: LintConfig = { rules: {} };
const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class ConfigResolver {
  private readonly source: ConfigSource;
  private generation = 0;
  /** By path; `root` is the folder the file was read inside (undefined: anywhere), part of what the result depends on. */
  private readonly parsed = new Map<string, { version: string; checkedAt: number; root: string | undefined; read: SizedRead }>();
  private readonly nearest = new Map<string, string | null>();
  private readonly chains = new Map<string, Chain>();
  private readonly lastValid = new Map<string, Chain>();
  private readonly perFile = new Map<string, ResolvedConfig>();

  constructor(private readonly options: ResolverOptions) {
    this.source = options.source ?? diskSource;
  }

  /** The config for `filePath`; `explicitConfig` (absolute, or relative to the root) overrides discovery. */
  resolve(filePath: string, explicitConfig?: string): ResolvedConfig {
    const key = `${filePath}\0${explicitConfig ?? ''}`;
    let resolved = this.perFile.get(key);
    if (!resolved) {
      resolved = this.compute(filePath, explicitConfig);
      this.perFile.set(key, resolved);
    }
    return resolved;
  }

  /** Problems of the config at `configFile` and what it extends, as if it were the config in force. */
  problemsOf(configFile: string): ConfigProblem[] {
    return this.chain(configFile, dirname(configFile), this.options.rootFor(configFile)).problems;
  }

  /** True for a file read as a config so far (discovered, explicit or extended). */
  isConfigFile(path: string): boolean {
    return this.parsed.has(path);
  }

  /** Forget what was derived from files; the next lookups re-check file versions (stat), re-parsing only what changed. */
  invalidate(): void {
    this.generation++;
    this.nearest.clear();
    this.chains.clear();
    this.perFile.clear();
  }

  private compute(filePath: string, explicitConfig: string | undefined): ResolvedConfig {
    const root = this.options.rootFor(filePath);
    const configFile = explicitConfig ? resolve(root, explicitConfig) : this.discover(dirname(filePath), root);
    const readAnywhere = Boolean(explicitConfig && this.options.explicitConfigAnywhere);
    // An explicit config may live elsewhere (`.github/…`): its globs are relative to the root.
    const chain =
      explicitConfig && configFile && !readAnywhere && !isInside(configFile, root)
        ? { ...presetChain(root), problems: [{ file: configFile, range: ZERO_RANGE, message: `config file ${quote(explicitConfig)} is outside the folder ${root}: not read` }] }
        : this.chain(configFile, explicitConfig ? root : configFile ? dirname(configFile) : root, root, readAnywhere);
    const relativePath = relative(chain.baseDir, filePath).split(sep).join('/');
    const base = { configFile, sources: chain.sources, problems: chain.problems };
    if (chain.ignore(relativePath)) return { ...base, config: EMPTY, ignored: true };
    return { ...base, config: effectiveConfig(chain, relativePath), ignored: false };
  }

  private discover(dir: string, root: string): string | undefined {
    const visited: string[] = [];
    let found: string | null = null;
    for (const folder of foldersUpTo(dir, root)) {
      const cached = this.nearest.get(folder);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(folder);
      const here = CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((path) => this.source.version(path) !== undefined);
      if (here) {
        found = here;
        break;
      }
    }
    for (const folder of visited) this.nearest.set(folder, found);
    return found ?? undefined;
  }

  /**
   * `root`: the folder of the file being configured. A config inside it extends only files of its own
   * project inside it (`containmentRoot`); one outside it (a scan of another folder, a config named on the
   * command line) only files of its own project.
   * `readAnywhere`: the config itself was named by the user and is read wherever it is.
   */
  private chain(configFile: string | undefined, baseDir: string, root: string, readAnywhere = false): Chain {
    const projectRoot = configFile === undefined ? root : isInside(configFile, root) ? containmentRoot(configFile, root) : findProjectRoot(dirname(configFile), dirname(configFile));
    const key = `${configFile ?? ''}\0${baseDir}\0${projectRoot}\0${readAnywhere}`;
    let chain = this.chains.get(key);
    if (!chain) {
      const built = configFile ? this.buildChain(configFile, baseDir, projectRoot, readAnywhere) : presetChain(baseDir);
      if (built.problems.length === 0) this.lastValid.set(key, built);
      // A broken config never silently disables linting: the last valid one (or the preset) stays in force.
      chain = built.problems.length ? { ...(this.lastValid.get(key) ?? presetChain(baseDir)), problems: built.problems } : built;
      this.chains.set(key, chain);
    }
    return chain;
  }

  private buildChain(configFile: string, baseDir: string, projectRoot: string, readAnywhere: boolean): Chain {
    const problems: ConfigProblem[] = [];
    const layers: ({ preset: BuiltInPreset } | { file: string; data: ConfigFileData })[] = [];
    let filesRead = 0;
    let sizeRead = 0;

    // Recursion is bounded: a config more than MAX_EXTENDS_DEPTH levels down is not visited.
    const visit = (path: string, stack: readonly string[], referencedAt?: { file: string; range: Range; specifier: string }) => {
      filesRead++;
      const { file: read, size } = this.parsedFile(path, referencedAt || !readAnywhere ? projectRoot : undefined);
      sizeRead += size;
      if ('refused' in read) {
        if (referencedAt) problems.push({ file: referencedAt.file, range: referencedAt.range, message: `extends: cannot read ${quote(referencedAt.specifier)}: ${read.refused}` });
        else problems.push({ file: path, range: ZERO_RANGE, message: read.refused === NOT_FOUND ? 'config file not found' : `cannot read this config: ${read.refused}` });
        return;
      }
      for (const problem of read.problems) problems.push(problem);
      if (!read.data) return;
      const specifiers = read.data.extends === undefined ? ['manifestlint:recommended'] : [read.data.extends].flat();
      specifiers.forEach((specifier, i) => {
        const at = { file: path, range: read.extendsRanges[i] ?? ZERO_RANGE, specifier };
        const target = resolveExtends(specifier, path, projectRoot, this.source);
        if (target.kind === 'error') problems.push({ file: path, range: at.range, message: `extends: ${target.message}` });
        else if (target.kind === 'preset') layers.push({ preset: target.name });
        else if (stack.includes(target.path)) problems.push({ file: path, range: at.range, message: `extends: cycle ${[...stack.slice(stack.indexOf(target.path)), path, target.path].map((p) => relative(dirname(configFile), p) || p).join(' → ')}` });
        else if (stack.length >= MAX_EXTENDS_DEPTH) problems.push({ file: path, range: at.range, message: `extends: ${quote(specifier)} is more than ${MAX_EXTENDS_DEPTH} levels deep: not read` });
        else if (filesRead >= MAX_CHAIN_FILES) problems.push({ file: path, range: at.range, message: `extends: ${quote(specifier)} not read: this config already reads ${MAX_CHAIN_FILES} files, the most one config may extend` });
        else if (sizeRead > MAX_CHAIN_SIZE) problems.push({ file: path, range: at.range, message: `extends: ${quote(specifier)} not read: this config already reads more than ${MAX_CHAIN_SIZE / (1024 * 1024)} MB of config files` });
        else {
          const before = problems.length;
          visit(target.path, [...stack, path], at);
          const first = problems[before];
          if (first && first.file !== path) problems.push({ file: path, range: at.range, message: `extends: ${quote(specifier)} has problems, first: ${first.message} (${first.file}:${first.range.start.line + 1}:${first.range.start.character + 1})` });
        }
      });
      layers.push({ file: path, data: read.data });
    };
    visit(configFile, []);

    const chain: Chain = { baseDir, sources: [], steps: [], ignore: () => false, ignores: [], locked: [], podSpecPaths: [], secretPatterns: [], problems, configs: new Map() };
    const ignorePatterns = [...DEFAULT_IGNORE];
    for (const layer of layers) {
      if ('preset' in layer) {
        chain.sources.push(`manifestlint:${layer.preset}`);
        chain.steps.push({ preset: layer.preset });
        continue;
      }
      const { data } = layer;
      chain.sources.push(layer.file);
      chain.steps.push({ rules: data.rules, dockerfileTarget: data.dockerfileTarget, limits: data.limits });
      for (const { files, ...settings } of data.overrides ?? []) chain.steps.push({ ...settings, files: globMatcher(files) });
      for (const pattern of data.ignore ?? []) ignorePatterns.push(pattern);
      for (const { files, ...entry } of data.ignores ?? []) chain.ignores.push({ entry, files: files && globMatcher(files) });
      for (const id of data.locked ?? []) if (!chain.locked.includes(id)) chain.locked.push(id);
      // Later configs win, as for rules: their entries are tried first.
      if (data.podSpecPaths) chain.podSpecPaths = [...data.podSpecPaths, ...chain.podSpecPaths];
      for (const pattern of data.secrets?.patterns ?? []) {
        const paths = pattern.allow?.paths;
        chain.secretPatterns = chain.secretPatterns.filter((p) => p.pattern.id !== pattern.id).concat({ pattern, allowedIn: paths?.length ? globMatcher(paths) : undefined });
      }
      chain.unusedSuppressions = data.unusedSuppressions ?? chain.unusedSuppressions;
    }
    chain.ignore = ignoreMatcher(ignorePatterns);
    return chain;
  }

  /** The parsed file, re-read only when its version changed since the last check. `root`: read only inside it. */
  private parsedFile(path: string, root: string | undefined): SizedRead {
    const cached = this.parsed.get(path);
    const sameRead = cached !== undefined && cached.root === root;
    if (sameRead && cached.checkedAt === this.generation) return cached.read;
    const version = this.source.version(path);
    if (version === undefined) {
      this.parsed.delete(path);
      return { file: { refused: NOT_FOUND }, size: 0 };
    }
    if (sameRead && cached.version === version) {
      cached.checkedAt = this.generation;
      return cached.read;
    }
    const text = this.source.read(path, root);
    const read = 'refused' in text ? { file: text, size: 0 } : { file: parseConfigFile(path, text.text), size: text.text.length };
    this.parsed.set(path, { version, checkedAt: this.generation, root, read });
    return read;
  }
}

function presetChain(baseDir: string): Chain {
  return {
    baseDir,
    sources: ['manifestlint:recommended'],
    steps: [{ preset: 'recommended' }],
    ignore: ignoreMatcher(DEFAULT_IGNORE),
    ignores: [],
    locked: [],
    podSpecPaths: [],
    secretPatterns: [],
    problems: [],
    configs: new Map(),
  };
}

function effectiveConfig(chain: Chain, relativePath: string): LintConfig {
  // The key records which globbed steps and ignores match: entries without globs apply to every file.
  let key = '';
  const steps: RuleStep[] = [];
  for (const step of chain.steps) {
    const files = 'preset' in step ? undefined : step.files;
    const applies = !files || files(relativePath);
    if (files) key += applies ? '1' : '0';
    if (applies) steps.push(step);
  }
  const ignores: Chain['ignores'] = [];
  for (const ignore of chain.ignores) {
    const applies = !ignore.files || ignore.files(relativePath);
    if (ignore.files) key += applies ? '1' : '0';
    if (applies) ignores.push(ignore);
  }
  const secretPatterns: TeamSecretPattern[] = [];
  for (const { pattern, allowedIn } of chain.secretPatterns) {
    const allowed = allowedIn?.(relativePath) ?? false;
    if (allowedIn) key += allowed ? '1' : '0';
    if (!allowed) secretPatterns.push(pattern);
  }
  let config = chain.configs.get(key);
  if (!config) {
    config = buildConfig(chain, steps, ignores, secretPatterns);
    chain.configs.set(key, config);
  }
  return config;
}

/** The config from the steps and ignores that apply to a file, in order; later steps win, limit by limit. */
function buildConfig(chain: Chain, steps: readonly RuleStep[], applied: Chain['ignores'], secretPatterns: readonly TeamSecretPattern[]): LintConfig {
  const rules: Record<string, RuleSetting> = {};
  let dockerfileTarget: string | undefined;
  let limits: Partial<LintLimits> | undefined;
  for (const step of steps) {
    if ('preset' in step) Object.assign(rules, presetConfig(step.preset).rules);
    else {
      if (step.rules) applyRules(rules, step.rules);
      dockerfileTarget = step.dockerfileTarget ?? dockerfileTarget;
      if (step.limits) limits = { ...limits, ...step.limits };
    }
  }
  const ignores = applied.map(({ entry }) => entry);
  return {
    rules,
    ...(chain.locked.length ? { locked: chain.locked } : {}),
    ...(chain.podSpecPaths.length ? { podSpecPaths: chain.podSpecPaths } : {}),
    ...(secretPatterns.length ? { secretPatterns } : {}),
    ...(ignores.length ? { ignores } : {}),
    ...(chain.unusedSuppressions ? { unusedSuppressions: chain.unusedSuppressions } : {}),
    ...(dockerfileTarget ? { dockerfileTarget } : {}),
    ...(limits ? { limits } : {}),
  };
}

/** A severity keeps the options in force; `options` replace them (over the rule's defaults). */
function applyRules(target: Record<string, RuleSetting>, rules: RawRules): void {
  for (const [id, setting] of Object.entries(rules)) {
    const inherited = target[id] ?? { options: rulesById.get(id)?.meta.defaultOptions };
    if (typeof setting === 'string') target[id] = { ...inherited, severity: setting };
    else {
      const options = setting.options ? { ...rulesById.get(id)?.meta.defaultOptions, ...setting.options } : inherited.options;
      target[id] = { severity: setting.severity ?? inherited.severity, options };
    }
  }
}
