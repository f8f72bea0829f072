// The token-format table: credentials that identify themselves by prefix, alphabet and length (a
// format that specific finds them under any key, or none). Data only; the scanner in tokens.ts runs
// it. Reviewed like code: every regex is global, linear (bounded quantifiers, no nested repetition)
// and gated on a cheap lower-case keyword.
import type { Severity } from '../text/severity.js';
import { shannonEntropy } from './entropy.js';

export interface TokenPattern {
  /** Stable id, used in messages and tests. */
  id: string;
  /** What the credential is, in the user's words (`GitHub personal access token`). */
  description: string;
  /** Lower-case substrings; the regex runs only when the text contains one of them. */
  keywords: readonly string[];
  /** Global; `d` (indices) when `secretGroup` is set. */
  regex: RegExp;
  /** Capture group holding the secret itself; the whole match when absent. */
  secretGroup?: number;
  /** Longest secret the format allows (a bound on what a message could ever describe). */
  maxLength: number;
  /** Shannon entropy floor on the secret, in bits per character (study §1.3 "Floor"). */
  minEntropy?: number;
  severity: Severity;
  /**
   * The secret is free-form (a password after `:` in a URL, after `Password=`): judge it with the
   * placeholder filters (§1.5) rather than trusting the format.
   */
  freeForm?: boolean;
  /** Extra check on a match: decode a JWT header, require a real PEM body, check the URL scheme. */
  validate?(secret: string, match: RegExpExecArray): boolean;
  /** A severity that depends on the match (credentials for `localhost` are a warning). */
  severityOf?(match: RegExpExecArray): Severity;
  /** Issuers' documented example values: never reported. */
  documentedExamples?: readonly string[];
}

/** A key name that makes a value of a given shape a known credential (§1.3 #3 and #10). */
export interface KeyedPattern {
  id: string;
  description: string;
  /** Tested against the key with `_`, `-`, `.` and spaces removed, lower-cased. */
  key: RegExp;
  value: RegExp;
  minEntropy: number;
  documentedExamples?: readonly string[];
}

/** Not preceded by a token character: a cheap word boundary that also treats `_` and `-` as inside. */
const START = String.raw`(?<![A-Za-z0-9_-])`;
const END = String.raw`(?![A-Za-z0-9_-])`;

function token(body: string, flags = 'g'): RegExp {
  return new RegExp(`${START}${body}${END}`, flags);
}

/** URL schemes whose `user:password@` part is a login (study §1.3 #14). */
export const CREDENTIAL_URL_SCHEMES: ReadonlySet<string> = new Set([
  'http', 'https', 'ftp', 'ftps', 'sftp', 'git', 'git+https', 'git+ssh', 'ssh', 'svn', 'ldap', 'ldaps', 'smtp', 'smtps',
  'amqp', 'amqps', 'redis', 'rediss', 'mongodb', 'mongodb+srv', 'postgres', 'postgresql', 'mysql', 'mariadb', 'mssql',
  'sqlserver', 'oracle', 'nats', 'mqtt', 'mqtts', 'kafka', 'clickhouse', 'cockroachdb', 'neo4j', 'couchbase', 'memcached',
]);

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '::1', '[::1]', '0.0.0.0']);

/** A PEM body: base64 lines, with optional `Proc-Type:`-style headers and `\n` escapes (RUN echo). */
function isRealPemBody(body: string): boolean {
  const base64 = body
    .replace(/^[A-Za-z-]+:.*$/gm, '')
    .replace(/\\[nr]/g, '')
    .replace(/[\s"']/g, '');
  if (base64.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(base64)) return false;
  return shannonEntropy(base64) >= 3.0;
}

function hasJwtHeader(secret: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(secret.slice(0, secret.indexOf('.')), 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** Order matters: when two patterns match overlapping text, the earlier entry wins. */
export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  {
    id: 'pem-private-key',
    description: 'PEM private key',
    keywords: ['-----begin'],
    regex: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY(?: BLOCK)?)-----([\s\S]{0,65536}?)-----END \1-----/dg,
    maxLength: 65600,
    severity: 'error',
    validate: (_secret, match) => isRealPemBody(match[2] ?? ''),
  },
  {
    id: 'pem-encrypted-private-key',
    description: 'encrypted PEM private key',
    keywords: ['-----begin encrypted'],
    regex: /-----BEGIN ENCRYPTED PRIVATE KEY-----([\s\S]{0,65536}?)-----END ENCRYPTED PRIVATE KEY-----/dg,
    maxLength: 65600,
    severity: 'warning',
    validate: (_secret, match) => isRealPemBody(match[1] ?? ''),
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key id',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    regex: token('(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'),
    maxLength: 20,
    minEntropy: 3.0,
    severity: 'error',
    validate: (secret) => !secret.endsWith('EXAMPLE'),
    documentedExamples: ['AKIAIOSFODNN7EXAMPLE'],
  },
  {
    id: 'github-token',
    description: 'GitHub token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'],
    regex: token('gh[pousr]_[A-Za-z0-9]{36,251}'),
    maxLength: 255,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'github-fine-grained-token',
    description: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    regex: token('github_pat_[A-Za-z0-9_]{82,244}'),
    maxLength: 255,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'gitlab-token',
    description: 'GitLab token',
    keywords: ['glpat-', 'glrt-', 'gldt-', 'glcbt-', 'glft-', 'gloas-', 'glagent-'],
    regex: token(String.raw`(?:glpat|glrt|gldt|glcbt|glft|gloas|glagent)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?`),
    maxLength: 320,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    description: 'GitLab pipeline trigger token',
    keywords: ['glptt-'],
    regex: token('glptt-[0-9a-f]{40}'),
    maxLength: 46,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'slack-token',
    description: 'Slack token',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxo-', 'xoxs-', 'xoxe-'],
    regex: token('xox[bparose]-(?:[0-9]{10,13}-){1,3}[A-Za-z0-9]{20,64}'),
    maxLength: 120,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'slack-app-token',
    description: 'Slack app-level token',
    keywords: ['xapp-'],
    regex: token('xapp-[0-9]-[A-Z0-9]{8,12}-[0-9]{10,13}-[a-f0-9]{60,64}'),
    maxLength: 100,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'slack-webhook',
    description: 'Slack webhook URL',
    keywords: ['hooks.slack.com'],
    regex: /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])/dg,
    secretGroup: 1,
    maxLength: 56,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'google-api-key',
    description: 'Google API key',
    keywords: ['aiza'],
    regex: token('AIza[A-Za-z0-9_-]{35}'),
    maxLength: 39,
    minEntropy: 4.0,
    severity: 'error',
  },
  {
    id: 'stripe-live-key',
    description: 'Stripe live secret key',
    keywords: ['sk_live_', 'rk_live_'],
    regex: token('[sr]k_live_[A-Za-z0-9]{24,99}'),
    maxLength: 107,
    minEntropy: 2.0,
    severity: 'error',
  },
  {
    id: 'stripe-test-key',
    description: 'Stripe test secret key',
    keywords: ['sk_test_', 'rk_test_'],
    regex: token('[sr]k_test_[A-Za-z0-9]{24,99}'),
    maxLength: 107,
    minEntropy: 2.0,
    severity: 'warning',
  },
  {
    id: 'twilio-api-key',
    description: 'Twilio API key',
    keywords: ['sk'],
    regex: token('SK[0-9a-f]{32}'),
    maxLength: 34,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API key',
    keywords: ['sg.'],
    regex: token(String.raw`SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}`),
    maxLength: 69,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'npm-token',
    description: 'npm access token',
    keywords: ['npm_'],
    regex: token('npm_[A-Za-z0-9]{36}'),
    maxLength: 40,
    minEntropy: 2.0,
    severity: 'error',
  },
  {
    id: 'docker-hub-token',
    description: 'Docker Hub personal access token',
    keywords: ['dckr_pat_'],
    regex: token('dckr_pat_[A-Za-z0-9_-]{27,64}'),
    maxLength: 73,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'openai-api-key',
    description: 'OpenAI API key',
    keywords: ['t3blbkfj'],
    regex: token('sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}'),
    maxLength: 420,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    keywords: ['sk-ant-'],
    regex: token('sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,120}AA'),
    maxLength: 140,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'huggingface-token',
    description: 'Hugging Face access token',
    keywords: ['hf_'],
    regex: token('hf_[A-Za-z]{34}'),
    maxLength: 37,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'pypi-token',
    description: 'PyPI upload token',
    keywords: ['pypi-ageichlwas5vcmc'],
    regex: token('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}'),
    maxLength: 1020,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'digitalocean-token',
    description: 'DigitalOcean token',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    regex: token('do[por]_v1_[a-f0-9]{64}'),
    maxLength: 71,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'heroku-api-key',
    description: 'Heroku API key',
    keywords: ['hrku-aa'],
    regex: token('HRKU-AA[A-Za-z0-9_-]{58}'),
    maxLength: 65,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'groq-api-key',
    description: 'Groq API key',
    keywords: ['gsk_'],
    regex: token('gsk_[A-Za-z0-9]{52}'),
    maxLength: 56,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'linear-api-key',
    description: 'Linear API key',
    keywords: ['lin_api_'],
    regex: token('lin_api_[A-Za-z0-9]{40}'),
    maxLength: 48,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'tailscale-key',
    description: 'Tailscale key',
    keywords: ['tskey-'],
    regex: token('tskey-(?:api|auth|client|scim|webhook)-[A-Za-z0-9]{6,32}-[A-Za-z0-9]{16,64}'),
    maxLength: 120,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'databricks-token',
    description: 'Databricks access token',
    keywords: ['dapi'],
    regex: token('dapi[a-f0-9]{32}(?:-[0-9])?'),
    maxLength: 38,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'jwt',
    description: 'JSON Web Token',
    keywords: ['eyj'],
    regex: token(String.raw`eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{10,2000}`),
    maxLength: 14010,
    minEntropy: 3.0,
    severity: 'warning',
    validate: hasJwtHeader,
  },
  {
    id: 'npmrc-auth-token',
    description: 'npm registry auth token',
    keywords: ['_authtoken'],
    regex: /_authToken[ \t]*=[ \t]*["']?([^\s'"$][^\s'"]{7,255})/dg,
    secretGroup: 1,
    maxLength: 256,
    minEntropy: 2.0,
    severity: 'error',
    freeForm: true,
  },
  {
    id: 'url-credentials',
    description: 'password in a URL',
    keywords: ['://'],
    regex: /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/[^\s:@/?#'"]{0,256}:([^\s@/?#'"]{1,256})@([^\s/?#:'"@]{1,256})/dg,
    secretGroup: 2,
    maxLength: 256,
    severity: 'error',
    freeForm: true,
    validate: (_secret, match) => CREDENTIAL_URL_SCHEMES.has((match[1] ?? '').toLowerCase()),
    severityOf: (match) => (LOOPBACK_HOSTS.has((match[3] ?? '').toLowerCase()) ? 'warning' : 'error'),
  },
  {
    id: 'connection-string-password',
    description: 'password in a connection string',
    keywords: ['password', 'pwd'],
    regex: /(?<=^|[;\s"'])(?:password|pwd)[ \t]*=[ \t]*([^;'"\s]{1,256})/dgi,
    secretGroup: 1,
    maxLength: 256,
    severity: 'error',
    freeForm: true,
    // ADO/ODBC/JDBC key-value strings only: `;`-separated, naming a server.
    validate: (_secret, match) => match.input.includes(';') && /(?:server|host|data source|address|addr)[ \t]*=/i.test(match.input),
  },
  {
    id: 'redis-requirepass',
    description: 'Redis password (requirepass)',
    keywords: ['requirepass'],
    regex: /(?<![\w-])requirepass[ \t]+["']?([^\s"']{1,256})/dg,
    secretGroup: 1,
    maxLength: 256,
    severity: 'error',
    freeForm: true,
  },
];

/** Credentials recognised by shape only under a key that names them (they are otherwise plain base64/hex). */
export const KEYED_PATTERNS: readonly KeyedPattern[] = [
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    key: /secretaccesskey$/,
    value: /^[A-Za-z0-9/+]{40}$/,
    minEntropy: 4.0,
    documentedExamples: ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  },
  {
    id: 'twilio-auth-token',
    description: 'Twilio auth token',
    key: /^twilioauthtoken$/,
    value: /^[0-9a-f]{32}$/,
    minEntropy: 3.0,
  },
];
