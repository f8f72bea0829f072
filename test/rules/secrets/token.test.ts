import { dedent, ruleTester } from '../../support/ruleTester.js';
import { ALPHABETS, FAKE_TOKENS, b64, fake, randomChars } from '../../secrets/fakes.js';

const gh = FAKE_TOKENS['github-token'];
const aws = FAKE_TOKENS['aws-access-key-id'];
const jwt = FAKE_TOKENS.jwt;
const pemLines = FAKE_TOKENS['pem-private-key'].split('\n');

/** A Pod whose container's `env:` is followed by `env` (lines indented 8 and 10). */
const pod = (env: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n      env:\n${env}\n`;

ruleTester('secrets/token', {
  valid: [
    { name: 'references, digests, UUIDs and checksums are not tokens', code: pod(`        - name: GITHUB_TOKEN\n          valueFrom: {secretKeyRef: {name: gh, key: token}}\n        - name: DIGEST\n          value: sha256:${randomChars(64, ALPHABETS.hex)}\n        - name: ID\n          value: 3f2504e0-4f89-11d3-9a0c-0305e82c3301`) },
    { name: 'the AWS documentation example key', code: pod('        - name: AWS_ACCESS_KEY_ID\n          value: AKIAIOSFODNN7EXAMPLE') },
    { name: 'masked tokens', code: pod(`        - name: GITHUB_TOKEN\n          value: ${fake('gh', 'p_', 'x'.repeat(36))}`) },
    { name: 'Stripe publishable keys are public', code: `stripe:\n  publishableKey: pk_live_${randomChars(24)}\n` },
    { name: 'keys are never secrets', code: `${gh}: note\n` },
    { name: 'comments without tokens, and a # inside a plain value', code: '# rotate quarterly\nurl: https://example.com/docs#tokens # see the runbook\n' },
    { name: 'Helm template values', code: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\nstringData:\n  token: {{ .Values.github.token | quote }}\n', filename: 'chart/templates/secret.yaml' },
    { name: 'Secret data that decodes to a plain password is the committed-secret rule’s job', code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ${b64('hunter2hunter2')}\n` },
    { name: 'Dockerfile with a digest and a secret mount', code: `FROM node:22@sha256:${randomChars(64, ALPHABETS.hex)}\nRUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci\n`, filename: 'Dockerfile' },
  ],
  invalid: [
    {
      name: 'a document with a syntax error is still scanned, as far as it parsed, and so are the others',
      code: `a: [1, 2\nb: ${gh}\n---\nc: ${gh}\n`,
      errors: [
        { line: 2, column: 4, endLine: 2, endColumn: 4 + gh.length, messageId: 'token' },
        { line: 4, column: 4, endLine: 4, endColumn: 4 + gh.length, messageId: 'token' },
      ],
    },
    {
      name: 'a duplicate key does not hide the tokens of its document',
      code: `env:\n  TOKEN: x\n  TOKEN: ${gh}\n`,
      errors: [{ line: 3, column: 10, endLine: 3, endColumn: 10 + gh.length, messageId: 'token' }],
    },
    {
      name: 'a typo in an alias does not hide the tokens of its document',
      code: `services:\n  app:\n    <<: *defualts\n    environment:\n      GITHUB_TOKEN: ${gh}\n`,
      errors: [{ line: 5, column: 21, endLine: 5, endColumn: 21 + gh.length, messageId: 'token' }],
    },
    {
      name: 'a # in a quoted key is not a comment',
      code: `"k #1": ${gh}\n`,
      errors: [{ line: 1, column: 9, endLine: 1, endColumn: 9 + gh.length, messageId: 'token' }],
    },
    {
      name: 'comments: a whole-line and a trailing YAML comment, a Dockerfile comment',
      code: `# rotated: ${gh}\nkey: value # old ${aws}\n`,
      errors: [
        { line: 1, column: 12, endLine: 1, endColumn: 12 + gh.length, message: 'Hardcoded GitHub token in a comment (ghp_…(40 chars))' },
        { line: 2, column: 18, endLine: 2, endColumn: 18 + aws.length, messageId: 'inComment' },
      ],
    },
    {
      name: 'a # inside a quoted value or a block scalar does not start a comment: the token there is a value',
      code: `a: "x #${gh}"\nb: |\n  line # ${aws}\n`,
      errors: [
        { line: 1, column: 8, endLine: 1, endColumn: 8 + gh.length, messageId: 'token' },
        { line: 3, column: 10, endLine: 3, endColumn: 10 + aws.length, messageId: 'token' },
      ],
    },
    {
      name: 'Dockerfile comment, also between continuation lines',
      filename: 'Dockerfile',
      code: `FROM alpine:3.20\n# ci token ${gh}\nRUN apk add curl \\\n  # ${aws}\n  git\n`,
      errors: [
        { line: 2, column: 12, endLine: 2, endColumn: 12 + gh.length, messageId: 'inComment' },
        { line: 4, column: 5, endLine: 4, endColumn: 5 + aws.length, messageId: 'inComment' },
      ],
    },
    {
      name: 'GitHub token in a quoted env value: the range excludes the quotes',
      code: pod(`        - name: GITHUB_TOKEN\n          value: "${gh}"`),
      errors: [{ line: 11, column: 19, endLine: 11, endColumn: 19 + gh.length, message: 'Hardcoded GitHub token (ghp_…(40 chars))', severity: 'error' }],
    },
    {
      name: 'AWS key id inside a multi-line block scalar: the range is the key on its own line',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  credentials: |\n    [default]\n    aws_access_key_id = ${aws}\n`,
      errors: [{ line: 8, column: 25, endLine: 8, endColumn: 45, messageId: 'token' }],
    },
    {
      name: 'PEM private key in a block scalar spans BEGIN to END',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n  key.pem: |\n${pemLines.map((l) => `    ${l}`).join('\n')}\n`,
      errors: [{ line: 7, column: 5, endLine: 7 + pemLines.length - 1, endColumn: 5 + pemLines[pemLines.length - 1].length, message: /^Hardcoded PEM private key/ }],
    },
    {
      name: 'password in a database URL in args, and a JWT as a warning',
      code: dedent(`
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
        spec:
          template:
            spec:
              containers:
                - name: m
                  image: migrate
                  args: ["-database", "postgres://app:Pg9xQ2wLk@db:5432/app", "--auth", "${jwt}"]
      `),
      errors: [
        { line: 11, column: 47, endLine: 11, endColumn: 56, message: 'Hardcoded password in a URL (Pg…(9 chars))', severity: 'error' },
        { line: 11, column: 82, endLine: 11, endColumn: 82 + jwt.length, messageId: 'token', severity: 'warning' },
      ],
    },
    {
      name: "a default login in a URL is a demo value (info: linkerd's RabbitMQ fixture); a password made of one is not",
      code: 'env:\n  AMQP: "amqp://guest:guest@rabbitmq:5672/"\n  DB: "postgresql://app:Root1234@db.prod.example.com/app"\n',
      errors: [
        { line: 2, column: 23, endLine: 2, endColumn: 28, message: 'Hardcoded password in a URL (g…(5 chars))', severity: 'info' },
        { line: 3, column: 25, endLine: 3, endColumn: 33, message: 'Hardcoded password in a URL (Ro…(8 chars))', severity: 'error' },
      ],
    },
    {
      name: 'Slack webhook in an annotation: the range is the secret path',
      code: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alerts\n  annotations:\n    notify: ${FAKE_TOKENS['slack-webhook']}\n`,
      errors: [{ line: 6, column: 46, endLine: 6, endColumn: 90, message: /^Hardcoded Slack webhook URL/ }],
    },
    {
      name: 'Stripe test keys are warnings; a folded scalar is searched as written',
      code: `billing:\n  note: >-\n    test key\n    ${FAKE_TOKENS['stripe-test-key']} only\n`,
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 37, messageId: 'token', severity: 'warning' }],
    },
    {
      name: 'a token in the base64-decoded data of a Secret sits on the encoded value',
      code: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: sa\ndata:\n  token: "${b64(jwt)}"\n`,
      errors: [{ line: 6, column: 11, endLine: 6, endColumn: 11 + b64(jwt).length, message: /^Hardcoded JSON Web Token in the base64-decoded value of data\.token \(eyJh…/, severity: 'warning' }],
    },
    {
      name: 'Dockerfile: ENV, a continuation line of RUN, and a heredoc body',
      filename: 'Dockerfile',
      code: `FROM alpine:3.20\nENV NPM_TOKEN=${FAKE_TOKENS['npm-token']}\nRUN apk add curl && \\\n    curl -H "X-Key: ${FAKE_TOKENS['google-api-key']}" https://x\nRUN <<EOF\necho ${gh} > /root/.token\nEOF\n`,
      errors: [
        { line: 2, column: 15, endLine: 2, endColumn: 55, message: 'Hardcoded npm access token (npm_…(40 chars))' },
        { line: 4, column: 21, endLine: 4, endColumn: 60, message: /^Hardcoded Google API key/ },
        { line: 6, column: 6, endLine: 6, endColumn: 46, message: /^Hardcoded GitHub token/ },
      ],
    },
    {
      name: 'Dockerfile: a token pasted as a line of its own (an unknown instruction)',
      filename: 'Dockerfile',
      code: `FROM alpine:3.20\n${gh}\n`,
      errors: [{ line: 2, column: 1, endLine: 2, endColumn: 41, message: /^Hardcoded GitHub token \(ghp_…/ }],
    },
  ],
});

/** Every single-line token family as a ConfigMap value: found on its own characters; masked, not found. */
const configValue = (value: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  value: "${value}"\n`;
const singleLine = Object.entries(FAKE_TOKENS).filter(([id, token]) => !token.includes('\n') && id !== 'slack-webhook');
/** The token as documentation masks it: its first 4 characters, then every letter and digit an `x`. */
const masked = (token: string) => token.slice(0, 4) + token.slice(4).replace(/[A-Za-z0-9]/g, 'x');

ruleTester('secrets/token', {
  valid: singleLine.map(([id, token]) => ({ name: `${id}, masked`, code: configValue(masked(token)) })),
  invalid: singleLine.map(([id, token]) => ({
    name: id,
    code: configValue(token),
    errors: [{ line: 6, column: 11, endLine: 6, endColumn: 11 + token.length, messageId: 'token' }],
  })),
});
