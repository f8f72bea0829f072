// secrets/token: a credential that identifies itself by format (GitHub, AWS, Slack, a PEM private
// key, a password in a URL, …) anywhere in a YAML value or a Dockerfile instruction.
import { isScalar } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { decodeBase64Text } from '../../server/src/secrets/base64.js';
import { heredocRange } from '../../server/src/secrets/dockerfileSource.js';
import { scanTokens } from '../../server/src/secrets/tokens.js';
import { contentRange, isSecret, rangeInScalar, scannableDocuments, tokenReport, walkValues } from './support.js';

export default defineRule({
  meta: {
    id: 'secrets/token',
    title: 'Hardcoded token or private key',
    defaultSeverity: 'error',
    description:
      'Flags self-identifying credentials (private keys, cloud, VCS, chat, payment and AI provider tokens, JWTs, passwords in URLs and connection strings) in any YAML value, in the decoded values of a Secret, and in Dockerfile instructions.',
    rationale:
      'These formats are issued credentials: their prefix, alphabet and length leave no doubt. Committed to a repository or baked into an image, they are readable by everyone with access to either, and remain valid until someone rotates them.',
    remediation:
      'Revoke and rotate the credential first: it has leaked. Then load it at run time from a Secret (`valueFrom.secretKeyRef`, a mounted volume, an external secret store) or, at build time, from a BuildKit secret mount (`RUN --mount=type=secret,id=…`).',
    peers: {
      trivy: ['aws-access-key-id', 'github-pat', 'github-fine-grained-pat', 'gitlab-pat', 'private-key', 'slack-access-token', 'slack-web-hook', 'stripe-secret-token', 'pypi-upload-token', 'hugging-face-access-token'],
      kics: ['Passwords And Secrets'],
    },
    messages: {
      token: 'Hardcoded {{description}} ({{preview}})',
      decoded: 'Hardcoded {{description}} in the base64-decoded value of data.{{key}} ({{preview}})',
    },
    fixes: [],
    preset: 'recommended',
  },
  checkYaml(file, context) {
    for (const document of scannableDocuments(file)) {
      walkValues(document.doc.contents, {
        string(node) {
          for (const match of scanTokens(node.value)) context.report(tokenReport(match, rangeInScalar(file, node, node.value, match.start, match.end)));
        },
      });
    }
    // Secret.data is base64: decode it, since the token table reads text.
    for (const resource of file.resources) {
      if (!isSecret(resource)) continue;
      const data = resource.nav.map(resource.node, 'data');
      for (const pair of data?.items ?? []) {
        const value = resource.nav.resolve(pair.value);
        if (!isScalar(pair.key) || !isScalar(value) || typeof value.value !== 'string') continue;
        const decoded = decodeBase64Text(value.value);
        if (decoded === undefined) continue;
        for (const match of scanTokens(decoded)) context.report(tokenReport(match, contentRange(file, value), 'decoded', { key: String(pair.key.value) }));
      }
    }
  },
  checkDockerfile(file, context) {
    for (const instruction of file.instructions) {
      for (const match of scanTokens(instruction.args)) context.report(tokenReport(match, instruction.rangeOf(match.start, match.end)));
      for (const heredoc of instruction.heredocs) {
        for (const match of scanTokens(heredoc.body)) context.report(tokenReport(match, heredocRange(heredoc, match.start, match.end)));
      }
    }
  },
});
