// The test workspace's fixture files (test/e2e/workspace/) and the diagnostics manifestlint must show for
// them. What each file shows on open is in ../expected-on-open.json, shared with the Neovim check.
import * as assert from 'node:assert/strict';
import expectedOnOpen from '../expected-on-open.json';
import type { Seen } from './support.js';

export const PRIVILEGED_YAML = 'k8s/privileged.yaml';
export const COMPOSE_YAML = 'docker-compose.yaml';

/** Every fixture with what it shows when opened, in document order. */
export const ON_OPEN: Readonly<Record<string, readonly Seen[]>> = expectedOnOpen as Record<string, Seen[]>;

function onOpen(file: string, ruleId: string): Seen {
  const finding = ON_OPEN[file]?.find((seen) => seen.code === ruleId);
  assert.ok(finding, `expected-on-open.json lists ${ruleId} for ${file}`);
  return finding;
}

export const WEB_PRIVILEGED = onOpen(PRIVILEGED_YAML, 'k8s/privileged-container');
export const DEBUG_HOST_PID = onOpen(PRIVILEGED_YAML, 'k8s/host-pid');

/** Appears once web is no longer privileged: Kubernetes rejects allowPrivilegeEscalation: false beside privileged: true. */
export const WEB_ESCALATION: Seen = {
  code: 'k8s/privilege-escalation',
  range: '17:17-17:20',
  severity: 'warning',
  message: 'Container "web" does not set allowPrivilegeEscalation: false, so privilege escalation is allowed',
};

/** A folder of its own, so the team config the config test writes there affects nothing else. */
export const TEAM_DIR = 'team';
export const TEAM_POD_YAML = 'team/privileged-pod.yaml';
export const TEAM_HOST_IPC = onOpen(TEAM_POD_YAML, 'k8s/host-ipc');
export const TEAM_PRIVILEGED = onOpen(TEAM_POD_YAML, 'k8s/privileged-container');

/** Never opened by any test: only the workspace scan can report it. */
export const UNOPENED_YAML = 'unopened/node-agent.yaml';
export const UNOPENED_HOST_NETWORK: Seen = {
  code: 'k8s/host-network',
  range: '9:7-9:24',
  severity: 'error',
  message: `DaemonSet "node-agent" shares the host's network namespace (hostNetwork: true)`,
};

/** Four fixable findings whose fixes reveal no others. */
export const FIX_ALL_YAML = 'k8s/fix-all.yaml';
