// k8s/host-network: the pod uses the node's network namespace.
import { hostNamespaceRule } from './host-namespace.js';

export default hostNamespaceRule({
  id: 'k8s/host-network',
  field: 'hostNetwork',
  title: 'Host network namespace shared',
  shares: 'network namespace',
  rationale:
    "With hostNetwork the pod sees every interface of the node, can bind any node port, sniff traffic of other pods on the node and reach services bound to the node's localhost (such as the kubelet's read-only port).",
  peers: { kubeLinter: ['host-network'], trivy: ['KSV-0009'], checkov: ['CKV_K8S_19'], kics: ['Shared Host Network Namespace'], polaris: ['hostNetworkSet'] },
});
