// Documents the code-action and fix-all tests share: a hardened Pod whose one finding is `privileged: true`,
// and a Pod whose second container merges its securityContext from the first.

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

/**
 * Container "web" inherits its securityContext through `<<: *hardened`; both containers lack only
 * readOnlyRootFilesystem. A fix adding an own `securityContext:` to "web" would hide the merged one.
 */
export const MERGED_HARDENING_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    seccompProfile: {type: RuntimeDefault}
  containers:
    - &hardened
      name: base
      image: ghcr.io/acme/web:1.4.2
      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
    - <<: *hardened
      name: web
`;

/** 0-based line of `name: web` in MERGED_HARDENING_POD, where the merged container's findings are. */
export const MERGED_WEB_LINE = 14;
