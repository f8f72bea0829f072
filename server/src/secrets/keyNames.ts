// Reads a key name (env var, ConfigMap key, ARG/ENV name, CLI flag, dotted property) as evidence that
// its value is a credential, the only evidence a credential without a format of its own leaves:
// strong and weak segments, and qualifiers that cancel them.

export type KeyStrength = 'strong' | 'weak';

/** One segment is enough: `DB_PASSWORD`, `apiToken`, `client-secret`. */
const STRONG_SEGMENTS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pwd', 'passphrase', 'secret', 'secrets', 'token', 'credentials', 'dsn',
  'apikey', 'privatekey', 'accesskey', 'secretkey', 'clientsecret', 'authtoken', 'sastoken', 'connectionstring',
]);
/** Two adjacent segments that are strong together: `API_KEY`, `private.key`, `connectionString`. */
const STRONG_PAIRS: ReadonlySet<string> = new Set(['api key', 'private key', 'access key', 'secret key', 'connection string', 'master key', 'signing key', 'encryption key']);
/** Evidence only with a high-entropy, mixed-class value: `GIT_KEY`, `session_cookie`. */
const WEAK_SEGMENTS: ReadonlySet<string> = new Set(['key', 'auth', 'credential', 'cred', 'creds', 'signature', 'salt', 'cookie', 'session']);
/**
 * A segment that says the value is about the secret, not the secret: its file, name, id, size, expiry…
 * Merges BuildKit's exemptions (public, file, version), gitleaks' generic allowlist and detect-secrets' `_id`.
 */
const BENIGN_QUALIFIERS: ReadonlySet<string> = new Set([
  'file', 'files', 'path', 'dir', 'directory', 'url', 'uri', 'endpoint', 'host', 'hostname', 'port', 'name', 'names', 'id', 'ids',
  'ref', 'version', 'length', 'len', 'size', 'min', 'max', 'ttl', 'timeout', 'expiry', 'expiration', 'expires', 'lifetime',
  'duration', 'interval', 'seconds', 'enabled', 'enable', 'disabled', 'required', 'mode', 'type', 'algorithm', 'alg', 'header',
  'field', 'policy', 'public', 'pub', 'format', 'count', 'rotation', 'stdin', 'prompt', 'existing', 'regex', 'pattern', 'method',
  'provider', 'store', 'backend', 'manager', 'namespace', 'mount', 'volume', 'audience', 'issuer', 'scope', 'scopes', 'location',
  'hash', 'hashed', 'digest', 'fingerprint', 'checksum', 'env', 'var', 'source', 'template', 'label', 'annotation', 'key', 'keys',
  // A checksum of the key, by its algorithm: nginx's `KEY_SHA512="e09f…"` checks the signing key it downloads.
  'sha', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'md5', 'sum', 'shasum', 'sha256sum', 'sha512sum', 'crc', 'crc32',
  // Text about the credential: `GH_AW_TOKEN_USAGE_SUMMARY_TITLE`, `secretPrefix`, `masterKeyIps`, `tokenSelector`.
  'title', 'summary', 'usage', 'description', 'message', 'text', 'prefix', 'suffix', 'ip', 'ips', 'cidr', 'selector', 'taint',
  // How passwords are stored or judged: PostgreSQL's `password_encryption: scram-sha-256`, a `PASSWORD_STRENGTH` policy.
  'encryption', 'scheme', 'strength', 'complexity',
]);
/** Qualifiers that cancel wherever they stand: `PUBLIC_KEY`, `pub_token`, and `existingSecret…` (a chart's reference to a Secret made elsewhere). */
const PUBLIC_QUALIFIERS: ReadonlySet<string> = new Set(['public', 'pub', 'publishable', 'existing']);
/** Words that end a compound name for a credential: `PGPASSWORD`, `adminpassword`, `githubtoken`. */
const COMPOUND_CREDENTIAL = /^[a-z0-9]+(?:password|passwd|secret|token)$/;
/** Names with a credential word for a setting that is no credential: etcd's cluster id (documented as public). */
const NOT_CREDENTIALS: readonly string[] = ['initial cluster token'];

/** `AWSSecretAccessKey` → aws secret access key; `db_password`, `api-key.file` likewise. */
export function keySegments(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((segment) => segment !== '');
}

/**
 * How strongly a key name says "credential", or undefined. A benign qualifier after the credential
 * word cancels it (`PASSWORD_FILE`, `token_url`, `secretName`, `KEY_ID`), `public` anywhere does;
 * a bare weak word (`key`, `auth`, `session`) is too common in Kubernetes (tolerations, selectors) to count.
 */
export function credentialKeyStrength(key: string): KeyStrength | undefined {
  const cached = strengthByKey.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const strength = classifyKey(key);
  if (strengthByKey.size >= STRENGTH_CACHE_LIMIT) strengthByKey.clear();
  strengthByKey.set(key, strength ?? null);
  return strength;
}

/**
 * The same keys come back on every keystroke (env names, `name`, `image`): remember their verdict.
 * Bounded, and cleared wholesale when full, which is cheaper than an LRU and just as good here.
 */
const strengthByKey = new Map<string, KeyStrength | null>();
const STRENGTH_CACHE_LIMIT = 8192;

function classifyKey(key: string): KeyStrength | undefined {
  const segments = keySegments(key);
  if (segments.length === 0) return undefined;
  const spaced = segments.join(' ');
  if (NOT_CREDENTIALS.some((name) => spaced.endsWith(name))) return undefined;
  if (namesKeyInSecret(segments)) return undefined;
  let strength: KeyStrength | undefined;
  let credentialAt = -1;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const pair = i > 0 ? `${segments[i - 1]} ${segment}` : '';
    const isPass = segment === 'pass' && (segments.length === 1 || i === segments.length - 1);
    if (STRONG_SEGMENTS.has(segment) || STRONG_PAIRS.has(pair) || isPass || COMPOUND_CREDENTIAL.test(segment)) {
      strength = 'strong';
      credentialAt = i;
    } else if (WEAK_SEGMENTS.has(segment) && segments.length > 1) {
      strength ??= 'weak';
      if (strength === 'weak') credentialAt = i;
    }
  }
  return strength && !qualifiersCancel(segments, credentialAt) ? strength : undefined;
}

/**
 * Charts name the key inside a Secret that holds a credential `<credential>SecretKey`
 * (`keyPasswordSecretKey: key-password`, `existingSecretKeySecretKey`): a credential word before a
 * trailing `secret key` makes the pair a reference, where `secretKey` alone is a credential (S3's).
 */
function namesKeyInSecret(segments: readonly string[]): boolean {
  const n = segments.length;
  if (n < 3 || segments[n - 2] !== 'secret' || segments[n - 1] !== 'key') return false;
  return segments.slice(0, n - 2).some((segment) => STRONG_SEGMENTS.has(segment) || WEAK_SEGMENTS.has(segment) || segment === 'pass' || COMPOUND_CREDENTIAL.test(segment));
}

/**
 * Whether the key's other segments say it names something about the credential at `segments[credentialAt]`,
 * not the credential: `public` anywhere (`PUBLIC_KEY`), or a benign qualifier after it (`PASSWORD_FILE`,
 * `TOKEN_TTL`, `KEY_ID`). Segments are lower-cased; callers with their own credential words (BuildKit's) share this verdict.
 */
export function qualifiersCancel(segments: readonly string[], credentialAt: number): boolean {
  if (segments.some((segment) => PUBLIC_QUALIFIERS.has(segment))) return true;
  for (let i = credentialAt + 1; i < segments.length; i++) if (BENIGN_QUALIFIERS.has(segments[i])) return true;
  return false;
}
