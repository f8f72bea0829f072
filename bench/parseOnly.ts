// The scan's parse-only floor: read every file and parse it as the scan does (the `yaml` build the
// bundle ships, our Dockerfile parser), nothing else. Shared by the in-process floor and the worker
// threads of its parallel ceiling (parseOnlyWorker.ts), so both measure the same work.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDockerfile } from '../server/src/dockerfile/model.js';

type Yaml = typeof import('yaml');

/** The ES module build of `yaml` the bundle ships (esbuild.mjs): it parses about a quarter faster than the CommonJS one. */
export async function shippedYaml(): Promise<Yaml> {
  return (await import(pathToFileURL(resolve('node_modules/yaml/browser/index.js')).href)) as Yaml;
}

export function parseOnly(files: readonly string[], yaml: Yaml): void {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('Dockerfile')) parseDockerfile(text, file);
    else yaml.parseAllDocuments(text);
  }
}
