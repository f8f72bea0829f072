// Values that are something else than a credential although a credential's name sits on them: a
// host, an address, a label key, a path or file name, a field path, a version, a public key's
// fingerprint, or a name for a credential (`root-password`, `GOOGLE_API_KEY_VAL`). A key name alone
// (`topologyKey`, `existingSecretKey`, `GPG_KEY`) says too little: the value decides.

export type ValueShape =
  | 'hostname' // kubernetes.io, db.internal.example.com
  | 'address' // redis-cart:6379, 10.0.0.0/8
  | 'label-key' // kubernetes.io/hostname, external-dns.alpha.kubernetes.io/
  | 'path' // tests/certs/key.pem, credentials.json
  | 'field-path' // status.podIP
  | 'version' // v1.2.3
  | 'fingerprint' // a PGP key id: public, by definition
  | 'hash' // an htpasswd line or a crypt(3) hash: what a server checks a password against, not the password
  | 'credential-name' // root-password, harbor_registry_password, signing-key:passphrase: the name of a key or a stand-in
  | 'variable-name'; // GOOGLE_API_KEY_VAL, projects/PROJECT_ID/…: a placeholder to fill in

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A DNS name whose last label is a top-level domain (letters), optionally with a port. */
const HOSTNAME = new RegExp(`^(?:${LABEL}\\.)+[a-z]{2,63}\\.?(?::\\d{1,5})?$`, 'i');
/** `host:port` where the host has no dots (a Service name): `redis-cart:6379`. */
const SERVICE_PORT = new RegExp(`^${LABEL}(?:\\.${LABEL})*:\\d{1,5}$`, 'i');
const IP_ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2}|:\d{1,5})?$/;
/** A prefixed label or annotation key, or the prefix alone (`external-dns.alpha.kubernetes.io/`). */
const LABEL_KEY = new RegExp(`^(?:${LABEL}\\.)+[a-z]{2,63}/(?:[A-Za-z0-9](?:[\\w.-]{0,61}[A-Za-z0-9])?)?$`);
/** A relative path in lower case: issued secrets with a `/` are base64, which mixes cases. */
const LOWERCASE_PATH = /^(?:\.{0,2}\/)?[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)+\/?$/;
const FILE_NAME = /^[\w.-]+\.(?:json|ya?ml|pem|crt|cer|csr|key|txt|conf|cfg|ini|properties|env|xml|toml|p12|pfx|jks|der|asc|gpg|pub|keytab|p8|sh)$/i;
/** Letters-only segments (`podIP`), so `p4ss.w0rd` is not taken for one. */
const FIELD_PATH = /^[a-z]+(?:[A-Z]+[a-z]*)*(?:\.[a-z]+(?:[A-Z]+[a-z]*)*)+$/;
const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][0-9A-Za-z.-]+)?$/;
/** A v4 fingerprint as GnuPG prints it (upper case), grouped or not; key ids under a PGP-named key are checked apart. */
const FINGERPRINT = /^(?:0x)?(?:[0-9A-F]{40}|[0-9A-F]{4}(?: {1,2}[0-9A-F]{4}){9})$/;
const HEX_KEY_ID = /^(?:0x)?(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})$/;
/** Lower-case words (digits allowed) joined by separators or not, naming a credential. */
const LOWERCASE_WORDS = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const CREDENTIAL_WORD = /password|passwd|pwd|secret|token|credential|apikey|api[-_]key/;
/**
 * A key store's `path:field` (`helm-chart-signing-key:private_key`, `anthropic:api-key`, as grafana's
 * Vault action reads them): a field that is exactly a credential's name. `admin:supersecret` is a login.
 */
const STORE_FIELD = /^[a-z0-9]+(?:[-_./][a-z0-9]+)*:(?:password|passwd|passphrase|private[-_]?key|secret|token|api[-_]?key|credentials?)$/;
/** An environment-variable name standing where its value should be (`GOOGLE_API_KEY_VAL`), alone or as a path segment. */
const VARIABLE_NAME = /(?:^|\/)[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:\/|$)/;
/** bcrypt, Apache MD5, SHA-crypt, argon2 and LDAP-style hashes, alone or after `user:` (htpasswd). */
const PASSWORD_HASH = /^(?:[^:\s]{1,256}:)?(?:\$2[abxy]?\$\d\d\$|\$apr1\$|\$[156]\$|\$argon2(?:id|i|d)\$|\{S?SHA(?:256|512)?\})/;
const PGP_KEY_SEGMENTS: ReadonlySet<string> = new Set(['gpg', 'pgp', 'gnupg', 'keyid', 'fingerprint']);

/**
 * What `value` is, when its shape says it is not a credential; undefined when it may be one.
 * `keySegments` (lower-case, see keyNames.ts) lets a PGP-named key accept short key ids too.
 */
export function valueShape(value: string, keySegments: readonly string[] = []): ValueShape | undefined {
  if (FINGERPRINT.test(value) || (HEX_KEY_ID.test(value) && keySegments.some((s) => PGP_KEY_SEGMENTS.has(s)))) return 'fingerprint';
  if (PASSWORD_HASH.test(value)) return 'hash';
  if (VERSION.test(value)) return 'version';
  if (IP_ADDRESS.test(value) || SERVICE_PORT.test(value)) return 'address';
  if (HOSTNAME.test(value)) return 'hostname';
  if (LABEL_KEY.test(value)) return 'label-key';
  if (FILE_NAME.test(value) || LOWERCASE_PATH.test(value)) return 'path';
  if (FIELD_PATH.test(value)) return 'field-path';
  if (LOWERCASE_WORDS.test(value) && CREDENTIAL_WORD.test(value)) return 'credential-name';
  if (STORE_FIELD.test(value)) return 'credential-name';
  if (VARIABLE_NAME.test(value)) return 'variable-name';
  return undefined;
}

/** Lower, upper, digit, symbol: `-`, `_`, `.` and `/` separate words, they do not make a value random. */
export function characterClasses(value: string): number {
  return Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/[0-9]/.test(value)) + Number(/[^A-Za-z0-9._/-]/.test(value));
}

/** Prose (`Threat Detection Token Usage`) and code (`_get_config_value(name) + suffix`) hold no credential. */
const WHITESPACE = /\s/;
const CALL = /[A-Za-z_]\w*\(/;

/**
 * Whether a value carries a credential's look on its own: no spaces, no call, and at least two kinds of
 * characters (`s3cr3tP4ss`, `hunter2hunter2`). Where key names are loose (chart values, CI workflows,
 * app configs) a word such as `bitnami` or `chainloop` under `password:` is a default or a stand-in.
 */
export function looksLikeSecret(value: string): boolean {
  return !WHITESPACE.test(value) && !CALL.test(value) && characterClasses(value) >= 2;
}
