// secrets/committed-secret: a `kind: Secret` manifest with real values in `data`/`stringData`, inline
// registry credentials in `.dockerconfigjson`, and `last-applied-configuration` annotations replaying one.
import { isScalar, type Scalar } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { RuleContext } from '../../server/src/engine/types.js';
import type { K8sResource } from '../../server/src/k8s/model.js';
import { decodeBase64, decodeBase64Text } from '../../server/src/secrets/base64.js';
import { committedValueKind, DOCKER_CONFIG_KEYS, registryCredentials, type CommittedValue } from '../../server/src/secrets/committedValues.js';
import { scanTokensInChunks } from '../../server/src/secrets/chunkedTokens.js';
import { credentialKeyStrength } from '../../server/src/secrets/keyNames.js';
import { notASecret } from '../../server/src/secrets/placeholders.js';
import { textCredentials } from '../../server/src/secrets/textCredentials.js';
import { redact } from '../../server/src/secrets/redact.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import { contentRange, isSecret, isSopsEncrypted, LAST_APPLIED_ANNOTATION, rangeInScalar, scalarSource } from './support.js';
import { resourceNameOf } from '../k8s/support.js';

type ValueField = 'data' | 'stringData';

export default defineRule({
  meta: {
    id: 'secrets/committed-secret',
    title: 'Secret manifest with committed values',
    defaultSeverity: 'warning',
    description:
      'Flags `kind: Secret` manifests whose `data` (base64-decoded) or `stringData` hold real values, inline registry credentials in `.dockerconfigjson`, and `kubectl.kubernetes.io/last-applied-configuration` annotations that replay a Secret. A config file kept in a Secret (`grafana.ini`, a kubeconfig) is reported only for the credentials it holds; a private key or token of a known format is left to secrets/token (one finding per secret). Tutorial values (`admin`, `password`) are reported as info; empty values, templates and placeholders are not reported.',
    rationale:
      'Base64 is an encoding, not encryption: a Secret manifest in a repository hands its values to everyone who can read the repository, its forks and its history. Manifests exported with `kubectl get -o yaml` also carry the whole object again in the last-applied-configuration annotation.',
    remediation:
      'Keep Secret values out of the repository: encrypt them (SealedSecrets, SOPS), sync them from a secret store (External Secrets Operator, the Secrets Store CSI driver), or create the Secret at deploy time (`kubectl create secret … --from-file`). Rotate values that were committed.',
    // No peer checks the Secret manifest itself (gitleaks' kubernetes-secret-yaml regex comes closest).
    peers: {},
    messages: {
      committed: '{{secret}} commits a literal value in {{field}} ({{preview}})',
      demo: '{{secret}} commits a demo value in {{field}}: fine for a tutorial, never for a real cluster',
      inConfigFile: '{{secret}} commits a config file in {{field}} whose {{key}} is a literal credential ({{preview}})',
      registry: '{{secret}} commits registry credentials for {{registry}} in {{field}} ({{preview}})',
      lastApplied: 'The last-applied-configuration annotation of {{resource}} replays Secret "{{secret}}" with {{count}} literal value(s)',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const resource of file.resources) {
      checkLastApplied(file, resource, context);
      if (!isSecret(resource) || isSopsEncrypted(resource.node, resource.nav)) continue;
      for (const field of ['data', 'stringData'] as const) {
        const map = resource.nav.map(resource.node, field);
        for (const pair of map?.items ?? []) {
          const node = resource.nav.resolve(pair.value);
          if (isScalar(pair.key) && isScalar(node) && typeof node.value === 'string' && !resource.nav.isTemplated(node)) checkValue(file, resource, field, String(pair.key.value), node as Scalar<string>, context);
        }
      }
    }
  },
});

function checkValue(file: YamlFile, resource: K8sResource, field: ValueField, key: string, node: Scalar<string>, context: RuleContext): void {
  const secret = resourceNameOf(resource);
  // `data.password`, but `data[".dockerconfigjson"]` rather than a double dot.
  const where = key.startsWith('.') ? `${field}["${key}"]` : `${field}.${key}`;
  // Templates (`{{ .Values.pw | b64enc }}`), `ENC[…]` and empty values in `data` are not base64 to decode.
  const encoded = field === 'data' ? notASecret(node.value) : undefined;
  if (encoded === 'empty' || encoded === 'reference' || encoded === 'encrypted') return;
  const decoded = field === 'data' ? decodeBase64(node.value) : { kind: 'text' as const, text: node.value };
  if (!decoded) return;
  if (decoded.kind === 'binary') {
    // A keystore or other binary credential: still committed, and nothing to preview but its length.
    context.report({ messageId: 'committed', data: { secret, field: where, preview: redact(node.value) }, range: contentRange(file, node) });
    return;
  }
  if (DOCKER_CONFIG_KEYS.has(key)) {
    const registries = registryCredentials(decoded.text);
    if (registries) {
      for (const credential of registries) {
        const at = field === 'stringData' ? node.value.indexOf(credential.written) : -1;
        context.report({
          messageId: 'registry',
          data: { secret, registry: credential.registry, field: where, preview: redact(credential.secret) },
          range: at === -1 ? contentRange(file, node) : rangeInScalar(file, node, node.value, at, at + credential.written.length),
        });
      }
      return;
    }
  }
  // An issued format (a PEM private key, a token) is the token rule's finding: one finding per secret.
  if (scanTokensInChunks(decoded.text).length > 0) return;
  if (decoded.text.includes('\n') && credentialKeyStrength(key) !== 'strong') {
    checkConfigFile(file, resource, field, where, node, decoded.text, context);
    return;
  }
  const kind = committedValueKind(key, decoded.text);
  if (!kind) return;
  context.report({
    messageId: kind === 'demo' ? 'demo' : 'committed',
    data: { secret, field: where, preview: redact(decoded.text) },
    range: contentRange(file, node),
    severity: kind === 'demo' ? 'info' : undefined,
  });
}

/**
 * A config file kept in a Secret (`grafana.ini`, `datasources.yaml`, a kubeconfig): committing it is a
 * leak only when it holds a credential, reported on that credential (inside `stringData`) or on the
 * encoded value (`data`).
 */
function checkConfigFile(file: YamlFile, resource: K8sResource, field: ValueField, where: string, node: Scalar<string>, text: string, context: RuleContext): void {
  const found = textCredentials(text);
  if (found.length === 0) return;
  const source = field === 'stringData' ? scalarSource(file, node, text) : undefined;
  for (const { judged, pairKey } of found.sort((a, b) => a.judged.start - b.judged.start)) {
    context.report({
      messageId: 'inConfigFile',
      data: { secret: resourceNameOf(resource), field: where, key: pairKey, preview: redact(judged.secret) },
      range: source ? source.locate(judged.start, judged.end) : contentRange(file, node),
    });
  }
}

/** `kubectl apply` stores the whole object, Secret values included, in this annotation. */
function checkLastApplied(file: YamlFile, resource: K8sResource, context: RuleContext): void {
  const field = resource.nav.field(resource.nav.map(resource.metadata, 'annotations'), LAST_APPLIED_ANNOTATION);
  if (!field || typeof field.value !== 'string' || !field.value.includes('"Secret"')) return;
  const replayed = parseSecret(field.value);
  if (!replayed) return;
  const count = realValueCount(replayed.data, decodeBase64Text) + realValueCount(replayed.stringData, (value) => value);
  if (count === 0) return;
  context.report({
    messageId: 'lastApplied',
    data: { resource: resourceNameOf(resource), secret: replayed.name, count },
    range: contentRange(file, field.node),
  });
}

interface ReplayedSecret {
  name: string;
  data?: unknown;
  stringData?: unknown;
}

function parseSecret(json: string): ReplayedSecret | undefined {
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const object = parsed as { kind?: unknown; metadata?: { name?: unknown }; data?: unknown; stringData?: unknown };
    if (object.kind !== 'Secret') return undefined;
    return { name: typeof object.metadata?.name === 'string' ? object.metadata.name : '(unnamed)', data: object.data, stringData: object.stringData };
  } catch {
    return undefined;
  }
}

function realValueCount(values: unknown, decode: (value: string) => string | undefined): number {
  if (typeof values !== 'object' || values === null) return 0;
  let count = 0;
  for (const [key, value] of Object.entries(values)) {
    const text = typeof value === 'string' ? decode(value) : undefined;
    const kind: CommittedValue | undefined = text === undefined ? undefined : committedValueKind(key, text);
    if (kind === 'real') count++;
  }
  return count;
}
