// Issue 16 §1: the false alarms found on real repositories (Argo CD, Istio, kube-prometheus, Bitnami
// charts, microservices-demo, the official Docker images), each reduced to a snippet that no secrets
// rule may report. Decided by value as well as by name: a host, a path, a label key, a reference to a
// key name, a version, a public key's fingerprint or a placeholder is not a credential.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';
import type { LintConfig } from '../../server/src/engine/config.js';

const SECRETS_RULES = ['secrets/token', 'secrets/hardcoded-credential', 'secrets/committed-secret', 'dockerfile/secret-in-arg-env'];
const config: LintConfig = { rules: Object.fromEntries(SECRETS_RULES.map((id) => [id, {}])) };

const deployment = (podSpec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n${podSpec}`;

const CASES: { name: string; filename?: string; code: string }[] = [
  {
    name: 'topologyKey: kubernetes.io/hostname (a manifest and chart values)',
    code: deployment('      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 1\n              podAffinityTerm:\n                topologyKey: kubernetes.io/hostname\n      topologySpreadConstraints:\n        - topologyKey: "topology.kubernetes.io/zone"\n      containers:\n        - name: web\n          image: web:1\n'),
  },
  {
    name: '*Key holding a label key, an annotation prefix, a taint, a field path, a CIDR, a path, a file name',
    filename: 'values.yaml',
    code: [
      'brokenPodLabelKey: "cni.istio.io/uninitialized"',
      'annotationKey: external-dns.alpha.kubernetes.io/',
      'application.instanceLabelKey: argocd.argoproj.io/instance',
      'agent-not-ready-taint-key: "node.cilium.io/agent-not-ready"',
      'masterKeyIps: "0.0.0.0/0"',
      'privateKey: tests/testdata/certs/default/key.pem',
      'objstoreConfig:\n  secretKey: thanos.yaml',
      'tracing:\n  existingSecret:\n    name: tracing\n    key: tracing.yaml',
      'secretPrefix: "chainloop"',
      '',
    ].join('\n'),
  },
  {
    name: 'references to the key that holds a credential inside an existing Secret, consistently',
    filename: 'values.yaml',
    code: 'auth:\n  existingSecret: app-auth\n  existingUserSecretKey: username\n  existingSecretKey: admin-password\n  existingPasswordSecretKey: password\n  existingSecretKeySecretKey: "root-password"\ntls:\n  keyPasswordSecretKey: key-password\n  keystorePasswordSecretKey: keystore-password\n  serviceAccountSecretKey: "credentials.json"\n',
  },
  {
    name: 'a connection string that is a host and port',
    code: deployment('      containers:\n        - name: cart\n          image: cart:1\n          env:\n            - name: REDIS_CONNECTION_STRING\n              value: "redis-cart:6379"\n') + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cart\ndata:\n  connectionString: "redis-cart:6379"\n',
  },
  {
    name: 'placeholders: GOOGLE_API_KEY_VAL, projects/PROJECT_ID/…, “REQUIRED – replace”, fake-token, some-password',
    code:
      deployment('      containers:\n        - name: web\n          image: web:1\n          env:\n            - name: GOOGLE_API_KEY\n              value: GOOGLE_API_KEY_VAL\n            - name: SPANNER_CONNECTION_STRING\n              value: projects/PROJECT_ID/instances/SPANNER_INSTANCE_NAME/databases/SPANNER_DATABASE_NAME\n') +
      '---\napiVersion: example.com/v1\nkind: Telemetry\nmetadata:\n  name: t\nspec:\n  adminPassword: "REQUIRED – replace"\n  accessToken: "fake-token"\n  password: some-password\n  token: "somerandomtoken"\n',
  },
  {
    name: 'references into a key store: a Cloud KMS key name (cert-manager), a Vault path:field (grafana/helm-charts)',
    filename: '.github/workflows/release.yaml',
    code:
      'substitutions:\n  _KMS_KEY: "projects/cert-manager-release/locations/europe-west1/keyRings/cert-manager-release/cryptoKeys/cert-manager-release-signing-key/cryptoKeyVersions/1"\n' +
      'jobs:\n  sign:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: grafana/shared-workflows/actions/get-vault-secrets@v1\n        with:\n          repo_secrets: |\n            GPG_PRIVATE_KEY=helm-chart-signing-key:private_key\n            GPG_PASSPHRASE=helm-chart-signing-key:passphrase\n',
  },
  {
    name: 'test values of a chart (zero-to-jupyterhub): mock labels, pinned fillers, a pull policy in the wrong field',
    filename: 'values.yaml',
    code:
      'labels:\n  mock-label1-key: mock-label1-value\n  mock-label2-key: mock-label2-value\nhub:\n  config:\n    ConfigurableHTTPProxy:\n      auth_token: aaaa1111\n  apiToken: dddd4444\n' +
      'initContainers:\n  - name: mock-init-container-name\n    imagePullSecret: IfNotPresent\n',
  },
  {
    name: 'a Secret in chart values (argo-helm extraObjects), its base64 data encoding stand-ins',
    filename: 'ci/enable-extra-objects-values.yaml',
    code: 'extraObjects:\n  - apiVersion: v1\n    kind: Secret\n    metadata:\n      name: datadog\n    data:\n      address: aHR0cHM6Ly9hcGkuZGF0YWRvZ2hxLmNvbQo=\n      api-key: dGVzdC1hcGkta2V5Cg==\n      app-key: dGVzdC1hcHAta2V5Cg==\n',
  },
  {
    name: "PostgreSQL's password_encryption setting names an algorithm (the Zalando operator's clusters in GKE samples)",
    code: 'apiVersion: acid.zalan.do/v1\nkind: postgresql\nmetadata:\n  name: my-cluster\nspec:\n  postgresql:\n    parameters:\n      password_encryption: scram-sha-256\n',
  },
  {
    name: 'a CI workflow: a connection string made of placeholders in a run script, a title that mentions tokens',
    filename: '.github/workflows/ci.yaml',
    code: 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      GH_AW_TOKEN_USAGE_SUMMARY_TITLE: Threat Detection Token Usage\n    steps:\n      - run: |\n          SPANNER_CONNECTION_STRING=projects/PROJECT_ID/instances/SPANNER_INSTANCE_NAME/databases/SPANNER_DATABASE_NAME\n          helm install x ./chart --set spanner=$SPANNER_CONNECTION_STRING\n',
  },
  {
    name: 'chart defaults made of words, in values (the value must look like a secret there)',
    filename: 'values.yaml',
    code: 'postgresPassword: bitnami\nregistry:\n  password: harbor_registry_password\ndatabase:\n  postgresPassword: not-secure-database-password\ngrafana:\n  env:\n    GF_SECURITY_ADMIN_PASSWORD: "admin"\netcd:\n  initialClusterToken: "etcd-cluster-k8s"\n  authToken: simple\n',
  },
  {
    name: 'code and references in a script held in a ConfigMap',
    code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scripts\ndata:\n  hub.py: |\n    env_key = _get_config_value(name) + suffix\n    env_key = env_key.upper().replace("-", "_")\n  start.sh: |\n    selector_key="status.podIP"\n    exec rdm-mailhandler password=\\"$REDMINE_MAIL_RECEIVER_PASSWORD\\" "\n',
  },
  {
    name: 'ENV GPG_KEY <fingerprint>: a public key id (neither rule reports it)',
    filename: 'Dockerfile',
    code: 'FROM debian:bookworm-slim\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\nARG NODE_GPG_KEY="4ED7 78F5 39E3 634C 779C  87C6 D706 5826 6C1E 2E9F"\nENV PUBKEY_ID=0x7F4C1D3E\n',
  },
  {
    name: "a key's checksum on a RUN command line (nginx's official Dockerfile checks the signing key it downloads)",
    filename: 'Dockerfile',
    code: 'FROM alpine:3.20\nRUN KEY_SHA512="e09fa32f0a0eab2b879ccbbc4d0e4fb9751486eedda75e35fac65802cc9faa266425edf83e261137a2f4d16281ce2c1a5f4502930fe75154723da014214f0655" \\\n    && wget -O /tmp/nginx_signing.rsa.pub https://nginx.org/keys/nginx_signing.rsa.pub \\\n    && echo "$KEY_SHA512 */tmp/nginx_signing.rsa.pub" | sha512sum -c -\n',
  },
  {
    name: 'requirepass in a comment and a stand-in replaced at start-up; user:pass@ in documentation examples',
    code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: redis\ndata:\n  redis.conf: |\n    # The requirepass is not compatible with aclfile option and the ACL LOAD\n    # command, these will cause requirepass to be ignored.\n    # requirepass foobared\n    requirepass replace-default-auth\n  README: |\n    Connect with redis://user:pass@redis:6379/0 or https://user:password@example.com/\n',
  },
  {
    name: 'a Secret holding config files without credentials',
    code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: grafana-config\nstringData:\n  grafana.ini: |\n    [date_formats]\n    default_timezone = UTC\n  datasources.yaml: |\n    {\n      "apiVersion": 1,\n      "datasources": [{"name": "prometheus", "url": "http://prometheus-k8s.monitoring.svc:9090"}]\n    }\ndata:\n  key: c2VjcmV0IHNlY3JldAo=\n',
  },
  {
    name: 'after the first fixes, on the corpus: an htpasswd hash, commented-out config lines, etcd’s token type',
    code:
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  htpasswd: harbor_registry_user:$2y$10$9L4Tc0DJbFFMB6RdSCunrOpTHdwhid4ktBJmLD00bYgqkkGOvll3m\n  my.cnf: |-\n    [mysqld]\n    # file_key_management_filekey=FILE:/encryption/keyfile.key\n    # mysql -uroot -pS3cr3tPw9x\n---\n' +
      deployment('      containers:\n        - name: etcd\n          image: etcd:3\n          env:\n            - name: ETCD_AUTH_TOKEN\n              value: "simple"\n'),
  },
];

describe('secrets precision: the false alarms of issue 16 §1', () => {
  for (const { name, filename, code } of CASES) {
    it(name, () => {
      const findings = lint(code, { uri: filename ?? 'manifest.yaml', config });
      assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}: ${f.message}`), []);
    });
  }
});

describe('one finding per secret', () => {
  const rulesOf = (code: string, uri: string) => lint(code, { uri, config }).map((f) => `${f.ruleId}@${f.range.start.line + 1}`);

  it('an ARG/ENV literal is reported on its value by secrets/hardcoded-credential, not again by name', () => {
    assert.deepEqual(rulesOf('FROM alpine:3.20\nARG DB_PASSWORD=hunter2hunter2\nENV API_TOKEN="Tk9xQ2wLp7Zv"\n', 'Dockerfile'), ['secrets/hardcoded-credential@2', 'secrets/hardcoded-credential@3']);
  });

  it('a name without a value is dockerfile/secret-in-arg-env’s alone', () => {
    assert.deepEqual(rulesOf('FROM alpine:3.20\nARG DB_PASSWORD\n', 'Dockerfile'), ['dockerfile/secret-in-arg-env@2']);
  });
});
