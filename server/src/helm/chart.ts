// Reads a Helm chart from disk for the CLI and the server (never for the engine, which is pure):
// finds the chart a file belongs to and which of its templates read which values.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { HelmHint } from '../engine/types.js';
import { valuesConsumers, type ChartTemplate } from './consumers.js';

const TEMPLATE_FILE = /\.(?:ya?ml|tpl)$/i;
/** A chart's templates are few; a runaway directory is not a chart. */
const MAX_TEMPLATES = 500;

/** The folder holding the nearest `Chart.yaml` at or above the file's folder, if any. */
export function findChartRoot(filePath: string): string | undefined {
  for (let dir = dirname(filePath); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'Chart.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The hint for LintOptions.helm, for a file inside a chart; undefined elsewhere or when unreadable. */
export function readHelmHint(filePath: string): HelmHint | undefined {
  const root = findChartRoot(filePath);
  if (!root) return undefined;
  try {
    const templates: ChartTemplate[] = [];
    collect(join(root, 'templates'), root, templates);
    return { valuesConsumers: valuesConsumers(templates) };
  } catch {
    return undefined;
  }
}

function collect(dir: string, root: string, into: ChartTemplate[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    if (into.length >= MAX_TEMPLATES) return;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collect(path, root, into);
    else if (TEMPLATE_FILE.test(entry)) into.push({ name: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
  }
}
