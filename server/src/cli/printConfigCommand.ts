// `manifestlint print-config <file>`: the configuration in force for one file, after discovery,
// extends and overrides, so a team can see why a rule is (not) reported there.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { allRules } from '../../../rules/index.js';
import { effectiveLimits } from '../text/limits.js';
import { isOn } from '../engine/config.js';
import { ScanConfig } from '../scan/configForScan.js';
import { terminalSafeJson, terminalSafeYaml } from '../report/printable.js';
import { UsageError } from '../scan/discover.js';
import { configProblemsReport } from './configProblems.js';

export const PRINT_CONFIG_HELP = `manifestlint print-config <file> [--config <file>] [--format yaml|json]

Prints the configuration that applies to <file>: the config file in force, what it extends, whether the
file is ignored, every rule with its severity and options (rules not listed as enabled are off), and the
limits (size, time budget) a file is linted within.
Exit code 2 when the configuration is invalid.`;

export function runPrintConfig(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: 'string', short: 'c' }, format: { type: 'string', short: 'f', default: 'yaml' } },
  });
  if (positionals.length !== 1) throw new UsageError('print-config takes exactly one file');
  if (values.format !== 'yaml' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}" (expected: yaml, json)`);
  const cwd = process.cwd();
  const configFile = values.config && resolve(values.config);
  const resolved = new ScanConfig({ root: cwd, configFile, configFileAnywhere: true }).resolve(resolve(positionals[0]));
  if (resolved.problems.length) {
    process.stderr.write(configProblemsReport(resolved.problems, cwd));
    return 2;
  }
  const { config } = resolved;
  const effective = {
    file: resolve(positionals[0]),
    configFile: resolved.configFile ?? null,
    extends: resolved.sources,
    ignored: resolved.ignored,
    rules: Object.fromEntries(
      allRules.map(({ meta }) => {
        const setting = config.rules[meta.id];
        if (!isOn(setting)) return [meta.id, 'off'];
        const severity = setting.severity ?? meta.defaultSeverity;
        return [meta.id, setting.options && Object.keys(setting.options).length ? { severity, options: setting.options } : severity];
      }),
    ),
    locked: config.locked ?? [],
    ignores: config.ignores ?? [],
    unusedSuppressions: config.unusedSuppressions ?? 'info',
    dockerfileTarget: config.dockerfileTarget ?? null,
    limits: effectiveLimits(config.limits),
  };
  // Paths and config values come from the repository: printed without raw control characters.
  process.stdout.write(values.format === 'json' ? `${terminalSafeJson(effective)}\n` : terminalSafeYaml(effective));
  return 0;
}
