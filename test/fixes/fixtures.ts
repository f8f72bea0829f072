// Documents the code-action tests share: a hardened Pod whose one finding is `privileged: true`.

/** Its only finding: k8s/privileged-container on line 13 (0-based line 12). */
export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: web
      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: {drop: [ALL]}
`;

/** 0-based line of `privileged: true` in PRIVILEGED_POD. */
export const PRIVILEGED_LINE = 12;
