// `npm run bench`: speed and memory numbers (never pass/fail). Prints medians and p95s, ratios
// against the parse-only floor and against a peer measured in the same run, beside the targets.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DockerfileParser } from 'dockerfile-ast';
import { buildSync } from 'esbuild';
import { parseAllDocuments } from 'yaml';
import { Worker } from 'node:worker_threads';
import { parseDockerfile } from '../server/src/dockerfile/model.js';
import { lint, lintDocument } from '../server/src/linter/lint.js';
import { recommendedConfig } from '../server/src/config/presets.js';
import { DocumentFindingsCache } from '../server/src/engine/documentFindings.js';
import { InstructionFindingsCache } from '../server/src/engine/instructionFindings.js';
import { WorkspaceIndex } from '../server/src/lsp/workspaceIndex.js';
import { YamlDocumentCache } from '../server/src/yaml/documentCache.js';
import { SERVER_EXEC_ARGV } from '../server/src/lsp/protocol.js';
import { ScanConfig } from '../server/src/scan/configForScan.js';
import { discoverFiles } from '../server/src/scan/discover.js';
import { scanFiles } from '../server/src/scan/pool.js';
import { selectScanFiles } from '../server/src/scan/select.js';
import { deployment, dockerfile, longDockerfile, multiDocumentManifest, random } from './corpus.js';
import { measureLatency } from './lspLatency.js';
import { median, ms, percentile, timeRuns } from './stats.js';
import { BURSTS, formatBurst, measureBurst } from './lspBurst.js';
import { parseOnly, shippedYaml } from './parseOnly.js';

const rows: string[][] = [];
const row = (...cells: string[]) => {
  rows.push(cells);
  console.log(cells.join('  |  '));
};

// Every figure is only comparable with others from the same machine and day: say which.
row('machine', `${new Date().toISOString().slice(0, 10)}`, `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'})`, `${Math.round(totalmem() / 2 ** 30)} GiB`, `Node ${process.version}`);

// 1. In-process lint of single documents (the keystroke path without LSP overhead).
function lintBench(name: string, uri: string, text: string, floor: () => unknown, runs: number, target: string) {
  const lintSamples = timeRuns(() => lint(text, { uri }), runs);
  const floorSamples = timeRuns(floor, runs);
  row(name, `${text.split('\n').length} lines`, `median ${ms(median(lintSamples))}, p95 ${ms(percentile(lintSamples, 95))}`, `parse-only ${ms(median(floorSamples))} (×${(median(lintSamples) / median(floorSamples)).toFixed(2)})`, target);
}

const small = multiDocumentManifest(100);
const large = multiDocumentManifest(10_000);
const envDense = multiDocumentManifest(5_000, 3, 25);
const docker2k = longDockerfile(2_000);
console.log('# in-process lint from scratch (opening a file, a scan)');
lintBench('lint 100-line manifest', 'small.yaml', small, () => parseAllDocuments(small), 200, '');
lintBench('lint 10,000-line manifest', 'large.yaml', large, () => parseAllDocuments(large), 20, '');
lintBench('lint 5,000-line env-dense manifest (secrets)', 'env.yaml', envDense, () => parseAllDocuments(envDense), 20, '');
lintBench('lint 2,000-line Dockerfile', 'Dockerfile', docker2k, () => parseDockerfile(docker2k, 'Dockerfile'), 100, '');
const astSamples = timeRuns(() => DockerfileParser.parse(docker2k), 50);
row('  for comparison: dockerfile-ast parse (what the Docker language server uses)', `median ${ms(median(astSamples))}, p95 ${ms(percentile(astSamples, 95))}`);

// The keystroke's own work, without LSP: one edit at the top, the editor's caches held across versions.
console.log('\n# in-process keystroke (the editor\'s caches; the LSP rows below add the protocol and the server)');
for (const [name, uri, text] of [
  ['100-line manifest', 'small.yaml', small],
  ['10,000-line manifest', 'large.yaml', large],
  ['2,000-line Dockerfile', 'Dockerfile', docker2k],
] as const) {
  const caches = { yamlCache: new YamlDocumentCache(), documentFindings: new DocumentFindingsCache(), instructionFindings: new InstructionFindingsCache() };
  let edits = 0;
  const samples = timeRuns(() => lintDocument(`# edit ${edits++}\n${text}`, { uri, ...caches, summarize: true }), 200);
  row(`keystroke, ${name}`, `median ${ms(median(samples))}, p95 ${ms(percentile(samples, 95))}`);
}

async function measureLatencyAndScan(): Promise<void> {
  // 2. Keystroke → diagnostics over LSP, ours and the Docker language server on the same file.
  console.log('\n# keystroke → diagnostics (LSP over stdio, 60 single-character edits in a comment; our server started as VS Code starts it)');
  const commentedDockerfile = `# bench edits land here: \n${docker2k}`;
  const ourServer = [...SERVER_EXEC_ARGV, resolve('dist/server.js'), '--stdio'];
  const latencyCases = [
    { name: 'manifestlint, 2,000-line Dockerfile', command: process.execPath, args: ourServer, languageId: 'dockerfile', text: commentedDockerfile, target: 'target ≤ 10 ms p95' },
    { name: 'Docker language server, same file', command: process.execPath, args: [resolve('node_modules/dockerfile-language-server-nodejs/bin/docker-langserver'), '--stdio'], languageId: 'dockerfile', text: commentedDockerfile, target: '' },
    { name: 'manifestlint, 10,000-line manifest', command: process.execPath, args: ourServer, languageId: 'yaml', text: `# bench edits land here: \n${large}`, target: 'target ≤ 30 ms p95' },
    { name: 'manifestlint, 100-line manifest', command: process.execPath, args: ourServer, languageId: 'yaml', text: `# bench edits land here: \n${small}`, target: 'target ≤ 10 ms p95' },
  ];
  const latencies = new Map<string, number>();
  for (const c of latencyCases) {
    const uri = pathToFileURL(join(tmpdir(), c.languageId === 'yaml' ? 'bench.yaml' : 'Dockerfile')).href;
    const samples = await measureLatency({ ...c, uri, at: { line: 0, character: 24 } }, 60);
    latencies.set(c.name, median(samples));
    row(c.name, `median ${ms(median(samples))}`, `p95 ${ms(percentile(samples, 95))}`, c.target);
  }
  const ours = latencies.get(latencyCases[0].name) ?? NaN;
  const peer = latencies.get(latencyCases[1].name) ?? NaN;
  row('ratio manifestlint / Docker language server (median)', `×${(ours / peer).toFixed(2)}`);

  console.log('\n# language server under a burst of edits (time until the last version\'s diagnostics)');
  for (const burst of BURSTS) console.log(formatBurst(await measureBurst(burst)));

  // 3. Workspace scan of a generated corpus against the parse-only floor, one core and two workers.
  console.log('\n# workspace scan');
  const corpus = join(tmpdir(), 'manifestlint-bench-corpus');
  rmSync(corpus, { recursive: true, force: true });
  const rand = random(42);
  for (let i = 0; i < 2000; i++) {
    const dir = join(corpus, `team-${i % 40}`, `svc-${i}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'deployment.yaml'), deployment(rand, i));
    if (i < 500) writeFileSync(join(dir, 'Dockerfile'), dockerfile(rand, 1 + (i % 3)));
  }
  writeFileSync(join(corpus, 'all-in-one.yaml'), large);
  const files = discoverFiles([corpus]);
  const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  const mb = bytes / 1024 / 1024;

  const shipped = await shippedYaml();
  const floorSamples: number[] = [];
  const floorCpu = process.cpuUsage();
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    parseOnly(files, shipped);
    floorSamples.push(performance.now() - started);
  }
  // One thread parses, but the garbage collector's helper threads work beside it: the cores the floor keeps busy.
  const { user, system } = process.cpuUsage(floorCpu);
  const floorCores = (user + system) / 1000 / floorSamples.reduce((sum, sample) => sum + sample, 0);
  const floorSeconds = median(floorSamples) / 1000;
  const floorRate = files.length / floorSeconds;
  row(`parse-only floor (read + yaml parse, its shipped build / our Dockerfile parse, 1 thread)`, `${files.length} files, ${mb.toFixed(1)} MB`, `${floorRate.toFixed(0)} files/s`, `${(mb / floorSeconds).toFixed(1)} MB/s`, `keeps ${floorCores.toFixed(2)} cores busy (the collector's helper threads)`);

  // Bundled like the scan worker (a worker thread does not inherit tsx's loader).
  const parseOnlyWorker = join(tmpdir(), 'manifestlint-bench-parse-only-worker.js');
  buildSync({ entryPoints: [resolve('bench/parseOnlyWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: parseOnlyWorker, logLevel: 'warning' });
  /**
   * What a scan with `jobs` workers could reach if everything but the parse were free: the files dealt
   * out to that many new worker threads (started cold, as the scan starts its workers) that only parse.
   */
  function parseInWorkers(paths: readonly string[], jobs: number): Promise<number> {
    const started = performance.now();
    const shares = Array.from({ length: jobs }, (_, worker) => paths.filter((_, i) => i % jobs === worker));
    return Promise.all(
      shares.map(
        (share) =>
          new Promise<void>((done, fail) => {
            const worker = new Worker(parseOnlyWorker, { workerData: share });
            worker.once('message', () => void worker.terminate().then(() => done()));
            worker.once('error', fail);
          }),
      ),
    ).then(() => performance.now() - started);
  }

  // The scan in this same process, as the floor: discovery and config selection as the CLI does them,
  // then linting on one thread and across two worker threads.
  const configSpec = { root: corpus };
  for (const [jobs, target] of [
    [1, '≥ 0.7 × floor'],
    [2, '≥ 1.3 × floor'],
    [4, 'near-linear on ≥ 4 cores'],
  ] as const) {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const scanConfig = new ScanConfig(configSpec);
      const selected = selectScanFiles(discoverFiles([corpus]), scanConfig).files;
      await scanFiles(selected, { jobs, config: configSpec, scanConfig, workerScript: resolve('dist/scan-worker.js') });
      samples.push(performance.now() - started);
    }
    const seconds = median(samples) / 1000;
    const rate = files.length / seconds;
    const ceilingRate = files.length / (median([await parseInWorkers(files, jobs), await parseInWorkers(files, jobs), await parseInWorkers(files, jobs)]) / 1000);
    row(
      `scan in this process, --jobs ${jobs} (${jobs} worker thread${jobs === 1 ? '' : 's'})`,
      `${rate.toFixed(0)} files/s, ${(mb / seconds).toFixed(1)} MB/s`,
      `×${(rate / floorRate).toFixed(2)} floor`,
      `target ${target}`,
      `ceiling: the parse alone in ${jobs} new worker thread${jobs === 1 ? '' : 's'}, ×${(ceilingRate / floorRate).toFixed(2)} floor`,
    );
  }

  // The whole CLI as a user runs it (process start, discovery, config, lint, JSON report), with its peak RSS.
  function cliRun(jobs: number): { seconds: number; rssMb: number } {
    const started = performance.now();
    const child = spawnSync(process.execPath, ['--require', resolve('bench/rss-preload.cjs'), resolve('dist/cli.js'), 'scan', corpus, '--format', 'json', '--output', '/dev/null', '--jobs', String(jobs)], { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    const rss = /MANIFESTLINT_BENCH_MAX_RSS_KB=(\d+)/.exec(child.stderr)?.[1];
    if (child.status === 2 || !rss) throw new Error(`scan failed: ${child.stderr}`);
    return { seconds, rssMb: Number(rss) / 1024 };
  }
  for (const jobs of [1, 2]) {
    const runs = [cliRun(jobs), cliRun(jobs), cliRun(jobs)];
    const seconds = median(runs.map((r) => r.seconds));
    const rss = Math.max(...runs.map((r) => r.rssMb));
    row(`manifestlint scan CLI, --jobs ${jobs} (whole process)`, `${seconds.toFixed(2)} s wall, ${(files.length / seconds).toFixed(0)} files/s`, `peak RSS ${rss.toFixed(0)} MB`, 'target RSS ≤ 150 MB');
  }
  await measureWorkspaceIndex(files);
  rmSync(corpus, { recursive: true, force: true });
  rmSync(parseOnlyWorker, { force: true });

  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.md', ['| measure | | | | |', '|---|---|---|---|---|', ...rows.map((cells) => `| ${[...cells, '', '', '', ''].slice(0, 5).join(' | ')} |`)].join('\n') + '\n');
  console.log('\nwrote bench/results/latest.md');
}

/**
 * Workspace rules in the editor: the index of the whole corpus built as the server builds it (read,
 * parse, summarize every file), then a keystroke in one open document with the index on, against the
 * same keystroke with no index (single-file mode).
 */
async function measureWorkspaceIndex(files: readonly string[]): Promise<void> {
  console.log('\n# workspace rules (editor index)');
  const configFor = () => recommendedConfig();
  const started = performance.now();
  const index = new WorkspaceIndex({ configFor, nameOf: (path) => path, relint: () => undefined });
  await index.indexFolders([pathToFileURL(join(tmpdir(), 'manifestlint-bench-corpus')).href]);
  const buildMs = performance.now() - started;
  row(`build the workspace index (${files.length} files: read, parse, summarize, check)`, ms(buildMs), `${(files.length / (buildMs / 1000)).toFixed(0)} files/s`);
  for (const [name, text] of [
    ['100-line manifest', small],
    ['10,000-line manifest', large],
  ] as const) {
    const uri = pathToFileURL(join(tmpdir(), 'manifestlint-bench-corpus', 'team-0', 'svc-0', 'edited.yaml')).href;
    const keystroke = (withIndex: boolean) => {
      const yamlCache = new YamlDocumentCache();
      const documentFindings = new DocumentFindingsCache();
      let edits = 0;
      return timeRuns(() => {
        // One more character in a comment line above the first document each time (a real keystroke: the
        // text changes, and every document moves), as in the in-process keystroke rows.
        const version = `# ${'x'.repeat(edits++)}\n${text}`;
        const result = lintDocument(version, { uri, yamlCache, documentFindings, summarize: withIndex });
        if (withIndex) index.documentLinted(uri, result.summaries);
      }, 60);
    };
    const single = keystroke(false);
    const indexed = keystroke(true);
    row(`keystroke, ${name}, workspace rules on`, `p95 ${ms(percentile(indexed, 95))}`, `single-file mode p95 ${ms(percentile(single, 95))} (×${(percentile(indexed, 95) / percentile(single, 95)).toFixed(2)})`, 'target ≤ ×1.10');
  }
}

measureLatencyAndScan().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
