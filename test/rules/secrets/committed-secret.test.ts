import { ruleTester } from '../../support/ruleTester.js';
import { b64 } from '../../secrets/fakes.js';

const secret = (body: string, type = '') => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n${type ? `type: ${type}\n` : ''}${body}\n`;
const registryAuth = b64('deployer:R3g1stryPw9');
const dockerConfig = JSON.stringify({ auths: { 'ghcr.io': { auth: registryAuth } } });
const lastApplied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, data: { password: b64('hunter2hunter2') } });

ruleTester('secrets/committed-secret', {
  valid: [
    { name: 'empty values and placeholders', code: secret(`data:\n  password: ""\n  token: ${b64('changeme').slice(0, 0)}\nstringData:\n  apiKey: \${API_KEY}\n  other: "<your-token>"\n  masked: "********"`) },
    { name: 'public material: certificates, usernames, hosts', code: secret(`type: kubernetes.io/tls\ndata:\n  tls.crt: ${b64('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')}\n  ca.crt: ${b64('x')}\n  username: ${b64('app')}\n  host: ${b64('db.internal')}`) },
    { name: 'Helm template', filename: 'chart/templates/secret.yaml', code: secret('data:\n  password: {{ .Values.db.password | b64enc | quote }}\nstringData:\n  token: "{{ .Values.token }}"') },
    { name: 'SOPS-encrypted Secret', code: secret('stringData:\n  password: ENC[AES256_GCM,data:Zm9vYmFy,iv:aXY=,tag:dGFn,type:str]\nsops:\n  version: 3.8.1') },
    { name: 'SealedSecret and ExternalSecret are the fix', code: 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgBy8hCi4Qx\n' },
    { name: 'not a Secret', code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\ndata:\n  password: ${b64('hunter2hunter2')}\n` },
    { name: 'registry credentials that reference a variable', code: secret(`stringData:\n  .dockerconfigjson: '${JSON.stringify({ auths: { 'r.io': { username: 'me', password: '${REGISTRY_PASSWORD}' } } })}'`, 'kubernetes.io/dockerconfigjson') },
    { name: 'last-applied annotation of a Secret with placeholders only', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '${JSON.stringify({ kind: 'Secret', metadata: { name: 'db' }, stringData: { password: '' } })}'\n` },
  ],
  invalid: [
    {
      name: 'a real value in data, base64-decoded: the range is the encoded value inside its quotes',
      code: secret(`data:\n  password: "${b64('hunter2hunter2')}"`),
      errors: [{ line: 6, column: 14, endLine: 6, endColumn: 34, message: 'Secret "db" commits a literal value in data.password (hun…(14 chars))', severity: 'warning' }],
    },
    {
      name: 'tutorial values are info; real stringData values are warnings',
      code: secret(`data:\n  username: ${b64('admin')}\n  password: ${b64('admin')}\nstringData:\n  api-token: Zx9Lq2wPm7Vb`),
      errors: [
        { line: 7, column: 13, endLine: 7, endColumn: 21, message: 'Secret "db" commits a demo value in data.password: fine for a tutorial, never for a real cluster', severity: 'info' },
        { line: 9, column: 14, endLine: 9, endColumn: 26, messageId: 'committed', severity: 'warning' },
      ],
    },
    {
      name: 'binary content (a keystore) is still committed',
      code: secret(`data:\n  keystore.p12: ${Buffer.from([0x30, 0x82, 0x0a, 0x01, 0x02, 0x01, 0x03, 0xff]).toString('base64')}`),
      errors: [{ line: 6, column: 17, endLine: 6, endColumn: 29, messageId: 'committed' }],
    },
    {
      name: 'inline .dockerconfigjson in data: one finding per registry',
      code: secret(`data:\n  .dockerconfigjson: ${b64(dockerConfig)}`, 'kubernetes.io/dockerconfigjson'),
      errors: [{ line: 7, column: 22, endLine: 7, endColumn: 22 + b64(dockerConfig).length, message: 'Secret "db" commits registry credentials for ghcr.io in data[".dockerconfigjson"] (R3…(11 chars))' }],
    },
    {
      name: 'inline .dockerconfigjson in stringData: the range is the auth string',
      code: secret(`stringData:\n  .dockerconfigjson: '${dockerConfig}'`, 'kubernetes.io/dockerconfigjson'),
      errors: [{ line: 7, column: 52, endLine: 7, endColumn: 52 + registryAuth.length, messageId: 'registry' }],
    },
    {
      name: 'the last-applied-configuration annotation replays a Secret',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: exported\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '${lastApplied}'\n`,
      errors: [{ line: 6, column: 56, endLine: 6, endColumn: 56 + lastApplied.length, message: 'The last-applied-configuration annotation of ConfigMap "exported" replays Secret "db" with 1 literal value(s)' }],
    },
    {
      name: 'Secrets inside a kind: List',
      code: `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: a}\n    stringData: {token: Zx9Lq2wPm7Vb}\n`,
      errors: [{ line: 7, column: 25, endLine: 7, endColumn: 37, message: /^Secret "a" commits a literal value in stringData\.token/ }],
    },
  ],
});
