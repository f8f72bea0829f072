// Data flows one way: each module imports only from its own layer or the layers below it, and no
// chain of imports comes back to where it started. A rule can then be added, a parser replaced or
// the engine run in a worker without pulling in the editor, the CLI or the filesystem by accident.
// The layers, bottom to top, are drawn in CONTRIBUTING.md ("The shape of the code").
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const SHIPPED = ['server/src', 'rules', 'client/src'];

/** Each shipped file's layer, by the first prefix of its path that matches. Higher imports lower. */
const LAYERS: readonly (readonly [prefix: string, layer: number, name: string])[] = [
  ['server/src/text/', 0, 'text'],
  ['server/src/files/', 1, 'files'],
  ['server/src/yaml/', 2, 'parsers'],
  ['server/src/dockerfile/', 2, 'parsers'],
  ['server/src/helm/', 2, 'parsers'],
  ['server/src/k8s/', 3, 'models'],
  ['server/src/secrets/', 3, 'models'],
  ['server/src/images/', 3, 'models'],
  ['server/src/compose/', 3, 'models'],
  ['server/src/engine/', 4, 'engine'],
  ['rules/', 5, 'rules'],
  ['server/src/yamlEdits/', 6, 'yamlEdits'],
  ['server/src/config/', 7, 'config, suppressions, fixes'],
  ['server/src/suppressions/', 7, 'config, suppressions, fixes'],
  ['server/src/fixes/', 7, 'config, suppressions, fixes'],
  ['server/src/linter/', 8, 'linter'],
  ['server/src/scan/', 9, 'scan, report'],
  ['server/src/report/', 9, 'scan, report'],
  ['server/src/lsp/', 10, 'lsp, cli'],
  ['server/src/cli/', 10, 'lsp, cli'],
  ['server/src/server.ts', 11, 'entry points'],
  ['server/src/cli.ts', 11, 'entry points'],
  ['client/src/', 12, 'client'],
];

/** The client runs in the editor's process and bundles what it imports: only these server files. */
const CLIENT_MAY_IMPORT = ['server/src/lsp/protocol.ts', 'server/src/text/'];

/** Packages of the editor protocol: only the LSP layer, the server's entry point and the client speak it. */
const EDITOR_PACKAGE = /^vscode(?:$|-languageserver|-languageclient)/;
const MAY_SPEAK_EDITOR = ['server/src/lsp/', 'server/src/server.ts', 'client/src/'];

/** The engine with its rules and suppressions: what the server, the CLI, the workers and the tests all call. */
const PURE_ENTRY = 'server/src/linter/lint.ts';

interface Import {
  from: string;
  /** The imported file, relative to the repository; undefined for a package. */
  to?: string;
  specifier: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `./x.js` (server, NodeNext) and `./x` (client, bundled) both name `x.ts`. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts'), base];
  const found = candidates.find((path) => existsSync(path) && path.endsWith('.ts'));
  return relative('.', found ?? base).split('\\').join('/');
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map(({ fileName }) => ({ from: file, specifier: fileName, to: resolveImport(file, fileName) }));
}

function layerOf(file: string): (typeof LAYERS)[number] | undefined {
  return LAYERS.find(([prefix]) => file.startsWith(prefix));
}

const under = (file: string, prefixes: readonly string[]) => prefixes.some((prefix) => file.startsWith(prefix));

/** `server/src/yaml/nav.ts` → `server/src/yaml`; `rules/k8s/seccomp.ts` → `rules/k8s`; a file at the top stands for itself. */
function folderOf(file: string): string {
  const parts = file.split('/');
  const depth = file.startsWith('server/src/') || file.startsWith('client/src/') ? 3 : 2;
  return parts.length > depth ? parts.slice(0, depth).join('/') : file;
}

function describeImport({ from, specifier }: Import): string {
  return `${from} imports '${specifier}'`;
}

/** Every cycle in the file graph, one per strongly connected component, as a path back to its start. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component = new Set<string>();
    for (let member = stack.pop(); member !== undefined; member = member === file ? undefined : stack.pop()) {
      onStack.delete(member);
      component.add(member);
    }
    if (component.size > 1 || graph.get(file)?.includes(file)) found.push(pathBack(file, component, graph));
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

/** A shortest path from `start` back to itself inside its component. */
function pathBack(start: string, component: ReadonlySet<string>, graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const next of graph.get(queue[i]) ?? []) {
      if (next === start) {
        const path = [start];
        for (let step: string | undefined = queue[i]; step !== undefined && step !== start; step = cameFrom.get(step)) path.splice(1, 0, step);
        path.push(start);
        return path;
      }
      if (component.has(next) && !cameFrom.has(next)) {
        cameFrom.set(next, queue[i]);
        queue.push(next);
      }
    }
  }
  return [start];
}

const files = SHIPPED.flatMap(sources).map((path) => path.split('\\').join('/'));
const imports = files.flatMap(importsOf);

describe('layers', () => {
  it('place every shipped file', () => {
    assert.deepEqual(
      files.filter((file) => !layerOf(file)),
      [],
      'add the new folder to LAYERS here and to the diagram in CONTRIBUTING.md',
    );
  });

  it('are imported downward only', () => {
    const upward = imports.flatMap((edge) => {
      const from = layerOf(edge.from);
      const to = edge.to === undefined ? undefined : layerOf(edge.to);
      if (!from || !to || to[1] <= from[1]) return [];
      return [`${describeImport(edge)}: ${from[2]} may not import ${to[2]}, a layer above it`];
    });
    assert.deepEqual(upward, []);
  });

  it('keep the client to the protocol and file kinds', () => {
    const outside = imports.filter((edge) => edge.from.startsWith('client/src/') && edge.to !== undefined && !edge.to.startsWith('client/src/') && !under(edge.to, CLIENT_MAY_IMPORT));
    assert.deepEqual(outside.map(describeImport), []);
  });

  it('keep the editor protocol in the LSP layer', () => {
    const speaking = imports.filter((edge) => edge.to === undefined && EDITOR_PACKAGE.test(edge.specifier) && !under(edge.from, MAY_SPEAK_EDITOR));
    assert.deepEqual(speaking.map(describeImport), []);
  });

  it('keep lint() pure: nothing it imports, directly or not, reaches a Node built-in (files, processes, threads)', () => {
    const byFile = new Map<string, Import[]>();
    for (const edge of imports) byFile.set(edge.from, [...(byFile.get(edge.from) ?? []), edge]);
    const reached = new Set<string>();
    const pending = [PURE_ENTRY];
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (reached.has(file)) continue;
      reached.add(file);
      for (const edge of byFile.get(file) ?? []) if (edge.to !== undefined) pending.push(edge.to);
    }
    const impure = imports.filter((edge) => reached.has(edge.from) && edge.to === undefined && isBuiltin(edge.specifier));
    assert.deepEqual(impure.map(describeImport), []);
  });

  it('have no import cycle', () => {
    const graph = new Map<string, string[]>(files.map((file) => [file, []]));
    for (const edge of imports) if (edge.to !== undefined && graph.has(edge.to)) graph.get(edge.from)?.push(edge.to);
    assert.deepEqual(cycles(graph).map((cycle) => cycle.join(' → ')), []);
  });

  it('have no cycle between folders either: two folders of one layer import each other one way', () => {
    const graph = new Map<string, string[]>(files.map((file) => [folderOf(file), []]));
    /** One import that makes each folder-to-folder edge, to name in the failure. */
    const witness = new Map<string, Import>();
    for (const edge of imports) {
      if (edge.to === undefined || !graph.has(folderOf(edge.to)) || folderOf(edge.to) === folderOf(edge.from)) continue;
      const key = `${folderOf(edge.from)}\0${folderOf(edge.to)}`;
      if (witness.has(key)) continue;
      witness.set(key, edge);
      graph.get(folderOf(edge.from))?.push(folderOf(edge.to));
    }
    const named = cycles(graph).map((cycle) =>
      cycle
        .slice(1)
        .map((folder, i) => {
          const edge = witness.get(`${cycle[i]}\0${folder}`);
          return edge ? describeImport(edge) : `${cycle[i]} → ${folder}`;
        })
        .join('; '),
    );
    assert.deepEqual(named, []);
  });
});
