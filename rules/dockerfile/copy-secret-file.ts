// dockerfile/copy-secret-file: COPY/ADD of a private key, .env file, registry token file or other
// credential file into the image.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { SECRET_FILES } from './secret-files.js';

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;
const BACKSLASH = /\\/g;
/** Where a public key is installed: a `.pub` name, or a package manager's keyring (apt, rpm). A `.key` copied there is a signing key, not a secret. */
const PUBLIC_KEY_DESTINATION = /\.pub$|(?:^|\/)(?:keyrings|trusted\.gpg\.d|rpm-gpg)(?:\/|$)/;

export default defineRule({
  meta: {
    id: 'dockerfile/copy-secret-file',
    title: 'Credential file copied into the image',
    defaultSeverity: 'error',
    description:
      'Flags COPY and ADD sources that name credential files: SSH keys (id_rsa, .ssh), *.key/*.pem/*.p12 (not when copied to a `.pub` name or into an apt or rpm keyring), .env files (not .env.example), .npmrc, .pypirc, .netrc, .git-credentials, .aws/credentials, .docker/config.json, kubeconfig, service-account keys and similar.',
    rationale:
      'A copied file stays in its image layer even if a later step deletes it: anyone who can pull the image (a registry, a CI cache, a customer) can extract it with `docker save`.',
    remediation:
      'Do not copy credentials: mount them for the one step that needs them (`RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`, `RUN --mount=type=ssh git clone …`), list them in .dockerignore, and inject runtime secrets from the platform (Kubernetes Secrets, a secret manager).',
    peers: { trivy: ['DS-0031'] },
    messages: { secretFile: '{{keyword}} puts {{what}} ({{path}}) into an image layer, readable by anyone with the image: mount it with RUN --mount=type=secret instead' },
    fixes: [],
    preset: 'recommended',
  },
  checkInstruction(instruction, context) {
    if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') return;
    const destination = instruction.argv.at(-1)?.value.replace(BACKSLASH, '/').toLowerCase() ?? '';
    const publicKeyGoes = PUBLIC_KEY_DESTINATION.test(destination);
    for (const source of instruction.argv.slice(0, -1)) {
      if (source.value.startsWith('<<') || REMOTE.test(source.value)) continue;
      const path = source.value.replace(BACKSLASH, '/').toLowerCase();
      const match = SECRET_FILES.find((entry) => entry.pattern.test(path));
      if (!match || (match.keyByExtension && publicKeyGoes)) continue;
      context.report({
        messageId: 'secretFile',
        data: { keyword: instruction.keyword, what: match.what, path: source.value },
        range: source.range,
        severity: match.severity,
      });
    }
  },
});
