// The Kubernetes rules, in docs order.
import type { Rule } from '../../server/src/engine/types.js';
import addedCapability from './added-capability.js';
import apparmor from './apparmor.js';
import capabilitiesNotDropped from './capabilities-not-dropped.js';
import dangerousCapability from './dangerous-capability.js';
import eolImage from './eol-image.js';
import imageDigest from './image-digest.js';
import imageLatest from './image-latest.js';
import imageNonMinimal from './image-non-minimal.js';
import imageRegistry from './image-registry.js';
import helmInsecureValues from './helm-insecure-values.js';
import hostIpc from './host-ipc.js';
import exposedPrivilegedWorkload from './exposed-privileged-workload.js';
import imageRunsAsRoot from './image-runs-as-root.js';
import namespaceWithoutNetworkPolicy from './namespace-without-network-policy.js';
import portMismatch from './port-mismatch.js';
import serviceAccountDangerousBinding from './service-account-dangerous-binding.js';
import hostNetwork from './host-network.js';
import hostPath from './host-path.js';
import hostPid from './host-pid.js';
import hostPort from './host-port.js';
import hostProcess from './host-process.js';
import ingressTls from './ingress-tls.js';
import networkPolicyAllowsInternet from './network-policy-allows-internet.js';
import privilegeEscalation from './privilege-escalation.js';
import privilegedContainer from './privileged-container.js';
import rbacBindingToAllUsers from './rbac-binding-to-all-users.js';
import rbacClusterAdminBinding from './rbac-cluster-admin-binding.js';
import rbacDefaultServiceAccountBinding from './rbac-default-service-account-binding.js';
import rbacPrivilegeEscalation from './rbac-privilege-escalation.js';
import rbacSecretsAccess from './rbac-secrets-access.js';
import rbacWildcard from './rbac-wildcard.js';
import probeHost from './probe-host.js';
import restrictedVolumeType from './restricted-volume-type.js';
import rootUid from './root-uid.js';
import runAsRoot from './run-as-root.js';
import seccomp from './seccomp.js';
import selinux from './selinux.js';
import serviceAccountToken from './service-account-token.js';
import serviceExternalIps from './service-external-ips.js';
import serviceLoadBalancerSourceRanges from './service-load-balancer-source-ranges.js';
import serviceNodePort from './service-node-port.js';
import unmaskedProc from './unmasked-proc.js';
import unsafeSysctl from './unsafe-sysctl.js';
import writableRootFilesystem from './writable-root-filesystem.js';
import yamlSyntax from './yaml-syntax.js';

export const k8sRules: Rule[] = [
  privilegedContainer,
  hostProcess,
  privilegeEscalation,
  runAsRoot,
  rootUid,
  writableRootFilesystem,
  dangerousCapability,
  capabilitiesNotDropped,
  addedCapability,
  hostNetwork,
  hostPid,
  hostIpc,
  hostPath,
  hostPort,
  probeHost,
  restrictedVolumeType,
  seccomp,
  unmaskedProc,
  apparmor,
  selinux,
  unsafeSysctl,
  serviceAccountToken,
  rbacWildcard,
  rbacClusterAdminBinding,
  rbacPrivilegeEscalation,
  rbacSecretsAccess,
  rbacBindingToAllUsers,
  rbacDefaultServiceAccountBinding,
  serviceLoadBalancerSourceRanges,
  serviceNodePort,
  serviceExternalIps,
  ingressTls,
  networkPolicyAllowsInternet,
  imageLatest,
  imageDigest,
  imageNonMinimal,
  imageRegistry,
  eolImage,
  helmInsecureValues,
  yamlSyntax,
  imageRunsAsRoot,
  namespaceWithoutNetworkPolicy,
  serviceAccountDangerousBinding,
  exposedPrivilegedWorkload,
  portMismatch,
];
