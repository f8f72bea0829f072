// What the RBAC rules share: walking the policy rules that grant on every object of a resource, and
// naming roles, their reach and their list items in messages.
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import { isLimitedToNamedObjects, rbacLabel, rbacModel, type PolicyRule, type RbacBinding, type RbacItem, type RbacRole } from '../../server/src/k8s/rbac.js';

/**
 * Visits each policy rule of the file's Roles and ClusterRoles that is not limited to named objects
 * (`resourceNames`): granting on a few named objects is the least privilege these rules recommend.
 */
export function forEachPolicyRule(file: YamlFile, visit: (rule: PolicyRule, role: RbacRole) => void): void {
  for (const role of rbacModel(file).roles) {
    for (const rule of role.rules) if (!isLimitedToNamedObjects(rule)) visit(rule, role);
  }
}

/** Where the role's grants apply: a ClusterRole's across the cluster (unless a RoleBinding narrows it). */
export function reachOf(role: RbacRole): string {
  return role.kind === 'ClusterRole' ? 'in every namespace' : role.namespace ? `in namespace ${role.namespace}` : 'in its namespace';
}

const MAX_LISTED = 3;

/** `a, b, c and 4 more`: never a wall of text in a message. */
function shortList(values: readonly string[]): string {
  const shown = values.slice(0, MAX_LISTED).join(', ');
  return values.length > MAX_LISTED ? `${shown} and ${values.length - MAX_LISTED} more` : shown;
}

/** `get, list, watch`, `pods, services, secrets and 4 more`: list items for messages. */
export function listed(items: readonly RbacItem[]): string {
  return shortList(items.map((item) => (item.value === '' ? '""' : item.value)));
}

/** `ServiceAccount monitoring/prometheus, Group devs`: a binding's subjects for messages. */
export function subjectsLabel(binding: RbacBinding): string {
  if (binding.subjects.length === 0) return 'its subjects';
  return shortList(binding.subjects.map((subject) => `${subject.kind} ${subject.namespace ? `${subject.namespace}/` : ''}${subject.name}`));
}

/** `ClusterRole "view"`: the role a binding grants, for messages. */
export function roleRefLabel(binding: RbacBinding): string {
  return binding.roleRef ? rbacLabel(binding.roleRef) : 'its role';
}
