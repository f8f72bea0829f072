// The typed Docker Compose model rules see: the services of a Compose file, their settings as nav
// Fields (with the pairs and nodes fixes remove or set), list items and volume mounts, with ranges.
// A Compose file is YAML without apiVersion/kind: the Kubernetes model never sees a resource in it.
import { isMap, isScalar, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { isComposeName } from '../text/fileKinds.js';
import type { OffsetRange } from '../text/positions.js';
import { nodeRange, type Field, type YamlNav } from '../yaml/nav.js';
import { parseShortVolume } from './volumes.js';

/** What the Compose model reads from a parsed YAML file (server/src/k8s/yamlFile.ts's YamlFile is one). */
export interface ComposeSource {
  uri: string;
  text: string;
  documents: readonly { doc: Document.Parsed; nav: YamlNav; hasErrors: boolean; hasUnknownAlias: boolean }[];
  /** Set for a Helm template, which is never a Compose file. */
  helm?: unknown;
}

/** A named entry of a top-level mapping: a service under `services:`, a volume under `volumes:`. */
export interface ComposeEntry {
  name: string;
  /** The name as written: where findings about the whole entry sit. */
  keyRange: OffsetRange;
  node: YAMLMap;
  nav: YamlNav;
}

export type ComposeService = ComposeEntry;
/** A named volume declared under the top-level `volumes:` (its `driver_opts` may bind a host path). */
export type ComposeVolume = ComposeEntry;

export interface ComposeFile {
  services: ComposeService[];
  volumes: ComposeVolume[];
}

/** A string item of a list setting (`cap_add`, `security_opt`), aliases resolved. */
export interface ListItem {
  value: string;
  /** The item as written in the sequence (an alias, perhaps): what a fix removes. */
  written: Node;
  /** The scalar holding the value. */
  scalar: Scalar;
  range: OffsetRange;
  /** The list is written on the service itself, not brought by a `<<` merge key or an alias other services may share. */
  ownList: boolean;
}

export interface Mount {
  /** `bind`, `volume`, `tmpfs`, `npipe`, … as the long syntax says or the short syntax implies. */
  type: string;
  /** The host path (bind, npipe) or the volume's name; undefined for an anonymous volume or tmpfs. */
  source?: string;
  readOnly: boolean;
  /** Where the source is written: inside a short-syntax item, or the long syntax's `source` value. */
  sourceRange: OffsetRange;
  /** The item of `volumes:` as written. */
  item: Node;
}

const built = new WeakMap<ComposeSource, ComposeFile | null>();

/**
 * The Compose model of `file`, or undefined when it is not a Compose file. Built once per parsed file
 * and shared by every Compose rule; never built for the other YAML files (most of them) past a glance.
 */
export function composeFileOf(file: ComposeSource): ComposeFile | undefined {
  let compose = built.get(file);
  if (compose === undefined) built.set(file, (compose = buildCompose(file) ?? null));
  return compose ?? undefined;
}

function buildCompose(file: ComposeSource): ComposeFile | undefined {
  if (file.helm) return undefined;
  const byName = isComposeName(file.uri);
  const compose: ComposeFile = { services: [], volumes: [] };
  for (const { doc, nav, hasErrors, hasUnknownAlias } of file.documents) {
    // As for the Kubernetes model: a partial tree, or an alias read as empty, would give false findings.
    if (hasErrors || hasUnknownAlias) continue;
    // A document is Compose when it has a top-level `services:` mapping and no `apiVersion`/`kind`.
    const root = nav.resolve(doc.contents);
    const services = isMap(root) && !nav.pair(root, 'apiVersion') && !nav.pair(root, 'kind') ? nav.map(root, 'services') : undefined;
    if (!isMap(root) || !services) continue;
    const found = entries(services, nav);
    if (!byName && !found.some((service) => isContainerService(service))) continue;
    compose.services = compose.services.concat(found);
    compose.volumes = compose.volumes.concat(entries(nav.map(root, 'volumes'), nav));
  }
  return compose.services.length > 0 ? compose : undefined;
}

/** The named mappings of `map`, merge keys aside. */
function entries(map: YAMLMap | undefined, nav: YamlNav): ComposeEntry[] {
  const found: ComposeEntry[] = [];
  for (const pair of map?.items ?? []) {
    const node = nav.resolve(pair.value);
    const keyRange = nodeRange(pair.key as Node | null);
    if (!isScalar(pair.key) || pair.key.value === '<<' || !isMap(node) || !keyRange) continue;
    found.push({ name: String(pair.key.value), keyRange, node, nav });
  }
  return found;
}

/** Outside a Compose-named file, a service must say what it runs: an `image` name or a `build`. */
function isContainerService(service: ComposeService): boolean {
  return typeof setting(service, 'image')?.value === 'string' || setting(service, 'build') !== undefined;
}

/** The entry's own `key: value`, through `<<` merge keys. */
export function setting(entry: ComposeEntry, key: string): Field | undefined {
  return entry.nav.field(entry.node, key);
}

/**
 * A setting's value as a string Compose would read, or undefined when it is not a scalar or is
 * interpolated (`${MODE}`), so unknown until `docker compose` runs.
 */
export function settingText(field: Field | undefined): string | undefined {
  const value = field?.value;
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  return text === undefined || isInterpolated(text) ? undefined : text;
}

/** `$VAR` and `${VAR}` are replaced from the environment; `$$` is a literal `$`. */
export function isInterpolated(text: string): boolean {
  return /\$[{A-Za-z_]/.test(text.replaceAll('$$', ''));
}

/**
 * A boolean setting as Compose reads it: YAML `true`, or (after interpolation, compose-go's
 * `toBoolean`) the strings `true`, `yes`, `y`, `on` in any case; undefined when unknown or not boolean.
 */
export function composeBoolean(field: Field | undefined): boolean | undefined {
  if (typeof field?.value === 'boolean') return field.value;
  const text = settingText(field)?.toLowerCase();
  if (text === undefined) return undefined;
  if (TRUE_WORDS.has(text)) return true;
  return FALSE_WORDS.has(text) ? false : undefined;
}
const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', 'on']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', 'off']);

/** The string items of a list setting; interpolated items are left out (unknown). */
export function listItems(service: ComposeService, key: string): ListItem[] {
  const seq = service.nav.seq(service.node, key);
  const pair = service.nav.pair(service.node, key);
  const ownList = pair !== undefined && service.node.items.includes(pair) && pair.value === seq;
  const items: ListItem[] = [];
  for (const written of seq?.items ?? []) {
    const scalar = service.nav.resolve(written);
    const range = nodeRange(written as Node);
    if (!isScalar(scalar) || typeof scalar.value !== 'string' || isInterpolated(scalar.value) || !range) continue;
    items.push({ value: scalar.value, written: written as Node, scalar, range, ownList });
  }
  return items;
}

/** The service's `volumes:`, short (`/host:/container:ro`) and long (`type: bind`, `source:`) syntax. */
export function mounts(service: ComposeService, text: string): Mount[] {
  const { nav } = service;
  const found: Mount[] = [];
  for (const item of nav.seq(service.node, 'volumes')?.items ?? []) {
    const node = nav.resolve(item);
    if (isScalar(node) && typeof node.value === 'string') {
      const mount = shortMount(node as Scalar<string>, text);
      if (mount) found.push({ ...mount, item: item as Node });
    } else if (isMap(node)) {
      const mount = longMount(node, nav);
      if (mount) found.push({ ...mount, item: item as Node });
    }
  }
  return found;
}

function shortMount(scalar: Scalar<string>, text: string): Omit<Mount, 'item'> | undefined {
  const spec = parseShortVolume(scalar.value);
  if (!spec?.source || isInterpolated(spec.source)) return undefined;
  const written = nodeRange(scalar);
  if (!written) return undefined;
  // Where the source sits in the text: a plain or quoted one-line scalar writes it as parsed (after a quote).
  const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
  const start = written.start + (quoted ? 1 : 0);
  const asWritten = text.slice(start, start + spec.source.length) === spec.source;
  return {
    type: spec.bind ? 'bind' : 'volume',
    source: spec.source,
    readOnly: spec.readOnly,
    sourceRange: asWritten ? { start, end: start + spec.source.length } : written,
  };
}

function longMount(map: YAMLMap, nav: YamlNav): Omit<Mount, 'item'> | undefined {
  const type = settingText(nav.field(map, 'type'));
  const source = nav.field(map, 'source');
  const path = settingText(source);
  if (!type || !source || path === undefined) return undefined;
  return { type, source: path, readOnly: composeBoolean(nav.field(map, 'read_only')) === true, sourceRange: source.valueRange };
}

/**
 * The host path a named volume binds: the local driver's `driver_opts` with `o: bind` and a `device`
 * (`type: none, o: bind, device: /srv/data`). Undefined for any other volume (NFS, a plugin, interpolated).
 */
export function boundHostPath(volume: ComposeVolume): { path: string; range: OffsetRange } | undefined {
  const options = volume.nav.map(volume.node, 'driver_opts');
  const mountOptions = settingText(volume.nav.field(options, 'o'))?.split(',');
  const device = volume.nav.field(options, 'device');
  const path = settingText(device);
  if (!device || path === undefined || !mountOptions?.some((option) => option === 'bind' || option === 'rbind')) return undefined;
  return { path, range: device.valueRange };
}
