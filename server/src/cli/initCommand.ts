// `manifestlint init`: writes a commented starter `.manifestlint.yaml` a team can commit and adjust.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAMES } from '../config/configFile.js';
import { UsageError } from '../scan/discover.js';

export const INIT_HELP = `manifestlint init [folder]

Writes a starter .manifestlint.yaml (with comments explaining each setting) into the folder (default: .).
Refuses to overwrite an existing config.`;

/** The starter config; a test checks it is valid and that its examples name real rules. */
export const STARTER_CONFIG = `# manifestlint team configuration: commit it so the editor, the CLI and CI apply the same policy.
# Schema: editors with the Red Hat YAML extension complete and check this file.
# Effective config for a file: \`manifestlint print-config <file>\`. Rules: \`manifestlint rules\`.

# Built-in presets: manifestlint:recommended (the default), manifestlint:strict, manifestlint:all.
# Also relative paths (./policy/base.yaml) and packages in node_modules (@acme/manifestlint-config).
extends: manifestlint:recommended

# Per rule: off | info | warning | error, or { severity, options }.
rules:
  k8s/service-account-token: info
  # k8s/dangerous-capability:
  #   severity: error
  #   options:
  #     allowedCapabilities: [NET_BIND_SERVICE]

# The Dockerfile stage that ships, as in \`docker build --target\` (default: the last stage).
# dockerfileTarget: runtime

# Different settings for some files (globs relative to this file's folder).
overrides: []
#  - files: ["deploy/dev/**"]
#    rules:
#      k8s/run-as-root: warning

# Files never linted, besides node_modules, .git and vendor.
ignore: []
#  - "charts/*/templates/**"

# Accepted findings for specific resources; each needs a reason (it shows up in SARIF).
ignores: []
#  - rule: k8s/host-network
#    kind: DaemonSet
#    name: node-exporter
#    namespace: monitoring
#    reason: Exports host network metrics; reviewed by the platform team.

# Rules no inline suppression (comment or annotation) can switch off.
locked:
  - k8s/privileged-container
`;

export function runInit(argv: string[]): number {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new UsageError('init takes at most one folder');
  const folder = resolve(positionals[0] ?? '.');
  const existing = CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((path) => existsSync(path));
  if (existing) throw new UsageError(`${existing} already exists; not overwriting it`);
  const target = join(folder, CONFIG_FILE_NAMES[0]);
  writeFileSync(target, STARTER_CONFIG, { flag: 'wx' });
  process.stdout.write(`wrote ${target}\n`);
  return 0;
}
