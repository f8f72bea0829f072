// Positive fixtures for the output-safety tests: files that plant known secrets in every place the
// secrets rules look, with the secret values each one plants. Shared so that output formats (CLI
// text, JSON, SARIF) can be checked against the same corpus as the findings themselves.
import { FAKE_TOKENS, b64 } from './fakes.js';

export interface LeakCase {
  name: string;
  filename: string;
  code: string;
  /** Every secret value the file plants (decoded where the file holds it encoded). */
  secrets: string[];
}

const tokenValues = Object.values(FAKE_TOKENS);
const passwords = ['hunter2hunter2', 'Tr0ub4dor3x', 'My5qlPw7z', 'Cu9lPw7xQ', 'Xk9pL2mQ7z', 'Zq8wLp2xNv', 'R3g1stryPw9', 'D0ck3rPw9x'];
const [hunter, troubadour, mysql, curl, properties, label, registry, docker] = passwords;

const envItems = tokenValues
  .filter((token) => !token.includes('\n'))
  .map((token, i) => `            - name: VAR_${i}\n              value: "${token}"`)
  .join('\n');

export const LEAK_CASES: LeakCase[] = [
  {
    name: 'every single-line token family in env values, plus literal credentials and command lines',
    filename: 'deployment.yaml',
    code: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: app:1.0\n          command: ["sh", "-c", "mysql -p${mysql} db && curl -u bob:${curl} https://x"]\n          args: ["--password", "${troubadour}"]\n          env:\n            - name: DB_PASSWORD\n              value: ${hunter}\n${envItems}\n`,
    secrets: [...tokenValues.filter((t) => !t.includes('\n')), hunter, troubadour, mysql, curl],
  },
  {
    name: 'PEM keys in a ConfigMap block scalar and a properties file',
    filename: 'configmap.yaml',
    code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  key.pem: |\n${FAKE_TOKENS['pem-private-key'].replace(/^/gm, '    ')}\n  app.properties: |\n    spring.datasource.password=${properties}\n`,
    secrets: [FAKE_TOKENS['pem-private-key'], properties],
  },
  {
    name: 'a Secret with base64 data, stringData, registry auth and a replaying annotation',
    filename: 'secret.yaml',
    code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: '${JSON.stringify({ kind: 'Secret', metadata: { name: 'db' }, data: { password: b64(hunter) } })}'\ndata:\n  password: ${b64(hunter)}\n  token: ${b64(FAKE_TOKENS.jwt)}\n  .dockerconfigjson: ${b64(JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`me:${registry}`) } } }))}\nstringData:\n  api-token: ${troubadour}\n`,
    secrets: [hunter, b64(hunter), FAKE_TOKENS.jwt, b64(FAKE_TOKENS.jwt), registry, troubadour],
  },
  {
    name: 'a Dockerfile with tokens and credentials in ENV, ARG, LABEL, RUN and a heredoc',
    filename: 'Dockerfile',
    code: `FROM alpine:3.20\nARG NPM_TOKEN=${FAKE_TOKENS['npm-token']}\nENV DB_PASSWORD=${hunter}\nLABEL ci.token=${label}\nRUN mysql -p${mysql} db && \\\n    curl -H "Authorization: Bearer ${troubadour}" https://x\nRUN <<EOF\ndocker login -u me -p ${docker} reg.io\necho ${FAKE_TOKENS['github-token']} > /root/.token\nEOF\n`,
    secrets: [FAKE_TOKENS['npm-token'], hunter, label, mysql, troubadour, docker, FAKE_TOKENS['github-token']],
  },
  {
    name: 'credentials in scripts and pasted formats: export, custom headers, JSON, XML, NuGet, .npmrc, a query string',
    filename: 'scripts.yaml',
    code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scripts\ndata:\n  run.sh: |\n    export DEPLOY_TOKEN=${hunter}\n    curl -H "X-Api-Key: ${troubadour}" "https://api.example.com/v1?access_token=${curl}"\n  config.json: '{"password": "${properties}"}'\n  settings.xml: <server><password>${label}</password></server>\n  NuGet.Config: <add key="ClearTextPassword" value="${registry}" />\n  .npmrc: //registry.example.com/:_password=${docker}\n  PGPASSWORD: ${mysql}\n`,
    secrets: [hunter, troubadour, curl, properties, label, registry, docker, mysql],
  },
];

/** A preview may show the first 4 characters; any 6 consecutive characters of a secret is a leak. */
const WINDOW = 6;

/** The first run of WINDOW characters of `secret` (line by line) found in `output`, if any. */
export function leaks(output: string, secret: string): string | undefined {
  const lines = secret.split('\n').filter((line) => line.length >= WINDOW);
  for (const line of lines) {
    for (let i = 0; i + WINDOW <= line.length; i++) {
      const window = line.slice(i, i + WINDOW);
      if (output.includes(window)) return window;
    }
  }
  return undefined;
}
