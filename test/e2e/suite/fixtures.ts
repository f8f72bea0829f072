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
