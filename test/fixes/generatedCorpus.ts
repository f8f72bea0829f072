// Deterministic random workloads for the round-trip test: insecure settings in every combination the
// rules care about, written in every style the fix layer must keep (indent, sequences, flow, comments,
// quoting, CRLF, missing final line break).

/** A value to write; `Flow` marks a collection written inline. */
type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | Flow;
class Flow {
  constructor(readonly value: Value[] | { [key: string]: Value }) {}
}

interface Style {
  indent: number;
  indentSequences: boolean;
  comments: boolean;
}

/** mulberry32: small, seedable, good enough to pick styles. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function inline(value: Value): string {
  if (value instanceof Flow) return inline(value.value);
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${inline(v)}`).join(', ')}}`;
  return value === null ? '' : String(value);
}

function writeMap(map: { [key: string]: Value }, column: number, style: Style, out: string[], firstPrefix = ''): void {
  Object.entries(map).forEach(([key, value], i) => {
    const pad = i === 0 && firstPrefix ? firstPrefix : ' '.repeat(column);
    if (value instanceof Flow || value === null || typeof value !== 'object' || (Array.isArray(value) && value.length === 0)) {
      const text = inline(value);
      out.push(`${pad}${key}:${text ? ` ${text}` : ''}`);
    } else if (Array.isArray(value)) {
      out.push(`${pad}${key}:`);
      const dash = column + (style.indentSequences ? style.indent : 0);
      for (const item of value) {
        if (item !== null && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Flow)) writeMap(item, dash + 2, style, out, `${' '.repeat(dash)}- `);
        else out.push(`${' '.repeat(dash)}- ${inline(item)}`);
      }
    } else {
      out.push(`${pad}${key}:${style.comments && key === 'securityContext' ? ' # reviewed' : ''}`);
      writeMap(value, column + style.indent, style, out);
    }
  });
}

export interface GeneratedFile {
  name: string;
  text: string;
}

export function generatedCorpus(count: number, seed = 20240601): GeneratedFile[] {
  const next = random(seed);
  const chance = (p: number) => next() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const maybeFlow = (value: Value[] | { [key: string]: Value }): Value => (chance(0.35) ? new Flow(value) : value);

  const files: GeneratedFile[] = [];
  for (let n = 0; n < count; n++) {
    const style: Style = { indent: pick([2, 4]), indentSequences: chance(0.5), comments: chance(0.4) };
    const containers: Value[] = [];
    const containerCount = pick([1, 1, 2, 3]);
    for (let c = 0; c < containerCount; c++) {
      const securityContext: { [key: string]: Value } = {};
      if (chance(0.3)) securityContext.privileged = true;
      if (chance(0.3)) securityContext.allowPrivilegeEscalation = pick([true, false, '"true"']);
      if (chance(0.3)) securityContext.runAsUser = pick([0, 1000]);
      if (chance(0.2)) securityContext.runAsNonRoot = pick([false, true]);
      if (chance(0.3)) securityContext.readOnlyRootFilesystem = pick([false, true]);
      if (chance(0.15)) securityContext.procMount = 'Unmasked';
      if (chance(0.2)) securityContext.seccompProfile = maybeFlow({ type: pick(['Unconfined', "'Unconfined'", 'RuntimeDefault']) });
      const capabilities: { [key: string]: Value } = {};
      if (chance(0.35)) capabilities.add = maybeFlow(pick([['SYS_ADMIN'], ['NET_ADMIN', 'NET_BIND_SERVICE'], ['CAP_SYS_PTRACE', 'CHOWN', 'NET_RAW']]));
      if (chance(0.35)) capabilities.drop = maybeFlow(pick([['NET_RAW'], ['ALL'], ['MKNOD', 'NET_RAW']]));
      if (Object.keys(capabilities).length) securityContext.capabilities = maybeFlow(capabilities);
      const container: { [key: string]: Value } = { name: `c${c}`, image: pick(['nginx:1.27', '"registry.local/app:2"', 'busybox']) };
      if (chance(0.2)) container.ports = [{ containerPort: 8080, hostPort: pick([8080, 0]) }];
      const scStyle = next();
      if (scStyle < 0.1) container.securityContext = null;
      else if (scStyle < 0.15) container.securityContext = new Flow({});
      else if (Object.keys(securityContext).length) container.securityContext = scStyle < 0.4 ? new Flow(securityContext) : securityContext;
      containers.push(container);
    }
    const podSpec: { [key: string]: Value } = {};
    if (chance(0.2)) podSpec.hostNetwork = true;
    if (chance(0.15)) podSpec.hostPID = true;
    if (chance(0.2)) podSpec.automountServiceAccountToken = pick([true, false]);
    if (chance(0.3)) {
      const pod: { [key: string]: Value } = {};
      if (chance(0.5)) pod.runAsUser = pick([0, 1000]);
      if (chance(0.5)) pod.seccompProfile = maybeFlow({ type: pick(['RuntimeDefault', 'Unconfined']) });
      if (chance(0.3)) pod.runAsNonRoot = pick([true, false]);
      podSpec.securityContext = maybeFlow(pod);
    }
    podSpec.containers = containers;
    const kind = pick(['Deployment', 'Pod', 'CronJob']);
    const resource: { [key: string]: Value } = { apiVersion: kind === 'Pod' ? 'v1' : kind === 'CronJob' ? 'batch/v1' : 'apps/v1', kind, metadata: { name: `w${n}` } };
    if (kind === 'Pod') resource.spec = podSpec;
    else if (kind === 'Deployment') resource.spec = { template: { spec: podSpec } };
    else resource.spec = { schedule: '"@daily"', jobTemplate: { spec: { template: { spec: podSpec } } } };
    const out: string[] = style.comments ? [`# generated workload ${n}`] : [];
    writeMap(resource, 0, style, out);
    const eol = chance(0.2) ? '\r\n' : '\n';
    files.push({ name: `generated-${n} (indent ${style.indent}${style.indentSequences ? '' : ', flat sequences'}${eol === '\r\n' ? ', CRLF' : ''})`, text: out.join(eol) + (chance(0.85) ? eol : '') });
  }
  return files;
}
