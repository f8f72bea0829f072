// Judges the values of a committed Secret, whose data is only base64-encoded, so anyone who can read
// the repository can read them: which keys hold public material, which values are placeholders,
// which are tutorial demo values, and what registry credentials a `.dockerconfigjson` carries.
import { decodeBase64Text } from './base64.js';
import { credentialKeyStrength, keySegments } from './keyNames.js';
import { isDemoValue, notASecret } from './placeholders.js';

export type CommittedValue = 'real' | 'demo';

/** Keys of a Secret whose values are not secret: certificates, public keys, usernames, hosts, ports. */
const PUBLIC_KEY_SEGMENTS: ReadonlySet<string> = new Set([
  'crt', 'cert', 'certificate', 'pub', 'public', 'knownhosts', 'known', 'namespace', 'username', 'user', 'login', 'email',
  'host', 'hostname', 'port', 'url', 'uri', 'endpoint', 'type', 'name', 'project', 'database', 'db', 'region', 'realm', 'id',
]);

export const DOCKER_CONFIG_KEYS: ReadonlySet<string> = new Set(['.dockerconfigjson', '.dockercfg']);

/** Whether a committed Secret value is a real credential, a demo value, or nothing to report (undefined). */
export function committedValueKind(key: string, value: string): CommittedValue | undefined {
  if (credentialKeyStrength(key) !== 'strong' && keySegments(key).some((segment) => PUBLIC_KEY_SEGMENTS.has(segment))) return undefined;
  const placeholder = notASecret(value);
  if (placeholder === 'dictionary' || (placeholder === undefined && isDemoValue(value))) return 'demo';
  return placeholder === undefined ? 'real' : undefined;
}

export interface RegistryCredential {
  registry: string;
  /** The password (from `auth` = base64 `user:password`, `password` or `identitytoken`). */
  secret: string;
  /** The JSON string it was read from, as written (to find it in the source). */
  written: string;
}

/** Registry credentials in a docker config JSON (`{"auths": {...}}`, or the legacy `.dockercfg` map); undefined if not JSON. */
export function registryCredentials(json: string): RegistryCredential[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isObject(parsed)) return undefined;
  const registries = isObject(parsed.auths) ? parsed.auths : parsed;
  const found: RegistryCredential[] = [];
  for (const [registry, entry] of Object.entries(registries)) {
    if (!isObject(entry)) continue;
    const credential = credentialOf(entry);
    if (credential && notASecret(credential.secret) === undefined) found.push({ registry, ...credential });
  }
  return found;
}

function credentialOf(entry: Record<string, unknown>): { secret: string; written: string } | undefined {
  if (typeof entry.auth === 'string') {
    const userPass = decodeBase64Text(entry.auth);
    const colon = userPass?.indexOf(':') ?? -1;
    if (userPass !== undefined && colon !== -1) return { secret: userPass.slice(colon + 1), written: entry.auth };
  }
  for (const field of ['password', 'identitytoken']) {
    const value = entry[field];
    if (typeof value === 'string') return { secret: value, written: value };
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
