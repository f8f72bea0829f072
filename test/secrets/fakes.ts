// Builds fake credentials for tests at run time (prefix + seeded random body), so the repository
// itself holds no token-shaped literal for secret scanners to trip on.
import { base62, crc32 } from '../../server/src/secrets/formats/checksums.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const ALPHABETS = {
  alnum: ALNUM,
  upperBase32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  hex: '0123456789abcdef',
  letters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  base64url: `${ALNUM}_-`,
  base64: `${ALNUM}+/`,
  digits: '0123456789',
} as const;

/** Deterministic pseudo-random characters (mulberry32), so failures reproduce. */
export function randomChars(length: number, alphabet: string = ALNUM, seed = 7): string {
  let state = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out += alphabet[Math.floor(r * alphabet.length)];
  }
  return out;
}

/** `prefix` joined to a random body: `fake('gh', 'p_', randomChars(36))` reads as two halves in source. */
export function fake(...parts: string[]): string {
  return parts.join('');
}

export const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A GitHub-format token (ghp_, npm_ …): `prefix`, 30 random characters, their CRC32 in 6 base62 digits. */
export function withGithubChecksum(prefix: string, random: string): string {
  return fake(prefix, random, base62(crc32(random), 6));
}

/** A JWT with a real header (`alg`), a payload and a signature-shaped tail. */
export function fakeJwt(header: object = { alg: 'HS256', typ: 'JWT' }): string {
  return [b64url(JSON.stringify(header)), b64url(JSON.stringify({ sub: 'fake-user', iat: 1700000000 })), randomChars(43, ALPHABETS.base64url, 11)].join('.');
}

/** A PEM private key block with a random base64 body in 64-column lines. */
export function fakePem(label = 'RSA PRIVATE KEY', bodyLength = 256): string {
  const body = randomChars(bodyLength, ALPHABETS.base64, 5).match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join('\n');
}

/** One valid-looking value per token family (the positive half of every table). */
export const FAKE_TOKENS = {
  'aws-access-key-id': fake('AK', 'IA', randomChars(16, ALPHABETS.upperBase32, 1)),
  'github-token': withGithubChecksum(fake('gh', 'p_'), randomChars(30, ALNUM, 2)),
  'github-fine-grained-token': fake('github', '_pat_', randomChars(22, ALNUM, 3), '_', randomChars(59, ALNUM, 35)),
  'gitlab-token': fake('gl', 'pat-', randomChars(20, ALNUM, 4)),
  'gitlab-pipeline-trigger-token': fake('gl', 'ptt-', randomChars(40, ALPHABETS.hex, 5)),
  'slack-token': fake('xo', 'xb-', randomChars(12, ALPHABETS.digits, 6), '-', randomChars(13, ALPHABETS.digits, 7), '-', randomChars(24, ALNUM, 8)),
  'slack-app-token': fake('xa', 'pp-1-', randomChars(11, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 9), '-', randomChars(13, ALPHABETS.digits, 10), '-', randomChars(64, ALPHABETS.hex, 11)),
  'slack-webhook': fake('https://hooks.', 'slack.com/services/', 'T', randomChars(8, ALNUM, 12), '/B', randomChars(8, ALNUM, 13), '/', randomChars(24, ALNUM, 14)),
  'google-api-key': fake('AI', 'za', randomChars(35, ALPHABETS.base64url, 15)),
  'stripe-live-key': fake('sk', '_live_', randomChars(24, ALNUM, 16)),
  'stripe-test-key': fake('sk', '_test_', randomChars(24, ALNUM, 17)),
  'twilio-api-key': fake('S', 'K', randomChars(32, ALPHABETS.hex, 18)),
  'sendgrid-api-key': fake('S', 'G.', randomChars(22, ALPHABETS.base64url, 19), '.', randomChars(43, ALPHABETS.base64url, 20)),
  'npm-token': withGithubChecksum(fake('np', 'm_'), randomChars(30, ALNUM, 21)),
  'docker-hub-token': fake('dckr', '_pat_', randomChars(27, ALPHABETS.base64url, 22)),
  'openai-api-key': fake('sk-', 'proj-', randomChars(24, ALNUM, 23), 'T3Blbk', 'FJ', randomChars(24, ALNUM, 24)),
  'anthropic-api-key': fake('sk-', 'ant-api03-', randomChars(93, ALPHABETS.base64url, 25), 'AA'),
  'huggingface-token': fake('h', 'f_', randomChars(34, ALPHABETS.letters, 26)),
  'pypi-token': fake('pypi-', 'AgEIcHlwaS5vcmc', randomChars(60, ALPHABETS.base64url, 27)),
  'digitalocean-token': fake('do', 'p_v1_', randomChars(64, ALPHABETS.hex, 28)),
  'heroku-api-key': fake('HRKU', '-AA', randomChars(58, ALPHABETS.base64url, 29)),
  'groq-api-key': fake('gs', 'k_', randomChars(52, ALNUM, 30)),
  'linear-api-key': fake('lin', '_api_', randomChars(40, ALNUM, 31)),
  'tailscale-key': fake('tskey', '-auth-', randomChars(12, ALNUM, 32), '-', randomChars(30, ALNUM, 33)),
  'databricks-token': fake('da', 'pi', randomChars(32, ALPHABETS.hex, 34)),
  jwt: fakeJwt(),
  'pem-private-key': fakePem(),
  'pem-encrypted-private-key': fakePem('ENCRYPTED PRIVATE KEY'),
} as const;
