// Values that are not credentials although they sit where one would: empty values, references and
// templates, fillers and masks, dictionary placeholders, paths, public keys. Reporting them would
// bury the real credentials and teach users to switch the rule off.

export type NotASecret =
  | 'empty'
  | 'scalar' // a boolean or a short number
  | 'reference' // $VAR, ${VAR}, $(VAR), Helm {{ }}, secret-manager references
  | 'filler' // xxxx, ****, sequential runs, REDACTED
  | 'dictionary' // changeme, password, example, …
  | 'path' // /run/secrets/db, ./key.pem, C:\keys
  | 'url' // a URL without userinfo (credentials in URLs are a token format)
  | 'public' // public keys and certificates
  | 'encrypted'; // SOPS values

/** Placeholder words (§1.5), compared on the value's letters only: `Passw0rd!` → `passwrd`. */
const DICTIONARY_WORDS = [
  'changeme', 'changeit', 'password', 'passw0rd', 'secret', 'mysecret', 'example', 'sample', 'dummy', 'test', 'testing',
  'fake', 'foo', 'bar', 'foobar', 'baz', 'todo', 'fixme', 'tbd', 'none', 'nil', 'unset', 'unknown', 'default', 'replace_me',
  'replaceme', 'your_password', 'your-api-key', 'insert_key_here', 'notsecret', 'not-a-real-token', 'placeholder',
  'redacted', 'masked', 'hidden', 'secretvalue', 'mypassword', 'yourpassword', 'token', 'apikey', 'value',
  // Stand-ins seen in real charts and docs: `user:pass@host`, Redis's own `requirepass foobared`.
  'pass', 'pwd', 'passwd', 'mypass', 'secretpassword', 'foobared', 'key', 'credential', 'credentials',
];
const DICTIONARY: ReadonlySet<string> = new Set(DICTIONARY_WORDS.map(lettersOnly));

/** Words a sentence is made of: `requirepass is not compatible…` in a comment names no password. */
const PROSE_WORDS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'is', 'are', 'be', 'to', 'of', 'in', 'on', 'or', 'and', 'not', 'for', 'with', 'if', 'it', 'this', 'that', 'will', 'must', 'should']);
/** A stand-in announces itself anywhere in the value: `REQUIRED – replace`, `replace-default-auth`. */
const PLACEHOLDER_MARKER = /replace|change[-_ ]?me|dummy|placeholder|fixme|redacted/i;
/** `mock` as a word of its own (`mock-label1-value`, `mockToken`, `MOCK_KEY`), not inside one (`Hammock`, `Mockingbird`). */
const MOCK_WORD = /(?:^|[^A-Za-z])(?:[Mm]ock|MOCK)(?![a-z])/;

/** Demo values the Kubernetes docs and tutorials commit: an info finding in a Secret, not silence. */
const DEMO_WORDS: ReadonlySet<string> = new Set(['admin', 'root', 'guest', 'pass', 'letmein', 'qwerty']);

/** Booleans, nulls and setting words (`id-token: write` in a workflow's permissions is not a token). */
const SCALAR_WORDS: ReadonlySet<string> = new Set([
  '~', 'null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'read', 'write', 'read-write', 'readwrite', 'read-only', 'readonly',
  'all', 'any', 'auto', 'always', 'never', 'required', 'optional', 'enabled', 'disabled', 'enable', 'disable', 'allow', 'deny',
  'strict', 'lax', 'ignore', 'inherit', 'bearer', 'basic', 'oauth', 'jwt', 'tls', 'plain', 'simple',
  // An image pull policy in the wrong field of a test fixture (`imagePullSecret: IfNotPresent`).
  'ifnotpresent',
]);

/** Templates, references and command substitutions anywhere in the value: it is assembled elsewhere. */
const TEMPLATED = /\$\{|\$\(|\{\{|\{%|#\{|<<[A-Za-z_]|%\([a-z_]+\)s|`/;
const WHOLE_REFERENCE = [
  /^\$[A-Za-z_]/, // $VAR
  /^%[A-Za-z_][\w.]*%$/, // %VAR%
  /^@[A-Za-z_][\w.]*@$/, // @VAR@
  /^__[A-Za-z][\w]*__$/, // __VAR__
  /^<[^<>]*>$/, // <password>
  /^\[[^\][]*\]$/, // [PASSWORD]
  /^\{[^{}]*\}$/, // {password}, {0}
  /^%[sd]$/,
  // A program reading its environment: os.environ["HF_TOKEN"], os.getenv(…), process.env.TOKEN, ENV["TOKEN"], System.getenv(…)
  /^(?:os\.environ\b|os\.getenv\(|process\.env\b|System\.getenv\(|Environment\.GetEnvironmentVariable\(|ENV\[|ENV\.fetch\(|getenv\()/,
  // Secret-manager and key-store references: GCP Secret Manager and Cloud KMS key names, AWS ARNs, Vault, vals, Azure Key Vault, 1Password.
  /^(?:projects\/[^/]+\/(?:secrets|locations\/[^/]+\/keyRings)\/|arn:aws[\w-]*:(?:secretsmanager|ssm|kms):|vault:|ref\+|secretref|(?:akv|op|sm|azurekeyvault|awssm|gcpsm|vault):\/\/)/i,
];
const MASK_RUN = /([xX*#•.])\1{4}/;
const PATH = /^(?:\/|\.\.?\/|~\/|file:\/\/|[A-Za-z]:\\)/;
const URL_WITHOUT_USERINFO = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^@\s]*$/;
/**
 * Public keys and certificates, and the keys vendors issue to be published in client code: Stripe's
 * publishable `pk_live_`/`pk_test_`, PostHog's project `phc_` (write-only event ingestion).
 */
const PUBLIC_MATERIAL = /^(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-\S+|sk-(?:ssh|ecdsa)-\S+) |^-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|PGP PUBLIC KEY BLOCK|X509 CRL|CERTIFICATE REQUEST)-----|^(?:pk_(?:live|test)_|phc_)[A-Za-z0-9]{20,}$/;

function lettersOnly(value: string): string {
  return value.toLowerCase().replace(/[^a-z]/g, '');
}

/** The longest run of consecutive ascending characters (`abcdef`, `0123456`). */
function longestAscendingRun(value: string): number {
  let longest = 1;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value.charCodeAt(i) === value.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run > longest) longest = run;
  }
  return longest;
}

function isFiller(value: string): boolean {
  if (/^(.)\1*$/s.test(value) || isRunsOfRepeats(value)) return true;
  if (MASK_RUN.test(value)) return true;
  // `abcd`, `1234` as the whole value; a run of 6 anywhere (`abcdef123`, `x0123456`).
  const run = longestAscendingRun(value.toLowerCase());
  return run >= 6 || (run >= 3 && run === value.length);
}

/** Two to four runs of one character repeated, three times or more each: `aaaa1111`, `dddd4444`, as test fixtures pin them. */
function isRunsOfRepeats(value: string): boolean {
  let runs = 1;
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    if (value[i] === value[i - 1]) run++;
    else if (run < 3 || ++runs > 4) return false;
    else run = 1;
  }
  return run >= 3 && runs >= 2;
}

/** Why `value` is not a credential, or undefined when it may be one. Quotes and spaces around it are ignored. */
export function notASecret(raw: string): NotASecret | undefined {
  // `\"$VAR\"` in a script inside a string: the escaped quotes are quoting too.
  const value = raw.trim().replace(/^\\?(["'])(.*?)\\?\1$/s, '$2').replace(/^\\["']/, '').trim();
  if (value === '') return 'empty';
  const lower = value.toLowerCase();
  if (SCALAR_WORDS.has(lower) || /^[0-9]{1,7}$/.test(value)) return 'scalar';
  if (TEMPLATED.test(value) || WHOLE_REFERENCE.some((shape) => shape.test(value))) return 'reference';
  if (value.startsWith('ENC[')) return 'encrypted';
  if (PUBLIC_MATERIAL.test(value)) return 'public';
  if (PATH.test(value)) return 'path';
  if (URL_WITHOUT_USERINFO.test(value)) return 'url';
  if (isFiller(value)) return 'filler';
  if (lower.includes('example') || lower.startsWith('your') || lower.endsWith('here') || PLACEHOLDER_MARKER.test(value) || MOCK_WORD.test(value)) return 'dictionary';
  const letters = lettersOnly(value);
  if (DICTIONARY.has(letters) || PROSE_WORDS.has(lower) || allStandInWords(lower)) return 'dictionary';
  return undefined;
}

/** `secret secret`, `test-password`: every word a stand-in. */
function allStandInWords(lower: string): boolean {
  const words = lower.split(/[^a-z]+/).filter((word) => word !== '');
  return words.length > 1 && /^[a-z\s._-]+$/.test(lower) && words.every((word) => DICTIONARY.has(word) || DEMO_WORDS.has(word));
}

/** A demo value (`admin`, `password`, `changeme`) that a tutorial would commit. */
export function isDemoValue(value: string): boolean {
  const letters = lettersOnly(value);
  return DICTIONARY.has(letters) || DEMO_WORDS.has(letters);
}

/** Exactly a default login's word (`guest`, `admin`, `root`), any case: `Root1234` is a password. */
export function isDemoWord(value: string): boolean {
  return DEMO_WORDS.has(value.toLowerCase());
}

/** Masking inside an issued token's shape (`ghp_xxxx…`, `…EXAMPLE…`): the format matched, the value is a stand-in. */
export function isMaskedToken(secret: string): boolean {
  return MASK_RUN.test(secret) || secret.toLowerCase().includes('example');
}

/** `${VAR:-default}` / `${VAR-default}`: the default is a literal and is judged on its own. */
export function shellDefault(value: string): { text: string; index: number } | undefined {
  const opening = /^\$\{[A-Za-z_]\w*:?-/.exec(value);
  if (!opening || !value.endsWith('}')) return undefined;
  return { text: value.slice(opening[0].length, -1), index: opening[0].length };
}
