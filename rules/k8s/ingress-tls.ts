// k8s/ingress-tls: an Ingress that serves a host over plain HTTP.
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { inApiGroup, isTemplatedKey, type K8sResource } from '../../server/src/k8s/model.js';
import { annotation, annotationsOf } from '../../server/src/k8s/network.js';
import type { OffsetRange } from '../../server/src/text/positions.js';
import { nodeRange } from '../../server/src/yaml/nav.js';
import { resourceNameOf } from './support.js';

/** Controllers that terminate TLS with a certificate named in an annotation instead of `spec.tls`. */
const CERTIFICATE_ANNOTATIONS = [
  'alb.ingress.kubernetes.io/certificate-arn',
  'ingress.gcp.kubernetes.io/pre-shared-cert',
  'networking.gke.io/managed-certificates',
  'appgw.ingress.kubernetes.io/appgw-ssl-certificate',
];

/** What the `tls` entries cover: every host (an entry without hosts, or one a template writes), or these. */
type TlsCoverage = { all: true } | { all: false; hosts: string[] };

export default defineRule({
  meta: {
    id: 'k8s/ingress-tls',
    title: 'Ingress host without TLS',
    defaultSeverity: 'warning',
    description:
      'Flags the hosts of an Ingress that no `spec.tls` entry covers (wildcard certificates included), and Ingresses without TLS that serve every host. A certificate given by a controller annotation (AWS Load Balancer Controller, GKE, Application Gateway) counts as TLS.',
    rationale:
      'Without TLS the controller serves the host over plain HTTP: credentials, session cookies and data cross the network in clear text, and anyone on the path can read or change them.',
    remediation:
      'Add a `spec.tls` entry listing the host and the Secret with its certificate (cert-manager can issue and renew it from an `cert-manager.io/cluster-issuer` annotation), and redirect HTTP to HTTPS in the controller.',
    peers: { polaris: ['tlsSettingsMissing'] },
    messages: {
      host: '{{ingress}} serves {{host}} over plain HTTP: no tls entry covers it',
      anyHost: '{{ingress}} serves every host over plain HTTP: it has no tls entry',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const resource of file.resources) {
      if (resource.kind !== 'Ingress' || !inApiGroup(resource, 'networking.k8s.io', 'extensions')) continue;
      const { nav } = resource;
      const spec = nav.map(resource.node, 'spec');
      const annotations = annotationsOf(resource);
      if (!spec || annotations.templated || CERTIFICATE_ANNOTATIONS.some((key) => annotation(resource, annotations, key))) continue;
      const coverage = tlsCoverage(resource, spec);
      if (!coverage || coverage.all) continue;
      const ingress = resourceNameOf(resource);
      for (const uncovered of uncoveredHosts(resource, spec, coverage.hosts)) {
        context.report(uncovered.host ? { messageId: 'host', data: { ingress, host: uncovered.host }, range: uncovered.range } : { messageId: 'anyHost', data: { ingress }, range: uncovered.range });
      }
    }
  },
});

/** Undefined when a template decides the TLS entries. */
function tlsCoverage(resource: K8sResource, spec: YAMLMap): TlsCoverage | undefined {
  const { nav } = resource;
  if (isTemplatedKey(nav, spec, 'tls')) return undefined;
  const hosts: string[] = [];
  for (const entry of nav.items(nav.seq(spec, 'tls'))) {
    if (!isMap(entry) || isTemplatedKey(nav, entry, 'hosts')) return { all: true };
    const written = nav.items(nav.seq(entry, 'hosts'));
    // The Ingress API: an entry without hosts applies to the controller's default (wildcard) host.
    if (written.length === 0) return { all: true };
    for (const host of written) {
      if (!isScalar(host) || nav.isTemplated(host)) return { all: true };
      if (typeof host.value === 'string') hosts.push(host.value.toLowerCase());
    }
  }
  return { all: false, hosts };
}

/** The hosts no TLS host covers, where they are written; `host` undefined for a rule (or default backend) that serves any host. */
function uncoveredHosts(resource: K8sResource, spec: YAMLMap, tlsHosts: readonly string[]): { host?: string; range: OffsetRange }[] {
  const { nav } = resource;
  const uncovered: { host?: string; range: OffsetRange }[] = [];
  const rules = nav.items(nav.seq(spec, 'rules'));
  for (const rule of rules) {
    if (!isMap(rule)) continue;
    const host = nav.field(rule, 'host');
    if (host?.templated) continue;
    if (typeof host?.value === 'string' && host.value !== '') {
      if (!tlsHosts.some((tlsHost) => hostMatches(tlsHost, host.value as string))) uncovered.push({ host: host.value, range: host.valueRange });
      continue;
    }
    const anchor = nav.field(rule, 'http')?.keyRange ?? nodeRange(rule);
    if (tlsHosts.length === 0 && anchor) uncovered.push({ range: anchor });
  }
  const backend = nav.field(spec, 'defaultBackend') ?? nav.field(spec, 'backend');
  if (rules.length === 0 && backend && !backend.templated && tlsHosts.length === 0) uncovered.push({ range: backend.keyRange });
  return uncovered;
}

/** A certificate for `*.example.com` covers one label under example.com, as TLS wildcard names do. */
function hostMatches(tlsHost: string, host: string): boolean {
  const wanted = host.toLowerCase();
  if (tlsHost === wanted) return true;
  if (!tlsHost.startsWith('*.')) return false;
  const dot = wanted.indexOf('.');
  return dot > 0 && wanted.slice(dot) === tlsHost.slice(1);
}
