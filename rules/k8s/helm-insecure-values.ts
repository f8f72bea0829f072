// k8s/helm-insecure-values: insecure settings in a Helm chart's values file, which the chart's
// templates feed into pod specs (`toYaml .Values.securityContext`), reported where they are written.
import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { consumersOf, type HelmHint } from '../../server/src/helm/consumers.js';
import type { Report } from '../../server/src/engine/types.js';
import { isValuesFileName } from '../../server/src/helm/detect.js';
import { nodeRange, type YamlNav } from '../../server/src/yaml/nav.js';
import { DANGEROUS_CAPABILITIES, normalizeCapability } from './capabilities.js';
import { CHART_VALUES_KEYS, IMAGE_CHECKS, POD_SPEC_CHECKS, SECURITY_CONTEXT_CHECKS, type ValuesCheck } from './helm-values-checks.js';

/** `securityContext`, `podSecurityContext`, `containerSecurityContext`, `initContainerSecurityContext`… */
const SECURITY_CONTEXT_KEY = /securityContext$/i;
const POD_SECURITY_CONTEXT_KEY = /^podSecurityContext$/i;
/** Values nest a few levels (`controller.admissionWebhooks.patch.securityContext`); deeper is data. */
const MAX_DEPTH = 12;

/** A values path: keys, and sequence indexes (`sidecars[0].securityContext`). */
type ValuesPath = readonly (string | number)[];

function showPath(path: ValuesPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/** How a message says who reads the value: the templates the hint names, or the chart's templates. */
function consumerText(hint: HelmHint | undefined, path: ValuesPath): string {
  const end = path.findIndex((segment) => typeof segment === 'number');
  const keys = (end === -1 ? path : path.slice(0, end)) as string[];
  const consumers = consumersOf(hint, keys);
  return consumers ? `read by ${consumers.templates.join(', ')} (${consumers.reference})` : "read by the chart's templates";
}

function isChartValues(root: YAMLMap, nav: YamlNav): boolean {
  if (nav.field(root, 'apiVersion') && nav.field(root, 'kind')) return false;
  return root.items.some((item) => isPair(item) && isScalar(item.key) && CHART_VALUES_KEYS.has(String(item.key.value)));
}

export default defineRule({
  meta: {
    id: 'k8s/helm-insecure-values',
    title: 'Insecure Helm chart values',
    defaultSeverity: 'warning',
    description:
      'Flags insecure settings in a Helm chart\'s `values.yaml` (and `values-*.yaml`): `privileged: true`, `allowPrivilegeEscalation: true`, `runAsUser: 0`, `runAsNonRoot: false`, `readOnlyRootFilesystem: false`, `procMount: Unmasked`, seccomp `Unconfined`, `windowsOptions.hostProcess: true` and dangerous added capabilities in any `*securityContext` mapping; `hostNetwork`/`hostPID`/`hostIPC: true`; `image.tag: latest`. A mapping the defaults switch off (`enabled: false`, as in `volumePermissions` or a Bitnami `containerSecurityContext`) is skipped: with the chart defaults its templates do not render, as Checkov and Trivy see a chart rendered with them.',
    rationale:
      'In a chart the pod spec is a template and the security settings live in the values: `securityContext: {{ toYaml .Values.securityContext }}` makes the values file the place where a privileged or root container is decided. Linting only the templates would miss it; this rule checks the values with the same judgement the Kubernetes rules apply to rendered manifests.',
    remediation:
      'Change the value to the safe setting shown in the fix (e.g. `privileged: false`, `runAsNonRoot: true`, a pinned image tag). If one installation needs the insecure value, set it in that installation\'s own values file with a suppression and a reason, not in the chart defaults.',
    peers: { trivy: ['KSV-0017', 'KSV-0001', 'KSV-0105', 'KSV-0012', 'KSV-0014', 'KSV-0027', 'KSV-0104', 'KSV-0022', 'KSV-0009', 'KSV-0010', 'KSV-0008', 'KSV-0013'] },
    messages: {
      insecure: 'Chart value {{setting}} {{effect}}; {{consumer}}',
      dangerousCapability: 'Chart value {{path}} adds capability {{capability}}: {{power}}; {{consumer}}',
    },
    fixes: ['Set <key>: <safe value>', 'Remove <capability> from capabilities.add'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    if (!isValuesFileName(file.uri)) return;
    for (const { doc, nav, hasErrors, hasUnknownAlias } of file.documents) {
      const root = nav.resolve(doc.contents);
      if (hasErrors || hasUnknownAlias || !isMap(root) || !isChartValues(root, nav)) continue;
      const reported = new Set<Node>();
      const report = (node: Node, finding: Report) => {
        if (reported.has(node)) return; // an alias makes one written value reachable twice
        reported.add(node);
        context.report(finding);
      };

      const check = (map: YAMLMap, path: ValuesPath, checks: readonly ValuesCheck[], skipContainerOnly = false) => {
        for (const spec of checks) {
          if (skipContainerOnly && spec.containerOnly) continue;
          const field = nav.field(nav.mapAt(map, spec.path.slice(0, -1)), spec.path[spec.path.length - 1]);
          if (!field || field.templated || field.value !== spec.insecure) continue;
          const fullPath = [...path, ...spec.path];
          const key = spec.path[spec.path.length - 1];
          report(field.node, {
            messageId: 'insecure',
            data: { setting: `${showPath(fullPath)}: ${String(spec.insecure)}`, effect: spec.effect, consumer: consumerText(context.helm, fullPath) },
            range: field.range,
            severity: spec.severity,
            fixes: spec.safe === undefined ? [] : [{ title: `Set ${key}: ${String(spec.safe)}`, isPreferred: true, changes: [{ kind: 'yaml.set', node: field.node, value: spec.safe }] }],
          });
        }
      };

      const checkCapabilities = (securityContext: YAMLMap, path: ValuesPath) => {
        const addPath = [...path, 'capabilities', 'add'];
        for (const node of nav.items(nav.seq(nav.map(securityContext, 'capabilities'), 'add'))) {
          const range = nodeRange(node);
          if (!isScalar(node) || typeof node.value !== 'string' || !range || nav.isTemplated(node)) continue;
          const power = DANGEROUS_CAPABILITIES.get(normalizeCapability(node.value));
          if (!power) continue;
          report(node, {
            messageId: 'dangerousCapability',
            data: { path: showPath(addPath), capability: node.value, power, consumer: consumerText(context.helm, addPath) },
            range,
            severity: 'error',
            fixes: [{ title: `Remove ${node.value} from capabilities.add`, isPreferred: true, changes: [{ kind: 'yaml.remove', target: node }] }],
          });
        }
      };

      const walk = (map: YAMLMap, path: ValuesPath) => {
        if (path.length > MAX_DEPTH) return;
        check(map, path, POD_SPEC_CHECKS);
        for (const item of map.items) {
          if (!isPair(item) || !isScalar(item.key) || typeof item.key.value !== 'string') continue;
          const key = item.key.value;
          const value = nav.resolve(item.value);
          const here = [...path, key];
          if (isMap(value) && SECURITY_CONTEXT_KEY.test(key)) {
            // Bitnami-style `containerSecurityContext.enabled: false`: the templates skip the whole mapping.
            if (nav.field(value, 'enabled')?.value === false) continue;
            const podLevel = POD_SECURITY_CONTEXT_KEY.test(key);
            check(value, here, SECURITY_CONTEXT_CHECKS, podLevel);
            if (!podLevel) checkCapabilities(value, here);
          } else if (isMap(value)) {
            // A feature switched off in the chart defaults (`volumePermissions.enabled: false`): its templates do not render.
            if (nav.field(value, 'enabled')?.value === false) continue;
            if (key === 'image') check(value, here, IMAGE_CHECKS);
            walk(value, here);
          } else if (isSeq(value)) {
            nav.items(value).forEach((entry, i) => isMap(entry) && walk(entry, [...here, i]));
          }
        }
      };
      walk(root, []);
    }
  },
});
