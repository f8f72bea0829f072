// `f(...items)` puts every item on the call stack: with 200,000 items (lines, documents, edits) it
// throws "Maximum call stack size exceeded", and a hostile file controls the count. The shipped code
// never spreads an array into a call; push in a loop or reduce instead.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const SHIPPED = ['server/src', 'rules', 'client/src'];
/** `.push(...x)`, `.unshift(...x)`, `Math.max(...x)`, `Math.min(...x)`, `String.fromCharCode(...x)`. */
const SPREAD_INTO_CALL = /\b(?:push|unshift|max|min|fromCharCode|fromCodePoint)\(\s*\.\.\./;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('no unbounded spread into a call', () => {
  it('appears nowhere in the shipped code', () => {
    const offenders = SHIPPED.flatMap(sources).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (SPREAD_INTO_CALL.test(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    assert.deepEqual(offenders, []);
  });
});
