// Pods the CLI tests scan: one with an error, one clean under the recommended preset, one with only a warning.
export const PRIVILEGED_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: web\n      image: ghcr.io/acme/web:1.4.2\n      securityContext:\n        privileged: true\n';

export const HARDENED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: ok
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 10001
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: ghcr.io/acme/web:1.4.2
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
---
# Hardened includes isolated: a default-deny policy selects the pod (k8s/namespace-without-network-policy).
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

export const WARNING_ONLY_POD = HARDENED_POD.replace('        readOnlyRootFilesystem: true\n', '');
