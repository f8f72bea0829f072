// The JSON Schema of `.manifestlint.yaml`, built from the rule catalog: one source for the loader's
// validation (compiled once) and for schemas/manifestlint.schema.json (editor completion).
import { DEFAULT_LIMITS } from '../text/limits.js';
import type { RuleMeta } from '../engine/types.js';

export const CONFIG_SCHEMA_ID = 'https://manifestlint.dev/schemas/manifestlint.schema.json';
export const SEVERITY_VALUES = ['off', 'info', 'warning', 'error'] as const;
/** Entries per list (`ignores`, `ignore`, `files`, …): far more than any team writes, few enough to stay fast. */
export const MAX_LIST_ENTRIES = 10_000;

type JsonSchema = Record<string, unknown>;

const severity: JsonSchema = {
  type: 'string',
  enum: [...SEVERITY_VALUES],
  description: '`off` disables the rule; `info`, `warning` or `error` enable it at that severity.',
};

function ruleSettingSchema(meta: RuleMeta): JsonSchema {
  const object: JsonSchema = {
    type: 'object',
    properties: {
      severity: { $ref: '#/definitions/severity' },
      ...(meta.optionsSchema ? { options: meta.optionsSchema } : {}),
    },
    additionalProperties: false,
  };
  return {
    description: `${meta.title}: ${meta.description} (default: ${meta.defaultSeverity}, preset: ${meta.preset})`,
    anyOf: [{ $ref: '#/definitions/severity' }, object],
  };
}

export function buildConfigSchema(rules: readonly { meta: RuleMeta }[]): JsonSchema {
  const ruleIds = rules.map(({ meta }) => meta.id);
  const globs = { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: MAX_LIST_ENTRIES };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'manifestlint configuration',
    description: 'Team configuration for manifestlint: presets, rule severities and options, overrides, ignores, locked rules and limits.',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      extends: {
        description:
          'Configs this one builds on, in order (later wins): `manifestlint:recommended|strict|all`, the Pod Security Standards profiles `manifestlint:pss-baseline|pss-restricted`, a relative path, or a package in node_modules. Omitted: `manifestlint:recommended`; `[]`: start from no rule.',
        anyOf: [{ $ref: '#/definitions/extendsEntry' }, { type: 'array', items: { $ref: '#/definitions/extendsEntry' }, maxItems: MAX_LIST_ENTRIES }],
      },
      rules: { $ref: '#/definitions/rules' },
      overrides: {
        description: 'Rule settings (and a `dockerfileTarget` or `limits`) for the files matching `files` (globs relative to the config file\'s folder).',
        type: 'array',
        maxItems: MAX_LIST_ENTRIES,
        items: {
          type: 'object',
          properties: {
            files: { ...globs, minItems: 1 },
            rules: { $ref: '#/definitions/rules' },
            dockerfileTarget: { $ref: '#/definitions/dockerfileTarget' },
            limits: { $ref: '#/definitions/limits' },
          },
          required: ['files'],
          minProperties: 2, // `files` and something to apply to them
          additionalProperties: false,
        },
      },
      ignore: { ...globs, description: 'Files never linted (globs; a folder name such as `generated` skips the whole folder). Always skipped: node_modules, .git, vendor.' },
      ignores: {
        description: 'Findings accepted for specific resources, each with the reason why.',
        type: 'array',
        maxItems: MAX_LIST_ENTRIES,
        items: {
          type: 'object',
          properties: {
            rule: { $ref: '#/definitions/ruleId' },
            kind: { type: 'string', minLength: 1 },
            name: { type: 'string', minLength: 1 },
            namespace: { type: 'string', minLength: 1 },
            files: globs,
            reason: { type: 'string', minLength: 1, description: 'Why this finding is acceptable (shown in SARIF as the justification).' },
          },
          required: ['rule', 'reason'],
          additionalProperties: false,
        },
      },
      locked: {
        description: 'Rules that inline suppressions (comments and annotations) cannot switch off.',
        type: 'array',
        items: { $ref: '#/definitions/ruleId' },
        uniqueItems: true,
        maxItems: MAX_LIST_ENTRIES,
      },
      unusedSuppressions: { $ref: '#/definitions/severity', description: 'Severity of the report on a suppression that hides nothing (default: info).' },
      dockerfileTarget: { $ref: '#/definitions/dockerfileTarget' },
      limits: { $ref: '#/definitions/limits' },
      secrets: {
        description: 'Settings of the secrets rules.',
        type: 'object',
        properties: {
          patterns: {
            description:
              "Your own secret formats, found by `secrets/token` beside the built-in ones; a finding names the pattern's id. The regex uses the RE2 subset gitleaks and Trivy accept (a leading `(?i)` ignores case; no lookaround, no backreference) and must not repeat a group that itself repeats or branches.",
            type: 'array',
            maxItems: 1000,
            items: {
              type: 'object',
              properties: {
                id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'Names the pattern in findings, e.g. `acme-api-key`.' },
                description: { type: 'string', pattern: '^[\\x20-\\x7e]{1,120}$', description: 'What the secret is, shown in findings.' },
                regex: { type: 'string', minLength: 1, maxLength: 4096, description: 'Matches the secret; when it has capture groups, the first one is the secret.' },
                keywords: { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 100 }, description: 'The regex runs only on text holding one of these (any case): a fast prefilter.' },
                entropy: { type: 'number', minimum: 0, maximum: 8, description: 'Shannon entropy floor on the secret, in bits per character (random tokens: 3.5 to 5).' },
                allow: {
                  type: 'object',
                  properties: {
                    paths: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: MAX_LIST_ENTRIES, description: 'Files never checked for this pattern (globs relative to the config file).' },
                    values: { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: MAX_LIST_ENTRIES, description: 'Values this pattern never reports (known test or public values).' },
                  },
                  additionalProperties: false,
                },
              },
              required: ['id', 'regex'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
      podSpecPaths: {
        description:
          "Your own resource kinds that carry a Kubernetes PodSpec, and where: their containers are checked like a Deployment's. Built-in kinds (Deployment, Argo Rollout, Knative Service, Tekton Task, …) need no entry.",
        type: 'array',
        maxItems: MAX_LIST_ENTRIES,
        items: {
          type: 'object',
          properties: {
            apiVersion: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9.-]*(/[A-Za-z0-9]+)?$', description: '`acme.io/v1` (that version) or `acme.io` (any version).' },
            kind: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$' },
            path: { type: 'string', pattern: '^[^.\\s]+(\\.[^.\\s]+)*$', description: 'Dotted path from the resource to the PodSpec, e.g. `spec.template.spec`.' },
          },
          required: ['apiVersion', 'kind', 'path'],
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
    definitions: {
      severity,
      ruleId: { type: 'string', enum: ruleIds },
      extendsEntry: { type: 'string', minLength: 1 },
      dockerfileTarget: {
        description:
          'The stage that ships, as in `docker build --target <stage>`: the Dockerfile rules that judge the shipped image check it instead of the last stage. A Dockerfile without a stage of that name is checked on its last stage.',
        type: 'string',
        pattern: '^[A-Za-z][A-Za-z0-9_.-]*$',
      },
      limits: {
        description: 'What one file may cost. A file over a limit gets one "not linted" message instead of findings; the other files are linted as usual.',
        type: 'object',
        properties: {
          maxFileSizeMB: {
            description: `Files larger than this many megabytes are not linted (default: ${DEFAULT_LIMITS.maxFileSizeMB}).`,
            type: 'number',
            minimum: 0.01,
            maximum: 100,
          },
          timeBudgetMs: {
            description: `A lint still running after this many milliseconds is abandoned (default: ${DEFAULT_LIMITS.timeBudgetMs}).`,
            type: 'integer',
            minimum: 100,
            maximum: 300_000,
          },
        },
        additionalProperties: false,
      },
      rules: {
        description: 'Rule settings by id: a severity, or `{ severity, options }`.',
        type: 'object',
        properties: Object.fromEntries(rules.map(({ meta }) => [meta.id, ruleSettingSchema(meta)])),
        additionalProperties: false,
      },
    },
  };
}

/** The text of schemas/manifestlint.schema.json (a test checks the file matches it). */
export function configSchemaText(rules: readonly { meta: RuleMeta }[]): string {
  return `${JSON.stringify(buildConfigSchema(rules), null, 2)}\n`;
}
