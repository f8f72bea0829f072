// secrets/token: a credential that identifies itself by format (GitHub, AWS, Slack, a PEM private
// key, a password in a URL, …) anywhere in a YAML value, a Dockerfile instruction, or a comment.
import { isScalar } from 'yaml';
import type { OffsetRange } from '../../server/src/text/positions.js';
import type { RuleContext } from '../../server/src/engine/types.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { decodeBase64Text } from '../../server/src/secrets/base64.js';
import { instructionTexts } from '../../server/src/secrets/dockerfileSource.js';
import { TOKEN_PATTERNS } from '../../server/src/secrets/patterns.js';
import { teamScanner } from '../../server/src/secrets/teamPatterns.js';
import { scanTokensInChunks } from '../../server/src/secrets/chunkedTokens.js';
import type { TokenScanner } from '../../server/src/secrets/tokens.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import { forEachNode } from '../../server/src/yaml/walk.js';
import { contentRange, isSecret, scalarSource, scannableDocuments, tokenReport, walkValues } from './support.js';

const TEAM_PATTERNS_DOC = [
  'Add the formats only your organisation issues under the top-level `secrets.patterns` key of `.manifestlint.yaml`; findings name the pattern\'s id:',
  '',
  '```yaml',
  'secrets:',
  '  patterns:',
  '    - id: acme-api-key            # named in findings',
  '      description: ACME API key   # optional',
  "      regex: 'acme_live_[a-z0-9]{32}'   # the first capture group, if any, is the secret",
  '      keywords: [acme_live_]      # optional prefilter: the regex runs only on text holding one',
  '      entropy: 3.5                # optional floor, bits per character',
  '      allow:',
  "        paths: ['test/fixtures/**']   # files never checked for this pattern",
  '        values: [acme_live_0000…]     # values never reported',
  '```',
  '',
  'The regex is checked when the config is read: it must compile, use the RE2 subset gitleaks and Trivy accept (a leading `(?i)` ignores case; no lookaround, no backreference), not match the empty string, and not repeat a group that itself repeats or has alternatives (`(a+)+`, `(a|b)*`), the shape of catastrophic backtracking. A pattern that fails is a config problem at its `regex`.',
].join('\n');

/** The docs table of every built-in format: id, what it is, how it is checked, where it is documented. */
function formatsTable(): string {
  const rows = TOKEN_PATTERNS.map((p) => `| \`${p.id}\` | ${p.description} | ${p.checksum ?? ''} | ${p.source ? `<${p.source}>` : ''} |`);
  return ['| Id | Credential | Checksum | Source |', '|---|---|---|---|', ...rows].join('\n');
}

export default defineRule({
  meta: {
    id: 'secrets/token',
    title: 'Hardcoded token or private key',
    defaultSeverity: 'error',
    description:
      'Flags self-identifying credentials (private keys, cloud, VCS, chat, payment and AI provider tokens, JWTs, passwords in URLs and connection strings: the formats listed below) and your team\'s own patterns (`secrets.patterns` in the config) in any YAML value, in the decoded values of a Secret, in Dockerfile instructions, and in comments of either.',
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
      inComment: 'Hardcoded {{description}} in a comment ({{preview}})',
    },
    fixes: [],
    preset: 'recommended',
    scope: 'document',
    docsSections: [
      { title: 'Your own patterns', markdown: TEAM_PATTERNS_DOC },
      { title: `Formats (${TOKEN_PATTERNS.length})`, markdown: formatsTable() },
    ],
  },
  checkYaml(file, context) {
    const team = teamScanner(context.secretPatterns);
    for (const document of scannableDocuments(file)) {
      walkValues(document.doc.contents, {
        string(node) {
          const matches = scanTokensInChunks(node.value, team);
          if (matches.length === 0) return;
          const source = scalarSource(file, node, node.value);
          for (const match of matches) context.report(tokenReport(match, source.locate(match.start, match.end)));
        },
      });
    }
    const hashes = hashOffsets(file.text, file.region);
    for (const comment of yamlComments(file.text, hashes, hashesInScalars(file, hashes))) reportInComment(file.text, comment, context, team);
    // Secret.data is base64: decode it, since the token table reads text.
    for (const resource of file.resources) {
      if (!isSecret(resource)) continue;
      const data = resource.nav.map(resource.node, 'data');
      for (const pair of data?.items ?? []) {
        const value = resource.nav.resolve(pair.value);
        if (!isScalar(pair.key) || !isScalar(value) || typeof value.value !== 'string') continue;
        const decoded = decodeBase64Text(value.value);
        if (decoded === undefined) continue;
        for (const match of scanTokensInChunks(decoded, team)) context.report(tokenReport(match, contentRange(file, value), 'decoded', { key: String(pair.key.value) }));
      }
    }
  },
  checkDockerfile(file, context) {
    const team = teamScanner(context.secretPatterns);
    for (const comment of file.comments) reportInComment(file.text, comment.range, context, team);
  },
  checkInstruction(instruction, context) {
    const team = teamScanner(context.secretPatterns);
    for (const piece of instructionTexts(instruction)) {
      for (const match of scanTokensInChunks(piece.text, team)) context.report(tokenReport(match, piece.range(match.start, match.end)));
    }
  },
});

/** A token pasted into a comment (`# old key: ghp_…`) has leaked as surely as one in a value. */
function reportInComment(text: string, comment: OffsetRange, context: RuleContext, team: TokenScanner | undefined): void {
  for (const match of scanTokensInChunks(text.slice(comment.start, comment.end), team)) {
    context.report(tokenReport(match, { start: comment.start + match.start, end: comment.start + match.end }, 'inComment'));
  }
}

/** Every `#` of the text (or of the region a document view owns), in order: comment candidates (`#` is rare in manifests, so this is short). */
function hashOffsets(text: string, region: OffsetRange = { start: 0, end: text.length }): number[] {
  const offsets: number[] = [];
  for (let hash = text.indexOf('#', region.start); hash !== -1 && hash < region.end; hash = text.indexOf('#', hash + 1)) offsets.push(hash);
  return offsets;
}

/** The index of the first offset ≥ `start` (binary search: this runs for every scalar). */
function firstAtOrAfter(offsets: readonly number[], start: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < start) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The `#`s inside scalars (quoted keys and values, block scalars), which do not start comments: every
 * scalar of every document that has a `#`, syntax errors or not, since comments are read in all of them.
 */
function hashesInScalars(file: YamlFile, hashes: readonly number[]): Set<number> {
  const inside = new Set<number>();
  for (const { doc } of file.documents) {
    const first = firstAtOrAfter(hashes, doc.range[0]);
    if (first === hashes.length || hashes[first] >= doc.range[2]) continue;
    forEachNode(doc.contents, (node) => {
      if (!isScalar(node) || !node.range) return;
      for (let i = firstAtOrAfter(hashes, node.range[0]); i < hashes.length && hashes[i] < node.range[1]; i++) inside.add(hashes[i]);
    });
  }
  return inside;
}

/** YAML comments: from a `#` at a line's start or after a blank to the line's end, unless the `#` is inside a value. */
function* yamlComments(text: string, hashes: readonly number[], inValues: ReadonlySet<number>): Generator<OffsetRange> {
  let lineEnd = -1;
  for (const hash of hashes) {
    if (hash < lineEnd || inValues.has(hash)) continue; // the rest of a comment already read, or a value
    const before = hash === 0 ? '\n' : text[hash - 1];
    if (before !== ' ' && before !== '\t' && before !== '\n' && before !== '\r') continue;
    const newline = text.indexOf('\n', hash);
    lineEnd = newline === -1 ? text.length : newline;
    yield { start: hash, end: lineEnd };
  }
}
