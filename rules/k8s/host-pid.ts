// k8s/host-pid: the pod shares the node's process namespace.
import { hostNamespaceRule } from './host-namespace.js';

export default hostNamespaceRule({
  id: 'k8s/host-pid',
  field: 'hostPID',
  title: 'Host PID namespace shared',
  shares: 'process namespace',
  rationale:
    "With hostPID the containers see every process on the node, can read their environment (secrets included) through /proc, and with enough privilege signal or ptrace them: a direct path to the node.",
  peers: { kubeLinter: ['host-pid'], trivy: ['KSV-0010'], checkov: ['CKV_K8S_17'], kics: ['Shared Host PID Namespace'], polaris: ['hostPIDSet'] },
});
