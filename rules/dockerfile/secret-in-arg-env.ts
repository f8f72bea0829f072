// dockerfile/secret-in-arg-env: an ARG or ENV whose name says it holds a secret (BuildKit's
// SecretsUsedInArgOrEnv): build args and ENV values are kept in the image history and config.
import { defineRule } from '../../server/src/engine/defineRule.js';
import { shippedStages } from './support.js';

// BuildKit's word lists, matched on whole `_`-separated segments, case-insensitively (API_KEY, DB_PASSWORD, GITHUB_TOKEN).
const SECRET_SEGMENT = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED_SEGMENT = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export default defineRule({
  meta: {
    id: 'dockerfile/secret-in-arg-env',
    title: 'Secret passed through ARG or ENV',
    defaultSeverity: 'error',
    description:
      'Flags ARG and ENV names that say they hold a secret (a whole `_`-separated segment such as KEY, TOKEN, PASSWORD, SECRET, AUTH, CREDENTIALS), except names with a PUBLIC, FILE or VERSION segment, as BuildKit does. A warning outside the stages that ship.',
    rationale:
      '`ENV` values are stored in the image configuration of the stage and every stage built FROM it; build-arg values are recorded in the image history and in provenance attestations. Anyone who can pull the image can read them, even when the value came from `--build-arg` at build time.',
    remediation:
      'Pass the secret to the one RUN that needs it with a BuildKit secret mount: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci`, built with `docker build --secret id=npm_token,env=NPM_TOKEN .`.',
    peers: { buildkit: ['SecretsUsedInArgOrEnv'], hadolint: ['DL3064'], trivy: ['DS031'] },
    messages: {
      secretName: '{{keyword}} {{name}} looks like a secret: {{where}}; use RUN --mount=type=secret instead',
    },
    fixes: [],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    const shipped = shippedStages(file);
    for (const instruction of file.instructions) {
      const { keyword } = instruction;
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      for (const pair of instruction.pairs) {
        if (!SECRET_SEGMENT.test(pair.key) || ALLOWED_SEGMENT.test(pair.key)) continue;
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
        });
      }
    }
  },
});
