// The only way a secret value may enter a message: a short preview and the length, never the value.

/**
 * `ghp_…(40 chars)`. At most 4 characters are shown, and never more than a quarter of the secret,
 * so a short password (`hunter2hunter2` → `hun…(14 chars)`) is not half printed by its preview.
 */
export function redact(secret: string): string {
  const shown = Math.min(4, Math.floor(secret.length / 4));
  return `${secret.slice(0, shown)}…(${secret.length} chars)`;
}
