// Files that hold credentials: copying one into an image puts it in a layer for good. Matched against
// a COPY/ADD source path (forward slashes, lower-cased). Sources: research/secrets-and-images.md §2.2.

export interface SecretFile {
  pattern: RegExp;
  /** How the message names it: `an SSH private key`. */
  what: string;
  /** Error for files that are secrets by nature; warning for those that often, not always, hold one. */
  severity: 'error' | 'warning';
  /** A key file by its extension alone, which a public key can have too (`jenkins.io-2026.key`, an apt repository's signing key). */
  keyByExtension?: true;
}

export const SECRET_FILES: readonly SecretFile[] = [
  { pattern: /(?:^|\/)id_(?:rsa|dsa|ecdsa|ed25519)$/, what: 'an SSH private key', severity: 'error' },
  { pattern: /(?:^|\/)\.ssh\/?$/, what: 'an SSH directory (private keys)', severity: 'error' },
  { pattern: /\.(?:key|p12|pfx)$/, what: 'a private key', severity: 'error', keyByExtension: true },
  // A .pem is as often a public certificate: names that say so are left alone.
  { pattern: /^(?!.*(?:^|[/._-])(?:ca|cert|certs|certificate|chain|fullchain|bundle|pub|public|root)(?:[._-][^/]*)?\.pem$).*\.pem$/, what: 'a PEM file (private key)', severity: 'error', keyByExtension: true },
  { pattern: /(?:^|\/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults$|schema$)[^/]+)?$/, what: 'an environment file', severity: 'warning' },
  { pattern: /(?:^|\/)\.(?:npmrc|pypirc|yarnrc\.yml)$/, what: 'a package registry config (auth token)', severity: 'warning' },
  { pattern: /(?:^|\/)\.netrc$/, what: 'a .netrc (passwords)', severity: 'error' },
  { pattern: /(?:^|\/)\.git-credentials$/, what: 'stored git credentials', severity: 'error' },
  { pattern: /(?:^|\/)\.aws\/credentials$/, what: 'AWS credentials', severity: 'error' },
  { pattern: /(?:^|\/)\.docker\/config\.json$/, what: 'Docker registry credentials', severity: 'error' },
  { pattern: /(?:^|\/)(?:kubeconfig|\.kube\/config)$/, what: 'a kubeconfig', severity: 'error' },
  { pattern: /(?:^|\/)[^/]*service[-_]?account[^/]*\.json$/, what: 'a cloud service account key', severity: 'error' },
  { pattern: /(?:^|\/)credentials\.json$/, what: 'a credentials file', severity: 'warning' },
  { pattern: /(?:^|\/)secrets?\.ya?ml$/, what: 'a secrets file', severity: 'warning' },
  { pattern: /(?:^|\/)[^/]*\.tfvars$/, what: 'Terraform variables (often credentials)', severity: 'warning' },
  { pattern: /(?:^|\/)\.htpasswd$/, what: 'a password file', severity: 'warning' },
];
