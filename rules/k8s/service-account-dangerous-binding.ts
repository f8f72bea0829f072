// k8s/service-account-dangerous-binding (workspace): a pod runs as a service account that a binding
// somewhere in the workspace ties to a dangerous role, so whoever gets code execution in the pod gets
// that role. The RBAC rules judge each role where it is written; this one says which pod carries it.
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { Located, WorkspaceFile } from '../../server/src/engine/types.js';
import { coversApiGroup, findItem, isLimitedToNamedObjects, namesResource, rbacLabel, rbacModel, wildcardItem, type PolicyRule } from '../../server/src/k8s/rbac.js';
import { resourceLabel } from './support.js';
import { nearestDefinitions, objectIdentity } from './workspace-definitions.js';

interface Pod {
  namespace?: string;
  serviceAccount: string;
  label: string;
  at: Located;
}

interface Binding {
  namespace?: string;
  /** Undefined when a template writes it. */
  name?: string;
  label: string;
  role: { kind: string; name: string };
  /** Service accounts bound, with the namespace each lives in (a subject's own, else the binding's). */
  serviceAccounts: { name: string; namespace?: string }[];
  at: Located;
}

interface Role {
  kind: string;
  name: string;
  namespace?: string;
  /** What the role's own rules allow that makes it dangerous; empty when nothing does. */
  dangers: string[];
  /** Labels no template writes: what aggregating ClusterRoles select. */
  labels: Record<string, string>;
  /** An aggregating ClusterRole's selectors (`matchLabels`): it also holds the rules of the ClusterRoles they match, in any file. */
  aggregatesFrom?: Record<string, string>[];
}

interface Summary {
  pods: Pod[];
  bindings: Binding[];
  roles: Role[];
}

/** Built-in ClusterRoles every cluster has, and what they give. */
const BUILT_IN_ROLES: Readonly<Record<string, readonly string[]>> = {
  'cluster-admin': ['every permission on every resource'],
  admin: ['reading Secrets, exec into pods and changing RBAC in the namespace'],
  edit: ['reading Secrets and exec into pods in the namespace'],
};

export default defineRule({
  meta: {
    id: 'k8s/service-account-dangerous-binding',
    title: "Pod's service account bound to a dangerous role",
    defaultSeverity: 'warning',
    description:
      "Flags a pod whose service account (its `serviceAccountName`, or `default`) is bound, by a RoleBinding or ClusterRoleBinding anywhere in the workspace, to `cluster-admin`, `admin` or `edit`, or to a Role or ClusterRole of the workspace that grants every permission, reads Secrets, execs into pods, or escalates (`escalate`, `bind`, `impersonate`). Reported on the pod's `serviceAccountName` (or its kind), with a link to the binding. A binding or role defined in several files (one install's variants per cloud or environment) is read where it is nearest to the pod: in the pod's file, else under the deepest folder they share.",
    rationale:
      "A pod's service account token is mounted into its containers by default: a remote code execution in the app becomes every permission of the account's roles. A dangerous role on a workload's account turns one vulnerable container into a cluster compromise.",
    remediation:
      'Give the workload its own service account bound to a Role with only the verbs and resources it needs; set `automountServiceAccountToken: false` when it does not call the API at all.',
    peers: {},
    messages: {
      bound: '{{pod}} runs as service account "{{account}}", which {{binding}} ({{file}}) binds to {{role}}: {{danger}}',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
  },
  summarize(file, context): Summary | undefined {
    if (file.language !== 'yaml') return undefined;
    const pods: Pod[] = [];
    for (const podSpec of file.podSpecs) {
      if (podSpec.resource.partial) continue; // a Kustomize patch: the base names the account
      const { nav } = podSpec.resource;
      const field = nav.field(podSpec.node, 'serviceAccountName') ?? nav.field(podSpec.node, 'serviceAccount');
      if (field?.templated || (field && typeof field.value !== 'string')) continue;
      const namespace = podSpec.resource.namespace;
      pods.push({ namespace, serviceAccount: typeof field?.value === 'string' ? field.value : 'default', label: resourceLabel(podSpec), at: context.locate(field?.valueRange ?? podSpec.resource.kindRange) });
    }
    const model = rbacModel(file);
    const bindings: Binding[] = [];
    for (const binding of model.bindings) {
      if (!binding.roleRef) continue;
      const serviceAccounts = binding.subjects.filter((subject) => subject.kind === 'ServiceAccount').map((subject) => ({ name: subject.name, namespace: subject.namespace ?? binding.namespace }));
      if (serviceAccounts.length) bindings.push({ namespace: binding.namespace, name: binding.name, label: rbacLabel(binding), role: { kind: binding.roleRef.kind, name: binding.roleRef.name }, serviceAccounts, at: context.locate(binding.roleRef.range) });
    }
    const roles: Role[] = [];
    for (const role of model.roles) {
      if (role.name === undefined) continue;
      const dangers = dangersOf(role.rules);
      const aggregatesFrom = role.aggregatesFrom?.map((selector) => Object.fromEntries(selector));
      // Harmless ones too: the definition nearest to a binding decides, and a variant's may be the harmless one.
      roles.push({ kind: role.kind, name: role.name, namespace: role.namespace, dangers, labels: Object.fromEntries(role.labels), ...(aggregatesFrom && { aggregatesFrom }) });
    }
    return pods.length || bindings.length || roles.length ? { pods, bindings, roles } : undefined;
  },
  checkWorkspace(files: readonly WorkspaceFile<Summary>[], context) {
    const bindings = files.flatMap(({ file, summary }) => summary.bindings.map((binding) => ({ file, binding })));
    const roles = files.flatMap(({ file, summary }) => summary.roles.map((role) => ({ file, role })));
    if (bindings.length === 0) return;
    for (const { file, summary } of files) {
      for (const pod of summary.pods) {
        const bound = bindings.filter(({ binding }) => binding.serviceAccounts.some((account) => account.name === pod.serviceAccount && account.namespace === pod.namespace));
        for (const { file: bindingFile, binding } of nearestDefinitions(file, bound, ({ binding }) => objectIdentity(binding))) {
          const ref = binding.role;
          const dangers = dangersOfRoleRef(binding, bindingFile, roles);
          if (dangers.length === 0) continue;
          context.report({
            file,
            messageId: 'bound',
            data: { pod: pod.label, account: pod.serviceAccount, binding: binding.label, file: context.nameOf(bindingFile), role: `${ref.kind} "${ref.name}"`, danger: `it allows ${dangers.join(', ')}` },
            at: pod.at,
            related: [{ file: bindingFile, message: `${binding.label} binds service account "${pod.serviceAccount}" to ${ref.kind} "${ref.name}"`, at: binding.at }],
          });
        }
      }
    }
  },
});

/**
 * What the role a binding refers to gives: a built-in ClusterRole, or the workspace's definition of it
 * nearest to the binding (a ClusterRole, or a Role of the binding's own namespace).
 */
function dangersOfRoleRef(binding: Binding, bindingFile: string, roles: readonly { file: string; role: Role }[]): readonly string[] {
  const ref = binding.role;
  if (ref.kind === 'ClusterRole' && BUILT_IN_ROLES[ref.name]) return BUILT_IN_ROLES[ref.name];
  const named = roles.filter(({ role }) => role.kind === ref.kind && role.name === ref.name && (ref.kind === 'ClusterRole' || role.namespace === binding.namespace));
  const role = nearestDefinitions(bindingFile, named)[0]?.role;
  if (!role) return [];
  return ref.kind === 'ClusterRole' ? dangersWithAggregation(roles.map((each) => each.role), role) : role.dangers;
}

/**
 * What a ClusterRole allows, its own rules and, when it aggregates, those of every ClusterRole of the
 * workspace its selectors match (as the controller manager copies them in).
 */
function dangersWithAggregation(roles: readonly Role[], role: Role): readonly string[] {
  const selectors = role.aggregatesFrom ?? [];
  const lenders = roles.filter((other) => other !== role && other.kind === 'ClusterRole' && selectors.some((selector) => Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => other.labels[key] === value)));
  return [...new Set(role.dangers.concat(lenders.flatMap((lender) => lender.dangers)))];
}

/** What makes a role's rules dangerous to hold, in words; empty when nothing does. */
function dangersOf(rules: readonly PolicyRule[]): string[] {
  const reasons = new Set<string>();
  for (const rule of rules) {
    if (isLimitedToNamedObjects(rule)) continue;
    const anyVerb = wildcardItem(rule.verbs) !== undefined;
    const core = coversApiGroup(rule, '');
    if (anyVerb && wildcardItem(rule.resources) && findItem(rule.apiGroups, ['*'])) reasons.add('every permission on every resource');
    if (findItem(rule.verbs, ['escalate', 'bind', 'impersonate'])) reasons.add('escalating its own privileges (escalate, bind or impersonate)');
    if (core && (anyVerb || findItem(rule.verbs, ['get', 'list', 'watch'])) && rule.resources.items.some((item) => item.value === '*' || namesResource(item, ['secrets']))) reasons.add('reading Secrets');
    if (core && (anyVerb || findItem(rule.verbs, ['create'])) && rule.resources.items.some((item) => namesResource(item, ['pods/exec']))) reasons.add('exec into pods');
  }
  return [...reasons];
}
