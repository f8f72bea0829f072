// The typed RBAC model rules see: Roles and ClusterRoles with their policy rules, RoleBindings and
// ClusterRoleBindings with their roleRef and subjects, every list item with its source range, and
// the matching Kubernetes' authorizer does (`*`, `*/subresource`).
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { OffsetRange } from '../text/positions.js';
import { nodeRange, type YamlNav } from '../yaml/nav.js';
import { inApiGroup, type K8sResource } from './model.js';
import type { YamlFile } from './yamlFile.js';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
/** The authorizer's wildcard: every verb, every resource or every API group (never part of a name). */
export const WILDCARD = '*';

/** One string of a policy rule's list (`verbs`, `resources`, …), as Kubernetes reads it. */
export interface RbacItem {
  value: string;
  node: Node;
  range: OffsetRange;
}

/** A list of a policy rule. Items a Helm template writes are left out: their value is unknown. */
export interface RbacList {
  items: RbacItem[];
  /** Helm: a template writes the list or adds to it, so it may hold more than `items`. */
  templated: boolean;
}

export interface PolicyRule {
  role: RbacRole;
  node: YAMLMap;
  apiGroups: RbacList;
  verbs: RbacList;
  resources: RbacList;
  resourceNames: RbacList;
}

export interface RbacRole {
  resource: K8sResource;
  kind: 'Role' | 'ClusterRole';
  /** Undefined when unnamed or when a Helm template writes the name. */
  name?: string;
  namespace?: string;
  rules: PolicyRule[];
  /** Labels no template writes: what an aggregating ClusterRole's selectors match. */
  labels: ReadonlyMap<string, string>;
  /**
   * An aggregated ClusterRole's `clusterRoleSelectors`, each the `matchLabels` a ClusterRole must
   * carry to lend it its rules. Undefined when the role does not aggregate.
   */
  aggregatesFrom?: ReadonlyMap<string, string>[];
}

export interface RoleRef {
  kind: string;
  name: string;
  /** The `name` value: where findings about the bound role sit. */
  range: OffsetRange;
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  /** The `name` value: where findings about the subject sit. */
  range: OffsetRange;
}

export interface RbacBinding {
  resource: K8sResource;
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  name?: string;
  namespace?: string;
  /** Undefined when missing or when a Helm template writes its kind or name. */
  roleRef?: RoleRef;
  /** Subjects whose kind and name are written (a templated one is unknown and left out). */
  subjects: Subject[];
}

export interface RbacModel {
  roles: RbacRole[];
  bindings: RbacBinding[];
  /** Roles by `kind/namespace/name` (a ClusterRole without namespace), for bindings to find theirs in one step. */
  rolesByRef: Map<string, RbacRole[]>;
}

/** Built once per parsed file, whichever rules ask: the file is rebuilt by each lint. */
const models = new WeakMap<YamlFile, RbacModel>();

export function rbacModel(file: YamlFile): RbacModel {
  let model = models.get(file);
  if (!model) models.set(file, (model = buildRbacModel(file.resources)));
  return model;
}

function buildRbacModel(resources: readonly K8sResource[]): RbacModel {
  const model: RbacModel = { roles: [], bindings: [], rolesByRef: new Map() };
  for (const resource of resources) {
    if (!inApiGroup(resource, RBAC_GROUP)) continue; // other groups' `Role` kinds are not RBAC's
    if (resource.kind === 'Role' || resource.kind === 'ClusterRole') {
      const role = buildRole(resource, resource.kind);
      model.roles.push(role);
      if (role.name === undefined) continue;
      const key = refKey(role.kind, role.kind === 'Role' ? role.namespace : undefined, role.name);
      const named = model.rolesByRef.get(key);
      if (named) named.push(role);
      else model.rolesByRef.set(key, [role]);
    }
    if (resource.kind === 'RoleBinding' || resource.kind === 'ClusterRoleBinding') model.bindings.push(buildBinding(resource, resource.kind));
  }
  return model;
}

function buildRole(resource: K8sResource, kind: RbacRole['kind']): RbacRole {
  const { nav } = resource;
  const role: RbacRole = {
    resource,
    kind,
    name: knownString(nav, resource.metadata, 'name'),
    namespace: knownString(nav, resource.metadata, 'namespace'),
    rules: [],
    labels: knownStrings(nav, nav.map(resource.metadata, 'labels')),
  };
  const aggregation = nav.map(resource.node, 'aggregationRule');
  if (kind === 'ClusterRole' && aggregation) {
    role.aggregatesFrom = nav.items(nav.seq(aggregation, 'clusterRoleSelectors')).flatMap((selector) => (isMap(selector) ? [knownStrings(nav, nav.map(selector, 'matchLabels'))] : []));
  }
  for (const item of nav.items(nav.seq(resource.node, 'rules'))) {
    if (!isMap(item)) continue;
    role.rules.push({
      role,
      node: item,
      apiGroups: rbacList(nav, item, 'apiGroups'),
      verbs: rbacList(nav, item, 'verbs'),
      resources: rbacList(nav, item, 'resources'),
      resourceNames: rbacList(nav, item, 'resourceNames'),
    });
  }
  return role;
}

function buildBinding(resource: K8sResource, kind: RbacBinding['kind']): RbacBinding {
  const { nav } = resource;
  const binding: RbacBinding = { resource, kind, name: knownString(nav, resource.metadata, 'name'), namespace: knownString(nav, resource.metadata, 'namespace'), subjects: [] };
  const roleRef = nav.map(resource.node, 'roleRef');
  const refKind = knownString(nav, roleRef, 'kind');
  const refName = nav.field(roleRef, 'name');
  if (refKind && refName && !refName.templated && typeof refName.value === 'string') binding.roleRef = { kind: refKind, name: refName.value, range: refName.valueRange };
  for (const item of nav.items(nav.seq(resource.node, 'subjects'))) {
    if (!isMap(item)) continue;
    const subjectKind = knownString(nav, item, 'kind');
    const name = nav.field(item, 'name');
    if (!subjectKind || !name || name.templated || typeof name.value !== 'string') continue;
    binding.subjects.push({ kind: subjectKind, name: name.value, namespace: knownString(nav, item, 'namespace'), range: name.valueRange });
  }
  return binding;
}

/** A string value no template writes. */
function knownString(nav: YamlNav, map: YAMLMap | undefined, key: string): string | undefined {
  const field = nav.field(map, key);
  return field && !field.templated && typeof field.value === 'string' ? field.value : undefined;
}

/** The string entries of a mapping (labels, matchLabels) no template writes. */
function knownStrings(nav: YamlNav, map: YAMLMap | undefined): Map<string, string> {
  const entries = new Map<string, string>();
  for (const pair of map?.items ?? []) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const value = typeof key === 'string' ? knownString(nav, map, key) : undefined;
    if (typeof key === 'string' && value !== undefined) entries.set(key, value);
  }
  return entries;
}

/**
 * The strings of a rule's list as the API server decodes them: Kubernetes reads YAML through JSON
 * into `[]string`, so a null item (`~`, `null`, or nothing after the dash) is the empty string, which
 * in `apiGroups` names the core group. Items that are not strings (a number, a mapping) make the API
 * server refuse the object: they grant nothing and are skipped.
 */
function rbacList(nav: YamlNav, rule: YAMLMap, key: string): RbacList {
  const seq = nav.seq(rule, key);
  const list: RbacList = { items: [], templated: nav.isTemplated(seq) || nav.field(rule, key)?.templated === true };
  for (const node of nav.items(seq)) {
    const range = nodeRange(node);
    if (!isScalar(node) || !range) continue;
    if (nav.isTemplated(node)) {
      list.templated = true;
      continue;
    }
    if (node.value === null) list.items.push({ value: '', node, range });
    else if (typeof node.value === 'string') list.items.push({ value: node.value, node, range });
  }
  return list;
}

/** The first item of `list` that is one of `values`. */
export function findItem(list: RbacList, values: readonly string[]): RbacItem | undefined {
  return list.items.find((item) => values.includes(item.value));
}

/** The first item of `list` that is the wildcard. */
export function wildcardItem(list: RbacList): RbacItem | undefined {
  return findItem(list, [WILDCARD]);
}

/** Whether the rule applies to API group `group` (`''` is the core group), as the authorizer decides. */
export function coversApiGroup(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.items.some((item) => item.value === WILDCARD || item.value === group);
}

/**
 * Whether a `resources` item names one of `resources` (`pods/exec`): itself, or for a subresource
 * the `*` + `/exec` form, which the authorizer reads as that subresource of every resource. `*` alone
 * names nothing: the wildcard rule reports it.
 */
export function namesResource(item: RbacItem, resources: readonly string[]): boolean {
  return resources.some((resource) => item.value === resource || (resource.includes('/') && item.value === `*${resource.slice(resource.indexOf('/'))}`));
}

/**
 * A rule limited to named objects (`resourceNames`) grants nothing on the others: an operator that may
 * update only its own webhook configuration, or bind only one role, is the least-privilege pattern.
 */
export function isLimitedToNamedObjects(rule: PolicyRule): boolean {
  return rule.resourceNames.items.length > 0 || rule.resourceNames.templated;
}

/** `ClusterRole "x"` / `Role "x"`, or the kind alone when unnamed: how messages name a role or binding. */
export function rbacLabel({ kind, name }: { kind: string; name?: string }): string {
  return name ? `${kind} "${name}"` : kind;
}

/** The Roles or ClusterRoles of this file a binding's roleRef names (a Role only in the binding's namespace). */
export function boundRoles(model: RbacModel, binding: RbacBinding): RbacRole[] {
  const ref = binding.roleRef;
  if (!ref) return [];
  return model.rolesByRef.get(refKey(ref.kind, ref.kind === 'Role' ? binding.namespace : undefined, ref.name)) ?? [];
}

function refKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
}

/**
 * Whether `aggregated`, an aggregating ClusterRole, gathers the rules of `other` (the controller
 * manager copies them in): a selector's `matchLabels` all on `other`. Selectors with only
 * `matchExpressions`, and labelled roles in other files, are not seen here.
 */
export function aggregates(aggregated: RbacRole, other: RbacRole): boolean {
  const selectors = aggregated.aggregatesFrom;
  if (!selectors || other === aggregated || other.kind !== 'ClusterRole') return false;
  return selectors.some((selector) => selector.size > 0 && [...selector].every(([key, value]) => other.labels.get(key) === value));
}
