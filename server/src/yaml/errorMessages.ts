// The `yaml` package's error messages, made safe to show: some quote the source they choke on
// (`Not a YAML token: <text>`, `Unexpected scalar token in YAML stream: "<text>"`), which may be a
// secret or hold control characters. The diagnostic's range already points at that text, so the
// message keeps only what went wrong.

/** Messages that end by quoting source text: only the part before the quote is kept. */
const QUOTES_SOURCE = /^(Not a YAML token|Block scalar header includes extra characters|Unexpected [\w-]+ token in YAML stream|Unresolved tag|Could not resolve tag|Not a valid tag|Invalid escape sequence|Unknown directive|Unresolved plain scalar|Ordered maps must not include duplicate keys|Plain value cannot start with)\b/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const MAX_LENGTH = 120;

export function safeYamlErrorMessage(message: string): string {
  const firstLine = message.split('\n', 1)[0];
  const quoting = QUOTES_SOURCE.exec(firstLine);
  if (quoting) return quoting[1];
  const printable = firstLine.replace(CONTROL, '?');
  return printable.length > MAX_LENGTH ? `${printable.slice(0, MAX_LENGTH - 1)}…` : printable;
}
