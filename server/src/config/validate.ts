// Validates config data against the schema (compiled once, lazily) and turns ajv's errors into one
// plain message per problem, each with the JSON path it is about and whether it points at a key or a value.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { allRules } from '../../../rules/index.js';
import { quote } from './quote.js';
import { buildConfigSchema } from './schema.js';
import { closestMatch } from './suggest.js';

export type JsonPath = readonly string[];

export interface SchemaIssue {
  /** Path of the value the issue is about (`['rules', 'k8s/host-path']`). */
  path: JsonPath;
  /** `key`: the last path segment names a key that should not be there; `missing`: the value at `path` lacks a key. */
  target: 'value' | 'key' | 'missing';
  message: string;
}

let validator: ValidateFunction | undefined;
const ruleIds = allRules.map(({ meta }) => meta.id);

function compiled(): ValidateFunction {
  // Rule option schemas come from rule modules: unknown keywords there must not break loading.
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false, logger: false }).compile(buildConfigSchema(allRules));
  return validator;
}

export interface Validation {
  /** The first `limit` issues, described. */
  issues: SchemaIssue[];
  /** How many issues there are in all. */
  total: number;
}

/** Describes at most `limit` issues: a description may search for a suggestion, and a hostile file can hold thousands. */
export function validateConfigData(data: unknown, limit = Infinity): Validation {
  const validate = compiled();
  if (validate(data)) return { issues: [], total: 0 };
  return toIssues(validate.errors ?? [], limit);
}

function toIssues(errors: readonly ErrorObject[], limit: number): Validation {
  // Indexed once: a config with thousands of mistakes must not compare every error with every other.
  const byPath = new Map<string, ErrorObject[]>();
  const hasDeeperError = new Set<string>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath);
    if (list) list.push(error);
    else byPath.set(error.instancePath, [error]);
    for (let cut = error.instancePath.lastIndexOf('/'); cut > 0; cut = error.instancePath.lastIndexOf('/', cut - 1)) hasDeeperError.add(error.instancePath.slice(0, cut));
    if (error.instancePath) hasDeeperError.add('');
  }
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const issues: SchemaIssue[] = [];
  let total = 0;
  const add = (issue: () => SchemaIssue) => {
    if (total++ < limit) issues.push(issue());
  };
  for (const path of anyOfPaths) {
    // An `anyOf` failed at `path`. When some branch got further (a deeper error, or an object-shaped
    // complaint at `path` itself), that is what the user got wrong; otherwise the value has the wrong shape.
    const atPath = byPath.get(path) ?? [];
    const specific = hasDeeperError.has(path) || atPath.some((e) => !isShapeError(e) && e.keyword !== 'anyOf');
    if (!specific) add(() => ({ path: parsePointer(path), target: 'value', message: shapeMessage(atPath.filter(isShapeError)) }));
  }
  const missingKeyPaths = new Set(errors.filter((e) => e.keyword === 'required').map((e) => e.instancePath));
  for (const error of errors) {
    if (anyOfPaths.has(error.instancePath) && (isShapeError(error) || error.keyword === 'anyOf')) continue;
    if (error.keyword === 'minProperties' && missingKeyPaths.has(error.instancePath)) continue; // the missing key says it better
    add(() => describe(error));
  }
  return { issues, total };
}

function isShapeError(error: ErrorObject): boolean {
  return error.keyword === 'type' || error.keyword === 'enum';
}

function shapeMessage(errors: readonly ErrorObject[]): string {
  const values = errors.flatMap((e) => (e.keyword === 'enum' ? (e.params as { allowedValues: unknown[] }).allowedValues.map(String) : []));
  const enumTypes = new Set(values.length ? ['string'] : []);
  const types = errors.flatMap((e) => (e.keyword === 'type' ? [String((e.params as { type: string }).type)] : [])).filter((t) => !enumTypes.has(t));
  const options = [...(values.length ? [`one of ${values.join(', ')}`] : []), ...[...new Set(types)].map(withArticle)];
  return `must be ${options.join(', or ')}`;
}

function describe(error: ErrorObject): SchemaIssue {
  const path = parsePointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const isRules = path[path.length - 1] === 'rules'; // top level or in an override
      const suggestion = closestMatch(key, known);
      const what = isRules ? `unknown rule ${quote(key)}` : `unknown setting ${quote(key)}`;
      return { path: [...path, key], target: 'key', message: suggestion ? `${what}: did you mean "${suggestion}"?` : isRules ? `${what} (see \`manifestlint rules\`)` : `${what} (expected ${known.join(', ')})` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      if (error.schemaPath === '#/definitions/ruleId/enum') {
        const suggestion = typeof error.data === 'string' ? closestMatch(error.data, ruleIds) : undefined;
        return { path, target: 'value', message: `unknown rule ${quote(String(error.data))}${suggestion ? `: did you mean "${suggestion}"?` : ''}` };
      }
      return { path, target: 'value', message: `must be one of ${allowed.join(', ')}` };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const why = missing === 'reason' ? ': say why the finding is acceptable' : '';
      return { path, target: 'missing', message: `missing "${missing}"${why}` };
    }
    case 'type':
      return { path, target: 'value', message: `must be ${withArticle(String(params.type))}` };
    case 'minLength':
    case 'minItems':
      return { path, target: 'value', message: 'must not be empty' };
    case 'minProperties':
      return { path, target: 'missing', message: 'sets nothing: add "rules", "dockerfileTarget" or "limits"' };
    case 'maxItems':
      return { path, target: 'key', message: `has more than ${String(params.limit)} entries, the most one list may hold` };
    case 'minimum':
      return { path, target: 'value', message: `must be at least ${String(params.limit)}` };
    case 'maximum':
      return { path, target: 'value', message: `must be at most ${String(params.limit)}` };
    case 'pattern':
      if (error.schemaPath === '#/definitions/dockerfileTarget/pattern') return { path, target: 'value', message: 'must be a stage name, as in `FROM <image> AS <name>`' };
      if (error.schemaPath in POD_SPEC_PATH_PATTERNS) return { path, target: 'value', message: POD_SPEC_PATH_PATTERNS[error.schemaPath] };
      return { path, target: 'value', message: error.message ?? 'is invalid' };
    case 'uniqueItems':
      return { path: [...path, String(params.i)], target: 'value', message: 'is listed twice' };
    default:
      return { path, target: 'value', message: error.message ?? 'is invalid' };
  }
}

/** What each `podSpecPaths` entry field must look like, said in words. */
const POD_SPEC_PATH_PATTERNS: Record<string, string> = {
  '#/properties/podSpecPaths/items/properties/apiVersion/pattern': 'must be an apiVersion such as `acme.io/v1`, or a group such as `acme.io`',
  '#/properties/podSpecPaths/items/properties/kind/pattern': 'must be a kind such as `Worker`',
  '#/properties/podSpecPaths/items/properties/path/pattern': 'must be a dotted path such as `spec.template.spec`',
};

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `/rules/k8s~1host-path` → `['rules', 'k8s/host-path']` (RFC 6901). */
function parsePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
