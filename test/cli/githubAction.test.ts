// The GitHub Action, run as the runner runs it: action.yml's scan step with its inputs in INPUT_*
// variables and the runner's files for outputs and the job summary.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { PRIVILEGED_POD, WARNING_ONLY_POD } from './pods.js';
import { tempWorkspace } from '../support/tempWorkspace.js';

const CLI = resolve('dist/cli.js');

interface ActionStep {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}
const action = parse(readFileSync('action.yml', 'utf8')) as Action;
const scanStep = action.runs.steps.find((step) => step.id === 'scan');

/** Runs the scan step in `root` with the inputs given (the others at their defaults), as the runner would. */
function runAction(root: string, inputs: Record<string, string>) {
  const runner = mkdtempSync(join(tmpdir(), 'manifestlint-runner-'));
  const files = { GITHUB_OUTPUT: join(runner, 'output'), GITHUB_STEP_SUMMARY: join(runner, 'summary.md') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', RUNNER_TEMP: runner, ...files };
  for (const [name, template] of Object.entries(scanStep?.env ?? {})) {
    const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(template)?.[1] ?? '';
    env[name] = inputs[input] ?? action.inputs[input].default;
  }
  const result = spawnSync(process.execPath, [CLI, 'github-action'], { cwd: root, encoding: 'utf8', env });
  const outputs = Object.fromEntries(readFileSync(files.GITHUB_OUTPUT, 'utf8').trim().split('\n').map((line) => line.split('=', 2) as [string, string]));
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8') };
}

const workspace = (files: Record<string, string>) => tempWorkspace('action', files);

describe('the GitHub Action', () => {
  it('action.yml passes every input to the scan step, and its outputs are ones the step writes', () => {
    assert.equal(action.runs.using, 'composite');
    assert.match(scanStep?.run ?? '', /dist\/cli\.js" github-action$/);
    const passed = Object.values(scanStep?.env ?? {}).map((template) => /inputs\.([a-z-]+)/.exec(template)?.[1]);
    assert.deepEqual(passed.sort(), Object.keys(action.inputs).sort());
    const { outputs } = runAction(workspace({ 'pod.yaml': PRIVILEGED_POD }), {});
    for (const [name, output] of Object.entries(action.outputs)) {
      const step = /^\$\{\{ steps\.scan\.outputs\.([a-z-]+) \}\}$/.exec(output.value)?.[1];
      assert.ok(step && step in outputs, `output ${name} is written by the scan step`);
    }
  });

  it('annotates the findings, writes the job summary and SARIF, and says the job fails at the fail level', () => {
    const root = workspace({ 'k8s/pod.yaml': PRIVILEGED_POD });
    const run = runAction(root, { paths: 'k8s' });
    assert.equal(run.code, 0, 'the step itself succeeds, so that the SARIF upload still runs');
    assert.match(run.stdout, /^::error file=k8s\/pod\.yaml,line=10,.*title=k8s\/privileged-container::/m);
    assert.match(run.summary, /\| \[`k8s\/privileged-container`\]/);
    assert.equal(run.outputs.failed, 'true');
    assert.equal(run.outputs.errors, '1');
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    assert.ok(sarif.runs[0].results.some((result) => result.ruleId === 'k8s/privileged-container'));
  });

  it('with upload-sarif, leaves the diff to code scanning (no annotations); fail-level none never fails', () => {
    const run = runAction(workspace({ 'pod.yaml': PRIVILEGED_POD }), { 'upload-sarif': 'true', 'fail-level': 'none' });
    assert.equal(run.stdout, '');
    assert.equal(run.outputs.failed, 'false');
    assert.ok(Number(run.outputs.findings) > 0);
  });

  it('fail-level warning fails on warnings; a baseline hides what it holds', () => {
    const root = workspace({ 'pod.yaml': WARNING_ONLY_POD });
    assert.equal(runAction(root, { 'fail-level': 'warning' }).outputs.failed, 'true');
    assert.equal(runAction(root, {}).outputs.failed, 'false');
    spawnSync(process.execPath, [CLI, 'baseline'], { cwd: root });
    const baselined = runAction(root, { 'fail-level': 'warning', baseline: '.manifestlint-baseline.json' });
    assert.equal(baselined.outputs.failed, 'false');
    assert.equal(baselined.outputs.findings, '0');
    assert.match(baselined.summary, /in the baseline \(\.manifestlint-baseline\.json\) not shown/);
  });

  it('refuses an unknown fail level', () => {
    const run = runAction(workspace({ 'pod.yaml': PRIVILEGED_POD }), { 'fail-level': 'critical' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /fail-level must be one of error, warning, info, none/);
  });
});
