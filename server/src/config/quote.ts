// How config messages repeat what a config file says: one short line with control characters escaped,
// so a message names the offending key or value without echoing the file (or moving a terminal's cursor).

/** Longer keys and values are cut: the message locates the rest. */
const MAX_QUOTED_LENGTH = 60;
/** A parser message plus the token it names; more is file content. */
const MAX_MESSAGE_LENGTH = 120;
/** C0 and C1 controls, DEL, and the invisible marks that reorder or hide text (bidi overrides, zero widths). */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** `"value"`, cut to a few dozen characters, every unprintable character written as `\uXXXX`. */
export function quote(value: string): string {
  return `"${printable(truncate(value, MAX_QUOTED_LENGTH).replace(/["\\]/g, '\\$&'))}"`;
}

/** `value` as `quote` shows it, without the quotes: for a key within a path such as `rules.<key>`. */
export function shown(value: string): string {
  return printable(truncate(value, MAX_QUOTED_LENGTH));
}

/** A parser's message about a config: its first line (the rest is a code frame of the file), bounded and printable. */
export function shortMessage(message: string): string {
  return printable(truncate(message.split('\n', 1)[0], MAX_MESSAGE_LENGTH));
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
