// The Kubernetes rules on Helm templates: a value or block a template writes is unknown (never
// flagged, never trusted); what is written literally is flagged at its exact position.
import { ruleTester } from '../support/ruleTester.js';

const filename = 'charts/web/templates/deployment.yaml';

/** A `helm create`-style Deployment; each case adds pod spec lines (indent 6) and container lines (indent 10). */
const deployment = (podSpec: string, container: string) => ({
  filename,
  code: [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "web.fullname" . }}',
    'spec:',
    '  template:',
    '    spec:',
    ...(podSpec ? [podSpec] : []),
    '      containers:',
    '        - name: {{ .Chart.Name }}',
    '          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
    ...(container ? [container] : []),
    '',
  ].join('\n'),
});

const podTemplatedSecurityContext = '      securityContext:\n        {{- toYaml .Values.podSecurityContext | nindent 8 }}';

ruleTester('k8s/privileged-container', {
  valid: [
    { name: 'unquoted action', ...deployment('', '          securityContext:\n            privileged: {{ .Values.privileged }}') },
    { name: 'quoted action', ...deployment('', '          securityContext:\n            privileged: "{{ .Values.privileged }}"') },
    { name: 'toYaml block', ...deployment('', '          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}') },
    { name: 'toYaml after the key', ...deployment('', '          securityContext: {{- toYaml .Values.securityContext | nindent 12 }}') },
    { name: 'ternary on one line', ...deployment('', '          securityContext:\n            privileged: {{ if .Values.debug }}true{{ else }}false{{ end }}') },
  ],
  invalid: [
    {
      name: 'literal inside a conditional block',
      ...deployment('', '          {{- if .Values.debug }}\n          securityContext:\n            privileged: true\n          {{- end }}'),
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 29, message: 'Container "{{ .Chart.Name }}" runs privileged: it has full access to the host' }],
    },
    {
      name: 'literal beside templated settings',
      ...deployment('', '          securityContext:\n            runAsUser: {{ .Values.uid }}\n            privileged: true   # debugging only\n            {{- with .Values.extraSecurityContext }}\n            {{- toYaml . | nindent 12 }}\n            {{- end }}'),
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 29, messageId: 'privileged' }],
    },
  ],
});

ruleTester('k8s/privilege-escalation', {
  valid: [
    { name: 'securityContext from toYaml', ...deployment('', '          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}') },
    { name: 'toYaml written at column 0 with indent', ...deployment('', '          securityContext:\n{{ toYaml .Values.securityContext | indent 12 }}') },
    { name: 'container keys from an include', ...deployment('', '          {{- include "web.containerSecurity" . | nindent 10 }}') },
    { name: 'templated value', ...deployment('', '          securityContext:\n            allowPrivilegeEscalation: {{ .Values.allowPrivilegeEscalation }}') },
    { name: 'templated value, quoted', ...deployment('', "          securityContext:\n            allowPrivilegeEscalation: '{{ .Values.ape }}'") },
  ],
  invalid: [
    {
      name: 'literal securityContext without it, named by the template text',
      ...deployment('', '          securityContext:\n            runAsNonRoot: true'),
      errors: [{ line: 9, column: 17, endLine: 9, endColumn: 34, message: 'Container "{{ .Chart.Name }}" does not set allowPrivilegeEscalation: false, so privilege escalation is allowed' }],
    },
    {
      name: 'an include below the container does not fill its securityContext',
      ...deployment('', '          securityContext:\n            allowPrivilegeEscalation: true\n          {{- include "web.env" . | nindent 10 }}'),
      errors: [{ line: 12, column: 13, endLine: 12, endColumn: 43, messageId: 'wrongValue' }],
    },
  ],
});

ruleTester('k8s/run-as-root', {
  valid: [
    { name: 'pod securityContext from toYaml, inherited', ...deployment(podTemplatedSecurityContext, '') },
    { name: 'templated runAsNonRoot', ...deployment('', '          securityContext:\n            runAsNonRoot: {{ .Values.runAsNonRoot }}') },
  ],
  invalid: [
    {
      name: 'literal runAsNonRoot: false on the container',
      ...deployment('', '          securityContext:\n            runAsNonRoot: false'),
      errors: [{ line: 12, column: 13, endLine: 12, endColumn: 32, messageId: 'explicitFalse' }],
    },
  ],
});

ruleTester('k8s/root-uid', {
  valid: [
    { name: 'templated uid', ...deployment('      securityContext:\n        runAsUser: {{ .Values.uid | default 0 }}', '') },
    {
      name: 'a literal pod-level 0 that the container securityContext template may override',
      ...deployment('      securityContext:\n        runAsUser: 0', '          securityContext:\n            {{- toYaml .Values.securityContext | nindent 12 }}'),
    },
  ],
  invalid: [
    {
      name: 'a literal pod-level 0 inherited by a literal container securityContext',
      ...deployment('      securityContext:\n        runAsUser: 0', '          securityContext:\n            runAsNonRoot: true'),
      errors: [{ line: 9, column: 9, endLine: 9, endColumn: 21, messageId: 'rootUid' }],
    },
  ],
});

ruleTester('k8s/seccomp', {
  valid: [
    { name: 'pod securityContext from toYaml', ...deployment(podTemplatedSecurityContext, '') },
    { name: 'profile from toYaml', ...deployment('      securityContext:\n        seccompProfile:\n          {{- toYaml .Values.seccompProfile | nindent 10 }}', '') },
  ],
  invalid: [
    {
      name: 'nothing written and nothing templated',
      ...deployment('      hostNetwork: false', ''),
      errors: [{ line: 2, column: 7, endLine: 2, endColumn: 17, messageId: 'podUnset' }],
    },
  ],
});

ruleTester('k8s/capabilities-not-dropped', {
  valid: [
    { name: 'drop list from toYaml', ...deployment('', '          securityContext:\n            capabilities:\n              drop:\n              {{- toYaml .Values.drop | nindent 14 }}') },
    { name: 'capabilities from a value', ...deployment('', '          securityContext:\n            capabilities: {{ toJson .Values.capabilities }}') },
  ],
  invalid: [
    {
      name: 'literal drop list without ALL',
      ...deployment('', '          securityContext:\n            capabilities:\n              drop: [NET_RAW]'),
      errors: [{ line: 13, column: 15, endLine: 13, endColumn: 30, messageId: 'notDropped' }],
    },
  ],
});

ruleTester('k8s/service-account-token', {
  valid: [
    { name: 'serviceAccountName from an include', ...deployment('      serviceAccountName: {{ include "web.serviceAccountName" . }}', '') },
    { name: 'automount from a value', ...deployment('      automountServiceAccountToken: {{ .Values.automount }}', '') },
    { name: 'pod spec keys from an include', ...deployment('      {{- include "web.podDefaults" . | nindent 6 }}', '') },
  ],
  invalid: [
    {
      name: 'literal true',
      ...deployment('      automountServiceAccountToken: true', ''),
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 41, messageId: 'explicit' }],
    },
  ],
});

ruleTester('k8s/host-network', {
  valid: [{ name: 'templated', ...deployment('      hostNetwork: {{ .Values.hostNetwork }}', '') }],
  invalid: [
    {
      name: 'literal inside with',
      ...deployment('      {{- with .Values.nodeSelector }}\n      hostNetwork: true\n      nodeSelector:\n        {{- toYaml . | nindent 8 }}\n      {{- end }}', ''),
      errors: [{ line: 9, column: 7, endLine: 9, endColumn: 24, messageId: 'shared' }],
    },
  ],
});

ruleTester('k8s/host-port', {
  valid: [{ name: 'templated port', ...deployment('', '          ports:\n            - containerPort: 80\n              hostPort: {{ .Values.hostPort }}') }],
  invalid: [
    {
      name: 'literal port in a range',
      ...deployment('', '          ports:\n          {{- range .Values.ports }}\n            - containerPort: {{ .port }}\n              hostPort: 8080\n          {{- end }}'),
      errors: [{ line: 14, column: 15, endLine: 14, endColumn: 29, messageId: 'hostPort' }],
    },
  ],
});

ruleTester('k8s/host-path', {
  valid: [{ name: 'templated path', ...deployment('      volumes:\n        - name: data\n          hostPath:\n            path: {{ .Values.hostPath | quote }}', '') }],
  invalid: [
    {
      name: 'literal socket, volume named by a template',
      ...deployment('      volumes:\n        - name: {{ .Release.Name }}-sock\n          hostPath:\n            path: /var/run/docker.sock', ''),
      errors: [{ line: 11, column: 13, endLine: 11, endColumn: 39, message: /^Deployment "\{\{ include "web\.fullname" \. \}\}" mounts sensitive host path \/var\/run\/docker\.sock \(volume "\{\{ \.Release\.Name \}\}-sock"\)/ }],
    },
  ],
});

ruleTester('k8s/yaml-syntax', {
  valid: [
    { name: 'if/else writing the same key', filename, code: 'kind: Service\nspec:\n  {{- if .Values.a }}\n  type: NodePort\n  {{- else }}\n  type: ClusterIP\n  {{- end }}\n' },
    { name: 'a block scalar with a conditional line at column 0', filename, code: 'data:\n  run.sh: |\n    echo start\n{{- if .Values.x }}\n    echo x\n{{- end }}\n' },
    { name: 'a multi-line plain scalar with conditional lines', filename, code: 'description: first part\n  {{- if .Values.more }}\n  more text\n  {{- end }}\n' },
    { name: 'a whole document from a define-less template', filename, code: '{{- range .Values.configMaps }}\n---\n{{ toYaml . }}\n{{- end }}\n' },
    { name: 'a mapping written by an action in key position', filename, code: 'labels:\n  {{ .Values.labelKey }}: {{ .Values.labelValue | quote }}\n' },
    { name: 'flow mapping with actions', filename, code: 'selector: { app: {{ .Values.app }}, tier: "{{ .Values.tier }}" }\n' },
    { name: 'an action that produces indentation-sensitive lines inline', filename, code: 'spec:\n  template: {{ include "pod" . | indent 4 }}\n  replicas: 1\n' },
    { name: 'a tab right after a line that trims it', filename, code: 'a: {{ .Values.a -}}\n\tb: 1\n' },
  ],
  invalid: [
    {
      name: 'a tab as indentation, whatever the template renders: info, not error',
      filename,
      code: 'metadata:\n  name: {{ .Release.Name }}\nspec:\n\treplicas: 1\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 2, severity: 'info', messageId: 'syntax' }],
    },
    {
      name: 'an invalid escape in a literal double-quoted string: info',
      filename,
      code: 'metadata:\n  name: {{ .Release.Name }}\n  annotations:\n    note: "C:\\q"\n',
      errors: [{ line: 4, column: 14, endLine: 4, endColumn: 15, severity: 'info', messageId: 'syntax' }],
    },
  ],
});
