// Reads a Helm chart from disk for the CLI and the server (never for the engine, which is pure):
// finds the chart a file belongs to and which of its templates read which values. A chart is part of
// an untrusted repository: only regular files inside the chart are read, each within a size limit,
// and only so many of them; a link, a FIFO or a device among the templates is passed over.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { DEFAULT_LIMITS, maxFileBytes } from '../text/limits.js';
import { readTextFile } from '../files/readText.js';
import { valuesConsumers, type ChartTemplate, type HelmHint } from './consumers.js';
import { isValuesFileName } from './detect.js';

const TEMPLATE_FILE = /\.(?:ya?ml|tpl)$/i;
/** A chart's templates are few (the largest in bitnami/charts: 117 files, 1.5 MB); a runaway folder is not a chart. */
const MAX_TEMPLATES = 500;
const MAX_ENTRIES = 5000;
const MAX_TEMPLATE_BYTES_IN_ALL = 20 * 1024 * 1024;

/** The folder holding the nearest `Chart.yaml` at or above the file's folder, if any. */
export function findChartRoot(filePath: string): string | undefined {
  for (let dir = dirname(filePath); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'Chart.yaml'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The hint for RunOptions.helm, for a file inside a chart; undefined elsewhere. Templates that cannot
 * be read are left out (the hint only names which templates read a value).
 * `maxBytes`: the largest template read (default: the lint size limit).
 */
export function readHelmHint(filePath: string, maxBytes = maxFileBytes(DEFAULT_LIMITS)): HelmHint | undefined {
  const root = findChartRoot(filePath);
  if (!root) return undefined;
  // By name, so messages list templates in the same order on every filesystem.
  const templates = readTemplates(root, maxBytes).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { valuesConsumers: valuesConsumers(templates) };
}

/** A chart's values file is linted knowing which templates read which values (read from disk). */
export function helmHintFor(path: string, maxBytes?: number): HelmHint | undefined {
  return isValuesFileName(path) ? readHelmHint(path, maxBytes) : undefined;
}

/** The chart's templates, folder by folder (no recursion: a deep tree cannot exhaust the stack). */
function readTemplates(root: string, maxBytes: number): ChartTemplate[] {
  const templates: ChartTemplate[] = [];
  const folders = [join(root, 'templates')];
  let entriesSeen = 0;
  let bytesLeft = MAX_TEMPLATE_BYTES_IN_ALL;
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue; // no templates folder, or an unreadable one: nothing to learn there
    }
    for (const entry of entries) {
      if (++entriesSeen > MAX_ENTRIES || templates.length >= MAX_TEMPLATES) return templates;
      const path = join(folder, entry.name);
      // Dirent types do not follow links: a linked folder or file is not entered, a FIFO not opened.
      if (entry.isDirectory()) folders.push(path);
      else if (entry.isFile() && TEMPLATE_FILE.test(entry.name)) {
        const read = readTextFile(path, { maxBytes: Math.min(maxBytes, bytesLeft), root });
        if (!read.ok) continue;
        bytesLeft -= read.size;
        templates.push({ name: relative(root, path).split(sep).join('/'), text: read.text });
      }
    }
  }
  return templates;
}
