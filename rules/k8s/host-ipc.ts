// k8s/host-ipc: the pod shares the node's IPC namespace.
import { hostNamespaceRule } from './host-namespace.js';

export default hostNamespaceRule({
  id: 'k8s/host-ipc',
  field: 'hostIPC',
  title: 'Host IPC namespace shared',
  shares: 'IPC namespace',
  rationale: "With hostIPC the containers can read and write the shared memory and message queues of every process on the node, including other pods' data.",
  peers: { kubeLinter: ['host-ipc'], trivy: ['KSV-0008'], checkov: ['CKV_K8S_18'], kics: ['Shared Host IPC Namespace'], polaris: ['hostIPCSet'] },
});
