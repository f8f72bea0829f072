// dockerfile/secret-in-arg-env: an ARG or ENV whose name says it holds a secret (BuildKit's
// SecretsUsedInArgOrEnv): build args and ENV values are kept in the image history and config.
import type { KeyValue } from '../../server/src/dockerfile/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { judgeCredential, unquote, WORDS_NAME } from '../../server/src/secrets/credentials.js';
import { credentialKeyStrength, qualifiersCancel } from '../../server/src/secrets/keyNames.js';
import { notASecret } from '../../server/src/secrets/placeholders.js';
import { scanTokens } from '../../server/src/secrets/tokens.js';
import { valueShape, type ValueShape } from '../../server/src/secrets/valueShapes.js';
import { secretMountFix } from './secret-mount-fix.js';
import { shippedStages } from './support.js';

function optional<T>(item: T | undefined): T[] | undefined {
  return item === undefined ? undefined : [item];
}

// BuildKit's secret words, matched on whole `_`-separated segments, case-insensitively (API_KEY, DB_PASSWORD, GITHUB_TOKEN).
const SECRET_WORDS: ReadonlySet<string> = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);
/** A segment that ends in a secret word names one too: `PGPASSWORD`, `GITHUBTOKEN`. */
const COMPOUND_SECRET = /^[a-z0-9]+(?:password|passwd|secret|token)$/;
/** Values that are public material, not a secret nor a stand-in for one: a key's fingerprint, a path, a version, a host. */
const PUBLIC_SHAPES: ReadonlySet<ValueShape> = new Set(['fingerprint', 'version', 'hostname', 'address', 'label-key', 'path', 'field-path']);

/**
 * BuildKit's segment match, minus the names whose qualifiers say they hold something about the secret
 * (`TOKEN_TTL`, `SSH_KEY_PATH`, `PUBLIC_KEY`), judged as secrets/hardcoded-credential judges key names.
 */
function namesSecret(name: string): boolean {
  const segments = name.toLowerCase().split('_');
  const secretAt = segments.findLastIndex((segment) => SECRET_WORDS.has(segment) || COMPOUND_SECRET.test(segment));
  return secretAt !== -1 && !qualifiersCancel(segments, secretAt);
}

/**
 * Whether the value written after the name leaves nothing for this rule to say. One finding per
 * secret: a literal credential is reported on the value by secrets/hardcoded-credential (or
 * secrets/token for an issued format), which asks for a rotation this rule's name-based finding does
 * not; public material (`ENV GPG_KEY <fingerprint>`, a path, a version) is no secret at all, nor the
 * name a weak word holds (`Filters__0__Key=ProcessId`). A name
 * with no value, a reference (`ENV TOKEN=$TOKEN`) or a stand-in (`ARG NPM_TOKEN=changeme`) is this
 * rule's: the real secret arrives at build time and is kept in the image.
 */
function valueAnswersName(pair: KeyValue): boolean {
  if (pair.rawValue === undefined) return false;
  if (judgeCredential(pair.key, pair.rawValue) !== undefined) return true;
  const literal = unquote(pair.rawValue).text;
  if (scanTokens(literal).length > 0) return true;
  const placeholder = notASecret(literal);
  // Under a weak word, capitalised words name a thing (a .NET setting's `…__Key=ProcessId` pair); a stand-in (`ChangeMe`) stays this rule's.
  if (placeholder === undefined && credentialKeyStrength(pair.key) === 'weak' && WORDS_NAME.test(literal)) return true;
  if (placeholder === 'path' || placeholder === 'url' || placeholder === 'public') return true;
  const shape = valueShape(literal, pair.key.toLowerCase().split('_'));
  return shape !== undefined && PUBLIC_SHAPES.has(shape);
}

export default defineRule({
  meta: {
    id: 'dockerfile/secret-in-arg-env',
    title: 'Secret passed through ARG or ENV',
    defaultSeverity: 'error',
    description:
      'Flags ARG and ENV names that say they hold a secret (a whole `_`-separated segment such as KEY, TOKEN, PASSWORD, SECRET, AUTH, CREDENTIALS, or a name ending in one, such as PGPASSWORD), as BuildKit does, except names with a PUBLIC segment or a qualifier after the secret word that makes the value something about the secret rather than the secret (FILE, PATH, URL, ID, VERSION, TTL, LENGTH, …), the same qualifiers secrets/hardcoded-credential applies to key names. Decided by the value too: a name with no value, a reference or a placeholder is reported (the secret arrives at build time); public material after the name (`ENV GPG_KEY <fingerprint>`, a path, a version, a URL) is not; a literal credential is reported once, on the value, by secrets/hardcoded-credential or secrets/token. A warning outside the stages that ship. For an `ARG` used by a single RUN, the fix moves the secret to a BuildKit secret mount read from `/run/secrets/<id>`.',
    rationale:
      '`ENV` values are stored in the image configuration of the stage and every stage built FROM it; build-arg values are recorded in the image history and in provenance attestations. Anyone who can pull the image can read them, even when the value came from `--build-arg` at build time.',
    remediation:
      'Pass the secret to the one RUN that needs it with a BuildKit secret mount: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci`, built with `docker build --secret id=npm_token,env=NPM_TOKEN .`.',
    peers: { buildkit: ['SecretsUsedInArgOrEnv'], hadolint: ['DL3064'], trivy: ['DS-0031'] },
    messages: {
      secretName: '{{keyword}} {{name}} looks like a secret: {{where}}; use RUN --mount=type=secret instead',
    },
    fixes: ['Read the build argument from a secret mount in the one RUN that uses it'],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const shipped = shippedStages(file, context.dockerfileTarget);
    for (const instruction of file.instructions) {
      const { keyword } = instruction;
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      for (const pair of instruction.pairs) {
        if (!namesSecret(pair.key) || valueAnswersName(pair)) continue;
        const ships = instruction.stage !== undefined && shipped.has(instruction.stage);
        context.report({
          messageId: 'secretName',
          data: {
            keyword,
            name: pair.key,
            where: keyword === 'ENV' ? 'ENV values are stored in the image config and history' : 'build arguments are recorded in the image history',
          },
          range: pair.keyRange,
          severity: ships ? undefined : 'warning',
          fixes: optional(secretMountFix(file, instruction, pair)),
        });
      }
    }
  },
});
