// RBAC facts as data, reviewed like code: the permissions that lead to more privilege than they name
// (which verbs on which resources of which API groups, where a finding sits; sources in each entry),
// and the resources and API groups where a wildcard matters.
import type { Severity } from '../../server/src/text/severity.js';

export interface EscalationPath {
  /** The message id of findings on this path. */
  id: string;
  /** API groups the resources live in (`''` is the core group); the rule must cover one of them. */
  apiGroups: readonly string[];
  verbs: readonly string[];
  resources: readonly string[];
  /**
   * Which item the finding sits on: the verb (`bind`), whatever the resources (`*` included), or the
   * resource (`pods/exec`), whatever the verbs (`*` included). A wildcard in the anchored list is the
   * wildcard rule's finding, not this one's.
   */
  anchor: 'verb' | 'resource';
  severity: Severity;
  /** Only in a Role of this namespace (a ClusterRole that writes workloads is every controller's). */
  roleNamespace?: string;
  message: string;
}

const RBAC = 'rbac.authorization.k8s.io';
const WRITE = ['create', 'update', 'patch'];

export const ESCALATION_PATHS: readonly EscalationPath[] = [
  // The RBAC API refuses to let a subject grant permissions it lacks unless it holds these two verbs.
  // https://kubernetes.io/docs/reference/access-authn-authz/rbac/#privilege-escalation-prevention-and-bootstrapping
  {
    id: 'escalate',
    apiGroups: [RBAC],
    verbs: ['escalate'],
    resources: ['roles', 'clusterroles'],
    anchor: 'verb',
    severity: 'error',
    message: '{{role}} may write roles with permissions it does not hold itself (escalate on {{resources}})',
  },
  {
    id: 'bind',
    apiGroups: [RBAC],
    verbs: ['bind'],
    resources: ['roles', 'clusterroles'],
    anchor: 'verb',
    severity: 'error',
    message: '{{role}} may bind roles with permissions it does not hold itself (bind on {{resources}})',
  },
  // https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation
  {
    id: 'impersonate',
    apiGroups: ['', 'authentication.k8s.io'],
    verbs: ['impersonate'],
    resources: ['users', 'groups', 'serviceaccounts', 'uids'],
    anchor: 'verb',
    severity: 'error',
    message: '{{role}} may act as other users, groups or service accounts (impersonate on {{resources}})',
  },
  // A shell in any pod in reach: its service account token, its Secrets and volumes, its network.
  {
    id: 'exec',
    apiGroups: [''],
    verbs: ['create'],
    resources: ['pods/exec', 'pods/attach'],
    anchor: 'resource',
    severity: 'warning',
    message: '{{role}} may get a shell in any pod {{reach}} (create on {{resource}})',
  },
  // `kubectl debug` adds a container (which may be privileged, as the pod allows) to a running pod.
  {
    id: 'ephemeralContainers',
    apiGroups: [''],
    verbs: ['create', 'update', 'patch'],
    resources: ['pods/ephemeralcontainers'],
    anchor: 'resource',
    severity: 'warning',
    message: '{{role}} may add debug containers to any pod {{reach}} ({{verbs}} on pods/ephemeralcontainers)',
  },
  // The kubelet API behind nodes/proxy runs commands in every pod of the node, bypassing admission and audit.
  {
    id: 'nodeProxy',
    apiGroups: [''],
    verbs: ['create', 'get'],
    resources: ['nodes/proxy'],
    anchor: 'resource',
    severity: 'warning',
    message: "{{role}} reaches the kubelet API of every node ({{verbs}} on nodes/proxy), which runs commands in the nodes' pods",
  },
  // A token for any service account in reach: its permissions, without a pod.
  {
    id: 'serviceAccountToken',
    apiGroups: [''],
    verbs: ['create'],
    resources: ['serviceaccounts/token'],
    anchor: 'resource',
    severity: 'warning',
    message: '{{role}} may mint tokens for any service account {{reach}} (create on serviceaccounts/token)',
  },
  // Within the permissions it holds (see escalate/bind above), a writer of RBAC objects hands them on.
  {
    id: 'rbacWrite',
    apiGroups: [RBAC],
    verbs: WRITE,
    resources: ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'],
    anchor: 'resource',
    severity: 'warning',
    message: '{{role}} may write {{resource}} {{reach}} ({{verbs}}), handing its permissions on to anyone',
  },
  // A mutating webhook sees and may change every object sent to the API server, pods and Secrets included.
  {
    id: 'webhookWrite',
    apiGroups: ['admissionregistration.k8s.io'],
    verbs: [...WRITE, 'delete'],
    resources: ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'],
    anchor: 'resource',
    severity: 'warning',
    message: '{{role}} may change admission webhooks ({{verbs}} on {{resource}}), which see or rewrite every object the API server admits',
  },
  // Pods in kube-system may use the service accounts of the control plane's add-ons.
  {
    id: 'kubeSystemWorkloads',
    apiGroups: ['', 'apps', 'batch', 'extensions'],
    verbs: WRITE,
    resources: ['pods', 'deployments', 'daemonsets', 'statefulsets', 'replicasets', 'replicationcontrollers', 'jobs', 'cronjobs'],
    anchor: 'resource',
    severity: 'warning',
    roleNamespace: 'kube-system',
    message: '{{role}} may run workloads in kube-system ({{verbs}} on {{resource}}), with the service accounts of cluster add-ons',
  },
];

/**
 * Resources whose every verb (`*`) is a path to Secrets, code execution or more RBAC: a wildcard verb
 * on them is a warning, on others (events, leases, a CRD's status) information.
 */
export const SENSITIVE_RESOURCES: ReadonlySet<string> = new Set([
  'secrets',
  'configmaps',
  'pods',
  'pods/exec',
  'pods/attach',
  'pods/ephemeralcontainers',
  'deployments',
  'daemonsets',
  'statefulsets',
  'replicasets',
  'replicationcontrollers',
  'jobs',
  'cronjobs',
  'serviceaccounts',
  'serviceaccounts/token',
  'nodes',
  'nodes/proxy',
  'persistentvolumes',
  'services',
  'networkpolicies',
  'roles',
  'clusterroles',
  'rolebindings',
  'clusterrolebindings',
  'mutatingwebhookconfigurations',
  'validatingwebhookconfigurations',
  'customresourcedefinitions',
  'certificatesigningrequests',
  'certificatesigningrequests/approval',
  'users',
  'groups',
]);

/** Read-only aggregated APIs (resource and custom metrics): `*` there reads numbers. */
const METRICS_GROUPS = new Set(['metrics.k8s.io', 'custom.metrics.k8s.io', 'external.metrics.k8s.io']);
const UNSUFFIXED_BUILT_IN_GROUPS = new Set(['', 'apps', 'batch', 'extensions', 'policy', 'autoscaling']);

/**
 * Kubernetes' own API groups (core, apps, batch, `*.k8s.io`…), where a wildcard reaches Secrets, pods
 * and RBAC; a custom resource group (`monitoring.coreos.com`) holds one operator's objects.
 */
export function isBuiltInApiGroup(group: string): boolean {
  return UNSUFFIXED_BUILT_IN_GROUPS.has(group) || (group.endsWith('.k8s.io') && !METRICS_GROUPS.has(group));
}
