import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/linter/lint.js';
import { onlyRule, ruleTester } from '../../support/ruleTester.js';
import { FAKE_TOKENS, randomChars } from '../../secrets/fakes.js';

/** A Deployment "api" with container "web"; `extra` lines are indented 8 (container fields). */
const deployment = (extra: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: app:1.0\n${extra}\n`;
/** `env:` with one `name`/`value` item: the value sits on line 13, after `            value: ` (col 20). */
const envVar = (name: string, value: string) => deployment(`          env:\n            - name: ${name}\n              value: ${value}`);
const configMap = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n${data}\n`;

ruleTester('secrets/hardcoded-credential', {
  valid: [
    { name: 'valueFrom and envFrom are references', code: deployment('          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: db, key: password}\n          envFrom:\n            - secretRef: {name: app}') },
    { name: 'Kubernetes dependent variable $(VAR)', code: envVar('DB_PASSWORD', '$(ROOT_PASSWORD)') },
    { name: 'shell interpolation', code: envVar('DB_PASSWORD', '"${DB_PASSWORD}"') },
    { name: 'placeholder <password>', code: envVar('DB_PASSWORD', '"<password>"') },
    { name: 'placeholder changeme', code: envVar('DB_PASSWORD', 'changeme') },
    { name: 'masked', code: envVar('API_TOKEN', '"****"') },
    { name: 'filler', code: envVar('API_TOKEN', 'xxxxxxxx') },
    { name: 'example', code: envVar('API_TOKEN', 'example-token') },
    { name: 'empty', code: envVar('API_TOKEN', '""') },
    { name: 'boolean', code: envVar('REQUIRE_PASSWORD', 'true') },
    { name: 'number', code: envVar('DB_PASSWORD', '"1234"') },
    { name: 'file path convention', code: envVar('POSTGRES_PASSWORD_FILE', '/run/secrets/db') },
    { name: 'a URL without credentials', code: envVar('TOKEN_URL', 'https://auth.example.com/token') },
    { name: 'public keys', code: envVar('SSH_PUBLIC_KEY', '"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFAKE user@host"') },
    { name: 'ids and names', code: envVar('AWS_ACCESS_KEY_ID_NAME', 'prod-key') },
    { name: 'secret-manager reference', code: envVar('DB_PASSWORD', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db') },
    { name: 'GitHub Actions expression and permissions', code: 'permissions:\n  id-token: write\njobs:\n  deploy:\n    steps:\n      - with:\n          token: ${{ secrets.DEPLOY_TOKEN }}\n' },
    { name: 'command substitution', filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN TOKEN=`cat /run/secrets/token` ./fetch\n' },
    { name: 'tolerations and selectors use `key:`', code: deployment('          resources: {}\n      tolerations:\n        - key: dedicated-nodes-for-payments\n          operator: Exists') },
    { name: 'an annotation naming a Secret', code: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/auth-secret: basic-auth\n' },
    { name: 'a CRD field naming a Secret object', code: 'apiVersion: example.com/v1\nkind: Database\nmetadata:\n  name: db\nspec:\n  passwordSecret: db-credentials\n  tlsSecret: db-tls\n' },
    { name: 'Secret manifests are the committed-secret rule’s', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  DB_PASSWORD: hunter2hunter2\n' },
    { name: 'SealedSecret ciphertext', code: `apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgB${randomChars(60)}\n` },
    { name: 'SOPS-encrypted file', code: 'db:\n  password: ENC[AES256_GCM,data:Zm9v,iv:YmFy,tag:YmF6,type:str]\nsops:\n  version: 3.8.1\n' },
    { name: 'values holding a token format are the token rule’s', code: envVar('GITHUB_TOKEN', FAKE_TOKENS['github-token']) },
    { name: 'Helm template value', code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  DB_PASSWORD: {{ .Values.db.password | quote }}\n  API_TOKEN: "{{ .Values.token }}"\n', filename: 'chart/templates/cm.yaml' },
    { name: 'a wrapper’s own options are not the program’s: sudo -p is a prompt; a wrapper option ends the line', filename: 'Dockerfile', code: 'FROM alpine:3.20\nRUN sudo -p "Password: " -u app ./migrate\nRUN sudo -u\n' },
    { name: 'command-line references and prompts', code: deployment('          command: ["sh", "-c"]\n          args: ["mysql -p$(MYSQL_PASSWORD) db && app --password-file /run/secrets/pw --token $(TOKEN)"]') },
    { name: 'Dockerfile: BuildKit secret mounts, references, names without values', filename: 'Dockerfile', code: 'FROM alpine:3.20\nARG NPM_TOKEN\nENV DB_PASSWORD_FILE=/run/secrets/db API_TOKEN=${API_TOKEN}\nRUN --mount=type=secret,id=pw,env=DB_PASSWORD DB_PASSWORD=literal9x ./migrate\nRUN mysql -p"$MYSQL_PASSWORD" db\n' },
    {
      name: 'Compose environment list: references, names alone, a Secret object’s name, non-credentials, non-strings',
      filename: 'docker-compose.yaml',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n      - API_TOKEN\n      - LOG_LEVEL=debug\n      - POSTGRES_PASSWORD_FILE=/run/secrets/db\n      - DB_PASSWORD_SECRET=db-credentials\n      - 42\n      - ~\n      - {A: b}\n',
    },
  ],
  invalid: [
    {
      name: 'the keys a document with a syntax error did parse are still judged',
      code: 'labels: {app: web\ndb:\n  password: Zx9Lq2wPm7Vb\n',
      errors: [{ line: 3, column: 13, endLine: 3, endColumn: 25, messageId: 'value' }],
    },
    {
      name: 'literal env value, with the secretKeyRef fix',
      code: envVar('DB_PASSWORD', 'hunter2hunter2'),
      errors: [{ line: 13, column: 22, endLine: 13, endColumn: 36, message: 'Container "web" sets DB_PASSWORD to a hardcoded credential (hun…(14 chars))', severity: 'warning' }],
    },
    {
      name: 'quoted env value: the range excludes the quotes',
      code: envVar('apiKey', '"Zx9Lq2wPm7Vb"'),
      errors: [{ line: 13, column: 23, endLine: 13, endColumn: 35, messageId: 'envValue' }],
    },
    {
      name: 'the default of ${VAR:-default}',
      code: envVar('DB_PASSWORD', '"${PW:-hunter2x}"'),
      errors: [{ line: 13, column: 29, endLine: 13, endColumn: 37, messageId: 'envValue' }],
    },
    {
      name: 'AWS secret access key by its name is an error',
      code: envVar('AWS_SECRET_ACCESS_KEY', randomChars(40, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+', 3)),
      errors: [{ line: 13, column: 22, endLine: 13, endColumn: 62, message: /^Container "web" sets AWS_SECRET_ACCESS_KEY to a hardcoded AWS secret access key \(/, severity: 'error' }],
    },
    {
      name: 'ConfigMap keys, and k=v lines inside a multi-line value (exact ranges inside the block)',
      code: configMap('  SECRET_KEY: Dj4ngoK3y9x\n  application.properties: |\n    spring.datasource.url=jdbc:postgresql://db/app\n    spring.datasource.password=Xk9pL2mQ7z\n    token.ttl=3600\n  .env: |-\n    LOG_LEVEL=info\n    export API_TOKEN="Tk9xQ2wL"\n'),
      errors: [
        { line: 6, column: 15, endLine: 6, endColumn: 26, message: 'SECRET_KEY holds a hardcoded credential (Dj…(11 chars))' },
        { line: 9, column: 32, endLine: 9, endColumn: 42, message: 'spring.datasource.password holds a hardcoded credential (Xk…(10 chars))' },
        { line: 13, column: 23, endLine: 13, endColumn: 31, message: /^API_TOKEN holds a hardcoded credential/ },
      ],
    },
    {
      name: 'Helm values and other YAML leaves under a credential key; a weak key needs a generated value',
      code: 'postgresql:\n  auth:\n    password: s3cr3tP4ss\n    existingSecret: ""\ngit:\n  deployKey: my-deploy-key\n  signingKey: Qm9x2LpZr7Wv4Tn\n',
      errors: [
        { line: 3, column: 15, endLine: 3, endColumn: 25, message: 'password holds a hardcoded credential (s3…(10 chars))' },
        { line: 7, column: 15, endLine: 7, endColumn: 30, messageId: 'value' },
      ],
    },
    {
      name: 'HTTP probe header with a bearer literal',
      code: deployment('          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: 8080\n              httpHeaders:\n                - name: Authorization\n                  value: Bearer abcXYZ123def'),
      errors: [{ line: 17, column: 33, endLine: 17, endColumn: 45, message: 'Authorization holds a hardcoded credential (abc…(12 chars))' }],
    },
    {
      name: 'command and args are one argv; sh -c scripts and probe commands are read too',
      code: deployment('          command: ["/bin/sh", "-c"]\n          args:\n            - mysql -uroot -pMy5qlPw db && curl -u bob:Cu9lPw7x https://x\n          readinessProbe:\n            exec:\n              command: [redis-cli, -a, R3d1sPw9, ping]'),
      errors: [
        { line: 13, column: 30, endLine: 13, endColumn: 37, message: 'Container "web" passes a hardcoded credential on its command line (-p M…(7 chars))' },
        { line: 13, column: 56, endLine: 13, endColumn: 64, messageId: 'commandLine' },
        { line: 16, column: 40, endLine: 16, endColumn: 48, message: /\(-a R3…\(8 chars\)\)$/ },
      ],
    },
    {
      name: 'credential flags in args, detached and attached',
      code: deployment('          args: ["--password", "Tr0ub4dor3", "--api-key=Zx9Lq2wPm7"]'),
      errors: [
        { line: 11, column: 33, endLine: 11, endColumn: 43, message: /\(--password Tr…\(10 chars\)\)$/ },
        { line: 11, column: 57, endLine: 11, endColumn: 67, message: /\(--api-key Zx…\(10 chars\)\)$/ },
      ],
    },
    {
      name: 'workflow parameters are name/value items too',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: w\nspec:\n  arguments:\n    parameters:\n      - name: db-password\n        value: hunter2hunter2\n',
      errors: [{ line: 9, column: 16, endLine: 9, endColumn: 30, message: 'db-password holds a hardcoded credential (hun…(14 chars))' }],
    },
    {
      name: 'Dockerfile: ENV (both forms), ARG default and LABEL values',
      filename: 'Dockerfile',
      code: 'FROM alpine:3.20\nARG DB_PASSWORD=hunter2hunter2\nENV API_TOKEN="Tk9xQ2wL" \\\n    LOG_LEVEL=info\nENV LEGACY_SECRET s3cr3t-v4lue\nLABEL ci.token=Zq8wLp2xNv\n',
      errors: [
        { line: 2, column: 17, endLine: 2, endColumn: 31, message: 'ARG DB_PASSWORD bakes a hardcoded credential into the image (hun…(14 chars))' },
        { line: 3, column: 16, endLine: 3, endColumn: 24, messageId: 'buildValue' },
        { line: 5, column: 19, endLine: 5, endColumn: 31, messageId: 'buildValue' },
        { line: 6, column: 16, endLine: 6, endColumn: 26, messageId: 'buildValue' },
      ],
    },
    {
      name: 'Dockerfile: RUN flags across a continuation, exec form, heredoc, and `config set`',
      filename: 'Dockerfile',
      code: 'FROM alpine:3.20\nRUN apk add mysql-client && \\\n    mysql -uroot -pMy5qlPw db\nRUN ["curl", "-H", "Authorization: Bearer abcXYZ123def", "https://x"]\nRUN <<EOF\ndocker login -u me -p D0ck3rPw reg.io\nnpm config set _authToken Np9xQ2wLk7\nEOF\n',
      errors: [
        { line: 3, column: 20, endLine: 3, endColumn: 27, message: 'RUN passes a hardcoded credential on its command line (-p M…(7 chars))' },
        { line: 4, column: 43, endLine: 4, endColumn: 55, messageId: 'commandLine' },
        { line: 6, column: 23, endLine: 6, endColumn: 31, messageId: 'commandLine' },
        { line: 7, column: 27, endLine: 7, endColumn: 37, messageId: 'commandLine' },
      ],
    },
    {
      name: 'Dockerfile: the program behind a wrapper and its options (nice, /usr/bin/env, sudo -u app), named by its path',
      filename: 'Dockerfile',
      code: 'FROM alpine:3.20\nRUN nice /usr/bin/mysql -pS3cr3tPw9 db\nRUN /usr/bin/env redis-cli -a R3d1sPw9 ping\nRUN sudo -E -u app mysql -pS3cr3tPw9 db\nRUN sudo -n time -p env -i -- mysql -pS3cr3tPw9\n',
      errors: [
        { line: 2, column: 27, endLine: 2, endColumn: 36, messageId: 'commandLine' },
        { line: 3, column: 31, endLine: 3, endColumn: 39, messageId: 'commandLine' },
        { line: 4, column: 28, endLine: 4, endColumn: 37, messageId: 'commandLine' },
        { line: 5, column: 39, endLine: 5, endColumn: 48, messageId: 'commandLine' },
      ],
    },
    {
      name: 'Dockerfile exec form: the range covers the secret as written, through JSON escapes (in `sh -c` scripts too)',
      filename: 'Dockerfile',
      code: 'FROM alpine:3.20\nCMD ["mysql","-u","app","-p\\u0053up3rS3cretPw"]\nENTRYPOINT ["sh", "-c", "echo \\"go\\"; redis-cli -a R3d\\u0031sPassw0rd"]\n',
      errors: [
        { line: 2, column: 28, endLine: 2, endColumn: 46, message: 'CMD passes a hardcoded credential on its command line (-p Sup…(13 chars))' },
        { line: 3, column: 52, endLine: 3, endColumn: 70, messageId: 'commandLine' },
      ],
    },
    {
      name: 'Compose environment list item NAME=value: the range is the value',
      filename: 'docker-compose.yaml',
      code: 'services:\n  db:\n    image: postgres:16\n    environment:\n      - LOG_LEVEL=debug\n      - POSTGRES_PASSWORD=hunter2hunter2\n      - "API_TOKEN=Zx9Lq2wPm7Vb"\n',
      errors: [
        { line: 6, column: 27, endLine: 6, endColumn: 41, message: 'POSTGRES_PASSWORD holds a hardcoded credential (hun…(14 chars))' },
        { line: 7, column: 20, endLine: 7, endColumn: 32, messageId: 'value' },
      ],
    },
    {
      name: 'places: a shell script held in a ConfigMap (export, Bearer and custom auth headers, curl -u, mysql -p, PGPASSWORD=)',
      code: configMap('  deploy.sh: |\n    #!/bin/sh\n    export DEPLOY_TOKEN=Dq7xLp2wZk9v\n    curl -H "Authorization: Bearer Ab3dEf6hIj9k" https://api\n    curl -u deploy:Cu9lPw7xQ https://x\n    mysql -uroot -pMy5qlPw7z app\n    curl -H "X-Api-Key: Xa9kLp2wQz7v" -H "PRIVATE-TOKEN: Gl7pTk2wQx9z" https://gitlab\n    PGPASSWORD=Pg9sQlPw7x psql -h db'),
      errors: [
        { line: 8, column: 25, endLine: 8, endColumn: 37, message: 'DEPLOY_TOKEN holds a hardcoded credential (Dq7…(12 chars))' },
        { line: 9, column: 36, endLine: 9, endColumn: 48, message: 'deploy.sh runs a command with a hardcoded credential (Authorization header Ab3…(12 chars))' },
        { line: 10, column: 20, endLine: 10, endColumn: 29, message: 'deploy.sh runs a command with a hardcoded credential (-u Cu…(9 chars))' },
        { line: 11, column: 20, endLine: 11, endColumn: 29, message: 'deploy.sh runs a command with a hardcoded credential (-p My…(9 chars))' },
        { line: 12, column: 25, endLine: 12, endColumn: 37, message: 'deploy.sh runs a command with a hardcoded credential (X-Api-Key header Xa9…(12 chars))' },
        { line: 12, column: 58, endLine: 12, endColumn: 70, message: 'deploy.sh runs a command with a hardcoded credential (PRIVATE-TOKEN header Gl7…(12 chars))' },
        { line: 13, column: 16, endLine: 13, endColumn: 26, message: 'deploy.sh runs a command with a hardcoded credential (PGPASSWORD= Pg…(10 chars))' },
      ],
    },
    {
      name: 'places: formats pasted into a value — single-line JSON, XML, NuGet, .npmrc, .pypirc, URL query strings',
      code: configMap(
        `  config.json: '{"user": "app", "password": "Js9nPw7xQz"}'\n  settings.xml: |\n    <settings><servers><server><id>central</id><username>ci</username><password>Mv9nPw7xQz</password></server></servers></settings>\n  NuGet.Config: |\n    <packageSourceCredentials><feed><add key="Username" value="ci" /><add key="ClearTextPassword" value="Nu9etPw7xQ" /></feed></packageSourceCredentials>\n  .npmrc: |\n    //registry.npmjs.org/:_auth=Y2k6TnA5bVB3N3hR\n    //npm.example.com/:_password="TnA5bVB3N3hR"\n  .pypirc: |\n    [pypi]\n    username = ci\n    password = Py9piPw7xQ\n  WEBHOOK_URL: https://hooks.example.com/x?channel=ops&access_token=Ab3dEf6hIj9kLm\n  BLOB_URL: "https://acct.blob.core.windows.net/c/f.txt?sv=2022-11-02&se=2030-01-01&sp=r&sig=Qm9x2LpZr7Wv4Tn%2BaBcD"`,
      ),
      errors: [
        { line: 6, column: 46, endLine: 6, endColumn: 56, message: 'password holds a hardcoded credential (Js…(10 chars))' },
        { line: 8, column: 81, endLine: 8, endColumn: 91, message: 'password holds a hardcoded credential (Mv…(10 chars))' },
        { line: 10, column: 106, endLine: 10, endColumn: 116, message: 'ClearTextPassword holds a hardcoded credential (Nu…(10 chars))' },
        { line: 12, column: 33, endLine: 12, endColumn: 49, message: '_auth holds a hardcoded credential (Y2k6…(16 chars))' },
        { line: 13, column: 35, endLine: 13, endColumn: 47, message: '_password holds a hardcoded credential (TnA…(12 chars))' },
        { line: 17, column: 16, endLine: 17, endColumn: 26, message: 'password holds a hardcoded credential (Py…(10 chars))' },
        { line: 18, column: 69, endLine: 18, endColumn: 83, message: 'access_token holds a hardcoded credential (Ab3…(14 chars))' },
        { line: 19, column: 94, endLine: 19, endColumn: 116, message: 'sig holds a hardcoded credential (Qm9x…(22 chars))' },
      ],
    },
    {
      name: 'places: a script in container args, a query string in a command word, compound variable names and a query string in env',
      code: deployment(
        '          command: ["sh", "-c"]\n          args:\n            - |\n              export API_TOKEN=Tk9xQ2wLp7Zv\n              curl -H "PRIVATE-TOKEN: Gl7pTk2wQx9z" "https://gitlab/api?private_token=Pt9kLp2wQx7z"\n          env:\n            - name: PGPASSWORD\n              value: Pg9sQlPw7x\n            - name: DB_PASS\n              value: Db9PaSs7xQ\n            - name: WEBHOOK_URL\n              value: https://hooks.example.com/x?access_token=Ab3dEf6hIj9kLm',
      ),
      errors: [
        { line: 14, column: 32, endLine: 14, endColumn: 44, message: 'Container "web" passes a hardcoded credential on its command line (API_TOKEN= Tk9…(12 chars))' },
        { line: 15, column: 39, endLine: 15, endColumn: 51, message: 'Container "web" passes a hardcoded credential on its command line (PRIVATE-TOKEN header Gl7…(12 chars))' },
        { line: 15, column: 87, endLine: 15, endColumn: 99, message: 'private_token holds a hardcoded credential (Pt9…(12 chars))' },
        { line: 18, column: 22, endLine: 18, endColumn: 32, message: 'Container "web" sets PGPASSWORD to a hardcoded credential (Pg…(10 chars))' },
        { line: 20, column: 22, endLine: 20, endColumn: 32, message: 'Container "web" sets DB_PASS to a hardcoded credential (Db…(10 chars))' },
        { line: 22, column: 63, endLine: 22, endColumn: 77, message: 'access_token holds a hardcoded credential (Ab3…(14 chars))' },
      ],
    },
    {
      name: 'places: Dockerfile compound names in ARG/ENV and shell assignments, JSON in ENV, a query string and a custom header in RUN',
      filename: 'Dockerfile',
      code: 'FROM alpine:3.20\nARG PGPASSWORD=Pg9sQlPw7x\nENV MYSQL_ROOT_PASSWORD=My9RtPw7xQ DB_PASS=Db9PaSs7xQ\nENV AWS_SECRET_ACCESS_KEY=Aw9sSeCrEt7xQz\nENV APP_CONFIG={"password":"Js9nPw7xQz"}\nRUN curl -fsSL "https://api.example.com/v1/export?format=csv&access_token=Ab3dEf6hIj9kLm" -o /tmp/x\nRUN DB_PASS=Db9PaSs7xQ ./migrate && export PGPASSWORD=Pg9sQlPw7x && psql -h db\nRUN curl -H "X-Api-Key: Xa9kLp2wQz7v" https://api\n',
      errors: [
        { line: 2, column: 16, endLine: 2, endColumn: 26, message: 'ARG PGPASSWORD bakes a hardcoded credential into the image (Pg…(10 chars))' },
        { line: 3, column: 25, endLine: 3, endColumn: 35, message: 'ENV MYSQL_ROOT_PASSWORD bakes a hardcoded credential into the image (My…(10 chars))' },
        { line: 3, column: 44, endLine: 3, endColumn: 54, message: 'ENV DB_PASS bakes a hardcoded credential into the image (Db…(10 chars))' },
        { line: 4, column: 27, endLine: 4, endColumn: 41, message: 'ENV AWS_SECRET_ACCESS_KEY bakes a hardcoded credential into the image (Aw9…(14 chars))' },
        { line: 5, column: 29, endLine: 5, endColumn: 39, message: 'password holds a hardcoded credential (Js…(10 chars))' },
        { line: 6, column: 75, endLine: 6, endColumn: 89, message: 'access_token holds a hardcoded credential (Ab3…(14 chars))' },
        { line: 7, column: 13, endLine: 7, endColumn: 23, message: 'RUN passes a hardcoded credential on its command line (DB_PASS= Db…(10 chars))' },
        { line: 7, column: 55, endLine: 7, endColumn: 65, message: 'RUN passes a hardcoded credential on its command line (PGPASSWORD= Pg…(10 chars))' },
        { line: 8, column: 25, endLine: 8, endColumn: 37, message: 'RUN passes a hardcoded credential on its command line (X-Api-Key header Xa9…(12 chars))' },
      ],
    },
  ],
});

describe('secrets/hardcoded-credential fix', () => {
  it('moves a literal env value to valueFrom.secretKeyRef, named after the workload and the variable', () => {
    const [finding] = lint(envVar('DB_PASSWORD', 'hunter2hunter2'), { uri: 'manifest.yaml', config: onlyRule('secrets/hardcoded-credential') });
    const fix = finding?.fixes?.[0];
    assert.equal(fix?.title, 'Replace the literal value of DB_PASSWORD with valueFrom.secretKeyRef (Secret "api-secrets", key "db-password")');
    assert.deepEqual(
      fix?.changes.map((c) => (c.kind === 'yaml.insert' ? [c.kind, c.path, c.value] : [c.kind])),
      [['yaml.remove'], ['yaml.insert', ['valueFrom', 'secretKeyRef'], { name: 'api-secrets', key: 'db-password' }]],
    );
  });

  it('offers no fix outside a container’s env', () => {
    const [finding] = lint(configMap('  DB_PASSWORD: hunter2hunter2'), { uri: 'manifest.yaml', config: onlyRule('secrets/hardcoded-credential') });
    assert.equal(finding?.fixes, undefined);
  });
});
