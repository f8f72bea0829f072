// The team config from the command line: scan applies it per file (and fails CI on a broken one),
// --config overrides discovery, init writes a valid starter, print-config shows the effective config.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseConfigFile } from '../../server/src/config/configFile.js';
import { tempWorkspace, type TempWorkspace } from './tempWorkspace.js';

const CLI = resolve('dist/cli.js');
const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: web\n      securityContext:\n        privileged: true\n';

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `file ruleId` for each finding of a JSON report. */
function findingsOf(stdout: string): string[] {
  const files = JSON.parse(stdout) as { filePath: string; findings: { ruleId: string }[] }[];
  return files.flatMap((f) => f.findings.map((x) => `${f.filePath} ${x.ruleId}`));
}

before(() => {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
});

describe('manifestlint scan with a team config', () => {
  let ws: TempWorkspace;
  before(() => {
    ws = tempWorkspace({
      '.manifestlint.yaml': 'extends: []\nrules: { k8s/privileged-container: error, k8s/host-pid: warning }\nignore: [generated]\noverrides:\n  - files: ["dev/**"]\n    rules: { k8s/host-pid: off }\n',
      'prod/pod.yaml': PRIVILEGED_POD,
      'dev/pod.yaml': PRIVILEGED_POD,
      'generated/pod.yaml': PRIVILEGED_POD,
      'ci/strict.yaml': 'extends: []\nrules: { k8s/host-pid: error }\n',
    });
  });
  after(() => ws.dispose());

  it('applies rules and overrides per file, skips ignored files, and does not lint the config itself', () => {
    const { code, stdout } = run(['scan', '--format', 'json'], ws.root);
    assert.equal(code, 1);
    assert.deepEqual(findingsOf(stdout), ['dev/pod.yaml k8s/privileged-container', 'prod/pod.yaml k8s/host-pid', 'prod/pod.yaml k8s/privileged-container']);
    assert.ok(!stdout.includes('.manifestlint.yaml') && !stdout.includes('generated/'));
  });

  it('--config replaces discovery (and its globs are relative to the project root)', () => {
    const { stdout } = run(['scan', '--format', 'json', '--config', 'ci/strict.yaml', 'prod', 'dev'], ws.root);
    assert.deepEqual(findingsOf(stdout), ['dev/pod.yaml k8s/host-pid', 'prod/pod.yaml k8s/host-pid']);
  });

  it('finds the config from a subfolder of the repository', () => {
    const { stdout } = run(['scan', '--format', 'json', '.'], ws.path('prod'));
    assert.deepEqual(findingsOf(stdout), ['pod.yaml k8s/host-pid', 'pod.yaml k8s/privileged-container']);
  });
});

describe('dockerfileTarget', () => {
  it('judges the stage `docker build --target` ships, per file, and print-config shows it', () => {
    const dockerfile = 'FROM node:22 AS runtime\nUSER node\nFROM runtime AS debug\nUSER root\n';
    // node:22 reaches end of life on 2027-04-30: the date-based rule is off, so the findings are the stage rules' alone.
    const ws = tempWorkspace({
      '.manifestlint.yaml': 'dockerfileTarget: runtime\nrules: { dockerfile/eol-base-image: off }\noverrides:\n  - files: ["legacy/**"]\n    dockerfileTarget: debug\n',
      'app/Dockerfile': dockerfile,
      'legacy/Dockerfile': dockerfile,
    });
    try {
      const { stdout } = run(['scan', '--format', 'json'], ws.root);
      const messages = (JSON.parse(stdout) as { filePath: string; findings: { ruleId: string; message: string }[] }[]).flatMap((f) => f.findings.map((x) => `${f.filePath} ${x.message}`));
      assert.deepEqual(messages, [
        'app/Dockerfile The target stage "runtime" ships node:22, a full Node.js image: use node:22-slim or gcr.io/distroless/nodejs22-debian13',
        'legacy/Dockerfile The final stage ships node:22, a full Node.js image: use node:22-slim or gcr.io/distroless/nodejs22-debian13',
        'legacy/Dockerfile The final stage runs as root (USER root): switch to a non-root user before the container starts',
      ]);
      assert.equal(JSON.parse(run(['print-config', 'legacy/Dockerfile', '--format', 'json'], ws.root).stdout).dockerfileTarget, 'debug');
    } finally {
      ws.dispose();
    }
  });
});

describe('a broken config in CI', () => {
  it('exits 2 naming file:line:col of each problem, and lints nothing', () => {
    const ws = tempWorkspace({ '.manifestlint.yaml': 'rules:\n  k8s/host-path: warn\nlocked: [k8s/nope]\n', 'pod.yaml': PRIVILEGED_POD });
    try {
      const { code, stdout, stderr } = run(['scan'], ws.root);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(
        stderr,
        'manifestlint: invalid configuration, nothing was linted:\n' +
          '  .manifestlint.yaml:2:18: rules.k8s/host-path: must be one of off, info, warning, error, or an object\n' +
          '  .manifestlint.yaml:3:10: locked[0]: unknown rule "k8s/nope"\n',
      );
      assert.equal(run(['scan', '--config', 'missing.yaml'], ws.root).code, 2);
    } finally {
      ws.dispose();
    }
  });
});

describe('manifestlint init', () => {
  it('writes a commented starter config that is valid, then refuses to overwrite it', () => {
    const ws = tempWorkspace();
    try {
      const first = run(['init'], ws.root);
      assert.equal(first.code, 0, first.stderr);
      const text = readFileSync(ws.path('.manifestlint.yaml'), 'utf8');
      assert.match(text, /^# manifestlint team configuration/);
      assert.deepEqual(parseConfigFile(ws.path('.manifestlint.yaml'), text).problems, []);
      const second = run(['init'], ws.root);
      assert.equal(second.code, 2);
      assert.match(second.stderr, /already exists; not overwriting it/);
      assert.equal(readFileSync(ws.path('.manifestlint.yaml'), 'utf8'), text);
    } finally {
      ws.dispose();
    }
  });
});

describe('manifestlint print-config', () => {
  it('prints the effective config for a file as JSON or YAML', () => {
    const ws = tempWorkspace({
      '.manifestlint.yaml': 'rules: { k8s/dangerous-capability: { options: { allowedCapabilities: [NET_ADMIN] } } }\noverrides:\n  - files: ["dev/**"]\n    rules: { k8s/run-as-root: off }\nlocked: [k8s/privileged-container]\n',
    });
    try {
      const { code, stdout } = run(['print-config', 'dev/app.yaml', '--format', 'json'], ws.root);
      assert.equal(code, 0);
      const effective = JSON.parse(stdout);
      assert.equal(effective.configFile, ws.path('.manifestlint.yaml'));
      assert.deepEqual(effective.extends, ['manifestlint:recommended', ws.path('.manifestlint.yaml')]);
      assert.equal(effective.rules['k8s/run-as-root'], 'off');
      assert.equal(effective.rules['k8s/privileged-container'], 'error');
      assert.deepEqual(effective.rules['k8s/dangerous-capability'], { severity: 'error', options: { allowedCapabilities: ['NET_ADMIN'] } });
      assert.deepEqual(effective.locked, ['k8s/privileged-container']);
      const yaml = run(['print-config', 'prod/app.yaml'], ws.root).stdout;
      // run-as-root has options (requireRunAsNonRoot), so YAML prints its severity below its name.
      assert.match(yaml, /^ {2}k8s\/run-as-root:\n {4}severity: warning$/m);
    } finally {
      ws.dispose();
    }
  });
});

describe('a hostile repository config in CI', () => {
  /** A workspace holding `config` and a pod, and a folder outside it holding a planted secret. */
  function hostile(config: string) {
    const outside = tempWorkspace({ 'shadow': 'root:$6$planted-outside-the-workspace$:19000:0:99999:7:::\n' });
    const ws = tempWorkspace({ '.manifestlint.yaml': config.replace('OUTSIDE', outside.path('shadow')), 'pod.yaml': PRIVILEGED_POD });
    return { ws, outside, dispose: () => (ws.dispose(), outside.dispose()) };
  }

  it('extends outside the repository: exit 2, the entry named as written, the file never quoted', () => {
    const { ws, outside, dispose } = hostile('extends: OUTSIDE\n');
    try {
      const { code, stdout, stderr } = run(['scan'], ws.root);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, `manifestlint: invalid configuration, nothing was linted:\n  .manifestlint.yaml:1:10: extends: "${outside.path('shadow')}" is outside the project folder ${ws.root}: not read\n`);
    } finally {
      dispose();
    }
  });

  it('an alias bomb: exit 2 with a config problem, no crash', () => {
    const levels = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
    const { ws, dispose } = hostile(`${levels.join('\n')}\n`);
    try {
      const { code, stderr } = run(['scan'], ws.root);
      assert.equal(code, 2);
      assert.equal(stderr, 'manifestlint: invalid configuration, nothing was linted:\n  .manifestlint.yaml:2:10: its aliases (*name) expand into more than 100 copies of anchored values: not read (a guard against "billion laughs" files)\n');
    } finally {
      dispose();
    }
  });

  it('--config names a file anywhere (the user chose it), but what it extends stays inside its project', () => {
    const { ws, outside, dispose } = hostile('rules: {}\n');
    try {
      outside.write('policy.yaml', 'extends: [manifestlint:recommended, ../escape.yaml]\n');
      const escaped = run(['scan', '--config', outside.path('policy.yaml')], ws.root);
      assert.equal(escaped.code, 2);
      assert.match(escaped.stderr, /extends: "\.\.\/escape\.yaml" is outside the project folder/);
      outside.write('policy.yaml', 'extends: []\nrules: { k8s/host-pid: error }\n');
      const { code, stdout } = run(['scan', '--format', 'json', '--config', outside.path('policy.yaml')], ws.root);
      assert.equal(code, 1);
      assert.deepEqual(findingsOf(stdout), ['pod.yaml k8s/host-pid']);
    } finally {
      dispose();
    }
  });
});

describe('limits in the team config', () => {
  it('print-config shows the limits in force, defaults filled in', () => {
    const ws = tempWorkspace({ '.manifestlint.yaml': 'limits: { timeBudgetMs: 2000 }\noverrides:\n  - { files: ["big/**"], limits: { maxFileSizeMB: 20 } }\n' });
    try {
      assert.deepEqual(JSON.parse(run(['print-config', 'big/app.yaml', '--format', 'json'], ws.root).stdout).limits, { maxFileSizeMB: 20, timeBudgetMs: 2000 });
      assert.deepEqual(JSON.parse(run(['print-config', 'app.yaml', '--format', 'json'], ws.root).stdout).limits, { maxFileSizeMB: 5, timeBudgetMs: 2000 });
    } finally {
      ws.dispose();
    }
  });
});
