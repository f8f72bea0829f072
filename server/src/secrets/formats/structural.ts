// Credentials recognised by their surroundings rather than a prefix: PEM private keys (also split over
// lines, `\n`-escaped or folded), JWTs, webhook URLs, Azure storage keys and SAS signatures, and the
// free-form passwords of URLs, connection strings, .npmrc and redis.conf. Data, like issued.ts.
import { isDemoWord } from '../placeholders.js';
import { CREDENTIAL_URL_SCHEMES, LOOPBACK_HOSTS } from './urls.js';
import { hasJwtHeader, isRealPemBody, token } from './build.js';
import type { TokenPattern } from './types.js';

const AZURE_CONNECTION_STRINGS = 'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string';

/** Before the table's other rows: a token inside a key block is part of the key. */
export const KEY_BLOCK_FORMATS: readonly TokenPattern[] = [
  {
    id: 'pem-encrypted-private-key',
    description: 'encrypted PEM private key',
    source: 'https://www.rfc-editor.org/rfc/rfc7468#section-11',
    keywords: ['-----begin encrypted'],
    regex: /-----BEGIN ENCRYPTED PRIVATE KEY-----([\s\S]{0,65536}?)-----END ENCRYPTED PRIVATE KEY-----/dg,
    maxLength: 65600,
    severity: 'warning',
    validate: (_secret, match) => isRealPemBody(match[1] ?? ''),
  },
  {
    id: 'pem-private-key',
    description: 'PEM private key',
    source: 'https://www.rfc-editor.org/rfc/rfc7468',
    keywords: ['-----begin'],
    // Any label ending in PRIVATE KEY (RSA, EC, DSA, OPENSSH, PGP … BLOCK, SSH2 ENCRYPTED); the body may be
    // folded onto one line by YAML, or carry `\n` escapes (JSON, `echo -e`).
    regex: /-----BEGIN ((?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?)-----([\s\S]{0,65536}?)-----END \1-----/dg,
    maxLength: 65600,
    severity: 'error',
    validate: (_secret, match) => isRealPemBody(match[2] ?? ''),
  },
];

export const CONTEXT_FORMATS: readonly TokenPattern[] = [
  {
    id: 'jwt',
    description: 'JSON Web Token',
    source: 'https://www.rfc-editor.org/rfc/rfc7519',
    keywords: ['eyj'],
    regex: token(String.raw`eyJ[A-Za-z0-9_-]{10,4000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{10,2000}`),
    maxLength: 14010,
    minEntropy: 3.0,
    severity: 'warning',
    validate: hasJwtHeader,
  },
  {
    id: 'slack-webhook',
    description: 'Slack webhook URL',
    source: 'https://api.slack.com/messaging/webhooks',
    keywords: ['hooks.slack.com'],
    regex: /hooks\.slack\.com\/(?:services|workflows|triggers)\/([A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])/dg,
    secretGroup: 1,
    maxLength: 56,
    minEntropy: 3.0,
    severity: 'error',
  },
  {
    id: 'azure-storage-account-key',
    description: 'Azure storage account key',
    source: AZURE_CONNECTION_STRINGS,
    keywords: ['accountkey='],
    regex: /AccountKey=([A-Za-z0-9+/]{86}==)/dgi,
    secretGroup: 1,
    maxLength: 88,
    minEntropy: 4.0,
    severity: 'error',
  },
  {
    id: 'azure-shared-access-key',
    description: 'Azure shared access key (Service Bus, Event Hubs, IoT Hub)',
    source: 'https://learn.microsoft.com/en-us/azure/service-bus-messaging/service-bus-sas',
    keywords: ['sharedaccesskey='],
    regex: /SharedAccessKey=([A-Za-z0-9+/]{43}=)/dgi,
    secretGroup: 1,
    maxLength: 44,
    minEntropy: 4.0,
    severity: 'error',
  },
  {
    id: 'azure-sas-signature',
    description: 'Azure shared access signature (sig=)',
    source: 'https://learn.microsoft.com/en-us/rest/api/storageservices/create-service-sas',
    keywords: ['sig='],
    // Base64 of an HMAC-SHA256, URL-encoded or not, in a SAS query string (which also names its `sv=` version).
    regex: /[?&]sig=((?:[A-Za-z0-9]|%2[BbFf]|[+/]){40,100}(?:%3[Dd]|=){0,2})(?![A-Za-z0-9%+/=])/dg,
    secretGroup: 1,
    maxLength: 120,
    minEntropy: 4.0,
    severity: 'error',
    validate: (_secret, match) => /[?&]sv=\d{4}-\d{2}-\d{2}/.test(match.input),
  },
  {
    id: 'npmrc-auth-token',
    description: 'npm registry auth token',
    source: 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
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
    source: 'https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1',
    keywords: ['://'],
    regex: /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{1,20}):\/\/[^\s:@/?#'"]{0,256}:([^\s@/?#'"]{1,256})@([^\s/?#:'"@]{1,256})/dg,
    secretGroup: 2,
    maxLength: 256,
    severity: 'error',
    freeForm: true,
    validate: (_secret, match) => CREDENTIAL_URL_SCHEMES.has((match[1] ?? '').toLowerCase()),
    // A default login (`amqp://guest:guest@rabbitmq`) is a demo value: info, as committed-secret says of one.
    severityOf: (match) => (isDemoWord(match[2] ?? '') ? 'info' : LOOPBACK_HOSTS.has((match[3] ?? '').toLowerCase()) ? 'warning' : 'error'),
  },
  {
    id: 'connection-string-password',
    description: 'password in a connection string',
    source: 'https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax',
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
    source: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/#authentication',
    keywords: ['requirepass'],
    regex: /(?<![\w-])requirepass[ \t]+["']?([^\s"']{1,256})/dg,
    secretGroup: 1,
    maxLength: 256,
    severity: 'error',
    freeForm: true,
  },
];

