// Splits a multi-line config value (`application.properties`, `.env`, an ini or YAML fragment held in a
// ConfigMap) into `key=value` / `key: value` lines, with where each value starts in the text.

export interface Assignment {
  key: string;
  value: string;
  /** Offset of `value` in the whole text. */
  valueStart: number;
}

/** `export KEY=v`, `key = v`, `key: v`, `"key": "v",`; comments (`#`, `;`, `!`, `//`) are skipped. */
const ASSIGNMENT_LINE = /^[ \t]*(?:export[ \t]+)?(["']?)([A-Za-z_][\w.\-/]*)\1[ \t]*(?:=|:(?=[ \t]|$))[ \t]*(.*)$/;
const COMMENT_LINE = /^[ \t]*(?:#|;|!|\/\/)/;
const TRAILING_COMMENT = /[ \t]+#.*$/;

export function assignmentsIn(text: string): Assignment[] {
  const assignments: Assignment[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const match = COMMENT_LINE.test(line) ? null : ASSIGNMENT_LINE.exec(line);
    if (match?.[2] !== undefined && match[3] !== undefined) {
      // JSON lines end in a comma; a `#` after spaces starts a comment in .env, ini and YAML alike.
      const value = match[3].replace(TRAILING_COMMENT, '').replace(match[1] ? /,$/ : /$^/, '');
      assignments.push({ key: match[2], value, valueStart: lineStart + line.length - match[3].length });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return assignments;
}
