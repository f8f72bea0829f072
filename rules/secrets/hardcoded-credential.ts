// secrets/hardcoded-credential: a key that names a credential (`DB_PASSWORD`, `apiToken`, `--password`)
// with a literal value, in env vars, ConfigMap data (and the config files they hold), other YAML
// values, command lines, and Dockerfile ENV/ARG/LABEL and RUN.
import { isMap, isScalar, isSeq, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Instruction } from '../../server/src/dockerfile/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Fix, Report, RuleContext } from '../../server/src/engine/types.js';
import type { OffsetRange } from '../../server/src/text/positions.js';
import type { Container } from '../../server/src/k8s/model.js';
import { findCliCredentials, type CliWord } from '../../server/src/secrets/cliFlags.js';
import { isSecretObjectReference, judgeCredential, type Credential, type Evidence } from '../../server/src/secrets/credentials.js';
import { pastedCredentials, textCredentials } from '../../server/src/secrets/textCredentials.js';
import { commandLines, instructionTexts, usesSecretMount } from '../../server/src/secrets/dockerfileSource.js';
import { redact } from '../../server/src/secrets/redact.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import type { YamlNav } from '../../server/src/yaml/nav.js';
import { containerLabel } from '../k8s/support.js';
import { isEncryptedOrReference, isSecret, rangeInScalar, scalarSource, scannableDocuments, walkValues } from './support.js';

/** Maps whose `command` is a command line of its own: probes and lifecycle hooks. */
const EXEC_PATHS: readonly (readonly string[])[] = [
  ['livenessProbe', 'exec'],
  ['readinessProbe', 'exec'],
  ['startupProbe', 'exec'],
  ['lifecycle', 'postStart', 'exec'],
  ['lifecycle', 'preStop', 'exec'],
];
/** Compose's list form of `environment:`: `- DB_PASSWORD=hunter2` (the map form is judged like any map). */
const LIST_OF_ASSIGNMENTS_KEYS: ReadonlySet<string> = new Set(['environment']);
const LIST_ASSIGNMENT = /^([A-Za-z_][\w.-]*)=(.+)$/s;
/** Metadata maps hold §1.3 formats at most (the token rule's job), and reference names (`…/auth-secret: basic-auth`). */
const METADATA_MAPS: ReadonlySet<string> = new Set(['annotations', 'labels']);

export default defineRule({
  meta: {
    id: 'secrets/hardcoded-credential',
    title: 'Hardcoded credential',
    defaultSeverity: 'warning',
    description:
      'Flags a literal value under a name that says credential (`DB_PASSWORD`, `PGPASSWORD`, `apiToken`, `client_secret`, `--password`, `mysql -p…`, `curl -u user:pass`, `Authorization: Bearer …`, `X-Api-Key: …`) in env vars, Compose `environment:` lists, ConfigMap data, the config files and shell scripts it holds, other YAML values, container commands, and Dockerfile ENV, ARG, LABEL, RUN, CMD and ENTRYPOINT; and in formats pasted into a value (single-line JSON, XML and NuGet config, `.npmrc` `_auth`/`_password`, URL query strings such as `?access_token=` and `&sig=`). The value decides too: hosts, addresses, label keys, paths, file names, versions, PGP fingerprints, names of keys and placeholders are not credentials, and in chart values, CI workflows and config files (where names are loose) the value must look like a secret (two kinds of characters, no spaces).',
    rationale:
      'A credential written into a manifest or a Dockerfile is readable by everyone with access to the repository, shows up in `kubectl describe`, and in an image it persists in the image config and history. References, placeholders, paths and public keys are not reported.',
    remediation:
      'Move the value into a Secret and reference it (`valueFrom.secretKeyRef`, `envFrom.secretRef`, a mounted file), or into an external secret store; in a Dockerfile, use a BuildKit secret mount (`RUN --mount=type=secret,id=…`). Rotate the credential if it was ever real.',
    peers: { kubeLinter: ['env-var-secret'], checkov: ['CKV_K8S_35'], trivy: ['KSV-0109'], hadolint: ['DL3064'], buildkit: ['SecretsUsedInArgOrEnv'] },
    messages: {
      envValue: '{{container}} sets {{name}} to a hardcoded {{what}} ({{preview}})',
      value: '{{key}} holds a hardcoded {{what}} ({{preview}})',
      commandLine: '{{subject}} passes a hardcoded credential on its command line ({{via}} {{preview}})',
      buildValue: '{{keyword}} {{key}} bakes a hardcoded {{what}} into the image ({{preview}})',
      inScript: '{{key}} runs a command with a hardcoded credential ({{via}} {{preview}})',
    },
    fixes: ['Replace the literal value with valueFrom.secretKeyRef'],
    preset: 'recommended',
    scope: 'document',
  },
  checkYaml(file, context) {
    const envItems = new Map<YAMLMap, Container>();
    for (const container of file.containers) {
      const nav = container.podSpec.resource.nav;
      for (const item of nav.items(nav.seq(container.node, 'env'))) if (isMap(item)) envItems.set(item, container);
    }
    const literalMaps = new Set<YAMLMap>();
    const skipped = new Set<YAMLMap>();
    for (const resource of file.resources) {
      if (isSecret(resource) || isEncryptedOrReference(resource)) skipped.add(resource.node);
      for (const metadata of [resource.metadata, resource.podSpec?.metadata]) {
        for (const key of METADATA_MAPS) {
          const map = resource.nav.map(metadata, key);
          if (map) skipped.add(map);
        }
      }
      const data = resource.kind === 'ConfigMap' ? resource.nav.map(resource.node, 'data') : undefined;
      if (data) literalMaps.add(data);
    }
    for (const document of scannableDocuments(file)) {
      // Maps whose keys are variable names a program reads: ConfigMap data, a Compose `environment:` map.
      const explicitMaps = new Set<YAMLMap>(literalMaps);
      walkValues(document.doc.contents, {
        map(map) {
          if (skipped.has(map)) return false;
          const evidence = explicitMaps.has(map) ? 'explicit' : 'generic';
          checkMap(file, map, { literal: literalMaps.has(map), container: envItems.get(map), nav: document.nav, evidence, explicitMaps }, context);
          return true;
        },
      });
    }
    for (const container of file.containers) checkContainerCommands(file, container, context);
  },
  checkInstruction(instruction, context) {
    const reports = [...buildValueReports(instruction), ...buildCommandReports(instruction)];
    for (const report of reports) context.report(report);
    for (const report of pastedFormatReports(instruction)) {
      if (!reports.some((r) => r.range.start < report.range.end && report.range.start < r.range.end)) context.report(report);
    }
  },
});

interface MapRole {
  /** Helm templates: values written by a template action are unknown, not literals. */
  nav: YamlNav;
  /** ConfigMap data: every value is a literal, even one shaped like an object name. */
  literal: boolean;
  /** Set when the map is an item of this container's `env`: the fix can move it to a Secret. */
  container?: Container;
  /** What a credential's name is worth in this map (see `Evidence`). */
  evidence: Evidence;
  /** Maps below this one that hold variables (`environment:`), collected on the way down. */
  explicitMaps: Set<YAMLMap>;
}

function stringOf(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

function checkMap(file: YamlFile, map: YAMLMap, role: MapRole, context: RuleContext): void {
  // One pass: remember `name`/`value` (an env item, an HTTP header, a workflow parameter), judge the rest.
  let name: string | undefined;
  let env: Omit<EnvVar, 'name'> | undefined;
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const node = pair.value;
    if (key !== undefined && LIST_OF_ASSIGNMENTS_KEYS.has(key) && isSeq(node)) checkAssignmentList(file, node, role, context);
    if (key !== undefined && LIST_OF_ASSIGNMENTS_KEYS.has(key) && isMap(node)) role.explicitMaps.add(node);
    const value = stringOf(node);
    if (key === undefined || value === undefined || !isScalar(node) || role.nav.isTemplated(node)) continue;
    if (key === 'name') name = value;
    else if (key === 'value') env = { value, node, pair: pair as Pair };
    else if (value.includes('\n')) checkText(file, node, key, value, context);
    else {
      const judged = judgeValue(key, value, role);
      if (judged) context.report(valueReport(key, judged, rangeInScalar(file, node, value, judged.start, judged.end)));
      else checkText(file, node, key, value, context);
    }
  }
  if (name === undefined || !env) return;
  const judged = judgeCredential(name, env.value, 0, { evidence: role.container ? 'explicit' : role.evidence });
  if (judged) {
    context.report(role.container ? envReport(file, role.container, map, { name, ...env }, judged) : valueReport(name, judged, rangeInScalar(file, env.node, env.value, judged.start, judged.end)));
  } else checkText(file, env.node, name, env.value, context);
}

/** A `key: value` leaf; outside literal maps, a value that names a Secret object (`dbPasswordSecret: db-creds`) is a reference. */
function judgeValue(key: string, value: string, role: MapRole, valueStart = 0): Credential | undefined {
  const judged = judgeCredential(key, value, valueStart, { evidence: role.evidence });
  return judged && (role.literal || !isSecretObjectReference(key, value)) ? judged : undefined;
}

/** `environment: [DB_PASSWORD=hunter2]`: each `NAME=value` item is judged as `NAME: value` would be. */
function checkAssignmentList(file: YamlFile, list: YAMLSeq, role: MapRole, context: RuleContext): void {
  for (const item of list.items) {
    if (!isScalar(item) || typeof item.value !== 'string' || role.nav.isTemplated(item)) continue;
    const match = LIST_ASSIGNMENT.exec(item.value);
    if (!match?.[1] || !match[2]) continue;
    const judged = judgeValue(match[1], match[2], role, match[1].length + 1);
    if (judged) context.report(valueReport(match[1], judged, rangeInScalar(file, item, item.value, judged.start, judged.end)));
  }
}

/**
 * A config file or a script held in one value (application.properties, .env, ini, a shell script in a
 * ConfigMap), or a format pasted into one line (JSON, XML, .npmrc, a URL's query): each pair and each
 * command line is judged. One finding per secret: the first reading of a span wins, and a span the
 * token rule reports is left to it.
 */
function checkText(file: YamlFile, node: Scalar, key: string, text: string, context: RuleContext): void {
  const found = textCredentials(text);
  if (found.length === 0) return;
  found.sort((a, b) => a.judged.start - b.judged.start);
  const source = scalarSource(file, node, text); // asked in order: one source finds them all in one pass
  for (const { judged, pairKey, via } of found) {
    const range = source.locate(judged.start, judged.end);
    if (via === undefined) context.report(valueReport(pairKey, judged, range));
    else context.report({ messageId: 'inScript', data: { key, via, preview: redact(judged.secret) }, range, severity: judged.severity });
  }
}

function what(judged: Credential): string {
  return judged.description ?? 'credential';
}

function valueReport(key: string, judged: Credential, range: OffsetRange): Report {
  return {
    messageId: 'value',
    data: { key, what: what(judged), preview: redact(judged.secret) },
    range,
    severity: judged.severity,
  };
}

/** A `{name, value}` item: the value's text, its scalar and the pair the fix removes. */
interface EnvVar {
  name: string;
  value: string;
  node: Scalar;
  pair: Pair;
}

function envReport(file: YamlFile, container: Container, item: YAMLMap, env: EnvVar, judged: Credential): Report {
  return {
    messageId: 'envValue',
    data: { container: containerLabel(container), name: env.name, what: what(judged), preview: redact(judged.secret) },
    range: rangeInScalar(file, env.node, env.value, judged.start, judged.end),
    severity: judged.severity,
    fixes: [secretKeyRefFix(container, item, env.name, env.pair)],
  };
}

/** `DB_PASSWORD` in Deployment "api" → Secret `api-secrets`, key `db-password`. */
function secretKeyRefFix(container: Container, item: YAMLMap, name: string, valuePair: Pair): Fix {
  const secretName = `${container.podSpec.resource.name ?? container.name}-secrets`;
  const key = name.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'value';
  return {
    title: `Replace the literal value of ${name} with valueFrom.secretKeyRef (Secret "${secretName}", key "${key}")`,
    changes: [
      { kind: 'yaml.remove', target: valuePair },
      { kind: 'yaml.insert', map: item, path: ['valueFrom', 'secretKeyRef'], value: { name: secretName, key } },
    ],
  };
}

/** A command line of a container: its words' scalars, and whether the first is the program. */
interface ContainerCommandLine {
  nodes: Scalar<string>[];
  startsWithCommand: boolean;
}

/** `command` + `args` (one argv; `args` alone feeds the image's entrypoint), then each probe's and hook's `exec.command`. */
function commandLinesOf(container: Container): ContainerCommandLine[] {
  const nav = container.podSpec.resource.nav;
  const strings = (items: unknown[]) => items.filter((item): item is Scalar<string> => isScalar(item) && typeof item.value === 'string');
  const command = nav.items(nav.seq(container.node, 'command'));
  const argv = { nodes: strings([...command, ...nav.items(nav.seq(container.node, 'args'))]), startsWithCommand: command.length > 0 };
  const execs = EXEC_PATHS.map((path) => ({ nodes: strings(nav.items(nav.seq(nav.mapAt(container.node, path), 'command'))), startsWithCommand: true }));
  return [argv, ...execs];
}

function checkContainerCommands(file: YamlFile, container: Container, context: RuleContext): void {
  for (const { nodes, startsWithCommand } of commandLinesOf(container)) {
    const words: CliWord[] = nodes.map((node) => ({ text: node.value, start: 0 }));
    const flagged = new Map<Scalar<string>, { start: number; end: number }[]>(); // per word, for one finding per secret
    for (const found of findCliCredentials(words, startsWithCommand)) {
      const node = nodes[found.word];
      if (!node) continue;
      const spans = flagged.get(node) ?? [];
      spans.push(found);
      flagged.set(node, spans);
      context.report({
        messageId: 'commandLine',
        data: { subject: containerLabel(container), via: found.via, preview: redact(found.secret) },
        range: rangeInScalar(file, node, node.value, found.start, found.end),
        severity: found.severity,
      });
    }
    // A URL's query or a JSON document passed as an argument: `curl "https://api?private_token=…"`.
    for (const node of nodes) {
      const taken = flagged.get(node) ?? [];
      for (const { judged, pairKey } of pastedCredentials(node.value)) {
        if (taken.some((t) => t.start < judged.end && judged.start < t.end)) continue;
        context.report(valueReport(pairKey, judged, rangeInScalar(file, node, node.value, judged.start, judged.end)));
      }
    }
  }
}

/** ENV, ARG and LABEL values, RUN/CMD/ENTRYPOINT command lines, and formats pasted into any instruction: one finding per secret. */
/** ENV, ARG and LABEL values. */
function buildValueReports(instruction: Instruction): Report[] {
  const reports: Report[] = [];
  for (const pair of instruction.pairs) {
    if (pair.valueStart === undefined || pair.rawValue === undefined) continue;
    const judged = judgeCredential(pair.key, pair.rawValue, pair.valueStart);
    if (!judged) continue;
    reports.push({
      messageId: 'buildValue',
      data: { keyword: instruction.keyword, key: pair.key, what: what(judged), preview: redact(judged.secret) },
      range: instruction.rangeOf(judged.start, judged.end),
      severity: judged.severity,
    });
  }
  return reports;
}

/** RUN, CMD and ENTRYPOINT command lines, heredoc scripts included; a RUN with a secret mount is already fixed. */
function buildCommandReports(instruction: Instruction): Report[] {
  const lines = commandLines(instruction); // empty for instructions that run no command: checked first, it is cheap
  if (lines.length === 0 || usesSecretMount(instruction)) return [];
  const reports: Report[] = [];
  for (const line of lines) {
    for (const found of findCliCredentials(line.words)) {
      reports.push({
        messageId: 'commandLine',
        data: { subject: instruction.keyword, via: found.via, preview: redact(found.secret) },
        range: line.range(found.word, found.start, found.end),
        severity: found.severity,
      });
    }
  }
  return reports;
}

/** `RUN curl "https://api?access_token=…"`, `ENV CONFIG='{"password": "…"}'`: formats pasted into an instruction. */
function pastedFormatReports(instruction: Instruction): Report[] {
  if (usesSecretMount(instruction)) return [];
  const reports: Report[] = [];
  for (const piece of instructionTexts(instruction)) {
    for (const { judged, pairKey } of pastedCredentials(piece.text)) reports.push(valueReport(pairKey, judged, piece.range(judged.start, judged.end)));
  }
  return reports;
}
