// The proof behind every quick fix: each offered fix, alone and through fix-all, over a hand-written
// corpus, examples/ (manifests and Dockerfiles) and generated workloads, leaves text that parses,
// without the fixed finding, without new findings, and with every line outside its edit byte-identical.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { presetConfig } from '../../server/src/config/presets.js';
import { languageOf } from '../../server/src/text/fileKinds.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import type { Finding } from '../../server/src/engine/types.js';
import { fixAll, preferredFix } from '../../server/src/fixes/fixAll.js';
import { fixFile } from '../../server/src/linter/fixFile.js';
import { fixToEdits } from '../../server/src/fixes/fixToEdits.js';
import { applyEdits } from '../../server/src/text/edits.js';
import { assertFixSound, assertOnlyEditedLinesChanged } from '../support/fixChecks.js';
import { generatedCorpus } from './generatedCorpus.js';

const config = presetConfig('all');

/**
 * Findings a fix may bring to light, by the rule (or the title) of the fix: once a container is no
 * longer privileged (or no longer adds SYS_ADMIN), allowPrivilegeEscalation starts to matter; hardening
 * one container of a pod without any seccomp profile turns the pod-wide finding into one per other container.
 */
const MAY_REVEAL: Record<string, readonly string[]> = {
  'k8s/privileged-container': ['k8s/privilege-escalation'],
  'k8s/dangerous-capability': ['k8s/privilege-escalation'],
  'k8s/added-capability': ['k8s/privilege-escalation'],
  'Harden container securityContext': ['k8s/seccomp'],
};

function revealedBy(fixed: readonly { finding: Finding; title: string }[]): Set<string> {
  return new Set(fixed.flatMap(({ finding, title }) => [...(MAY_REVEAL[finding.ruleId] ?? []), ...(MAY_REVEAL[title] ?? [])]));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return languageOf(path) ? [path] : [];
  });
}

interface CorpusFile {
  name: string;
  text: string;
  /** Where it is linted as: decides YAML or Dockerfile. */
  uri?: string;
}

/** Each hand-written file also as CRLF and without its final line break. */
function withLineEndingVariants(path: string, text: string): CorpusFile[] {
  return [
    { name: path, uri: path, text },
    { name: `${path} (CRLF)`, uri: path, text: text.replace(/\r?\n/g, '\r\n') },
    { name: `${path} (no final line break)`, uri: path, text: text.replace(/\r?\n$/, '') },
  ];
}

const corpus: CorpusFile[] = [
  ...filesUnder(join('test', 'fixes', 'corpus')).flatMap((path) => withLineEndingVariants(path, readFileSync(path, 'utf8'))),
  ...filesUnder('examples').map((path) => ({ name: path, uri: path, text: readFileSync(path, 'utf8') })),
  ...generatedCorpus(200),
];

let fixesChecked = 0;
let fixAllChecked = 0;

describe('round trip: every offered fix is proven by re-linting', () => {
  after(() => console.log(`round trip: ${fixesChecked} fixes checked one by one, ${fixAllChecked} fix-all runs, over ${corpus.length} files`));

  for (const { name, text, uri = 'manifest.yaml' } of corpus) {
    it(name, () => {
      const before = lintDocument(text, { uri, config });
      if (before.findings.length === 0) return; // a hardened example: nothing to prove
      for (const finding of before.findings) {
        for (const fix of finding.fixes ?? []) {
          const context = `${finding.ruleId} "${fix.title}" for "${finding.message}"`;
          const edits = fixToEdits(text, fix, before.lines, before.file);
          assert.ok(edits.length > 0, `${context}: offered but produces no edit`);
          const output = applyEdits(text, edits);
          assertOnlyEditedLinesChanged(text, edits, output, context);
          assertFixSound(before, lintDocument(output, { uri, config }), edits, [finding], `${context}, output:\n${output}`, revealedBy([{ finding, title: fix.title }]));
          fixesChecked++;
        }
      }

      const all = fixAll(text, before.findings, before.file, before.lines);
      assert.equal(all.applied.length > 0, before.findings.some((finding) => preferredFix(finding)), 'fix-all applies exactly when a preferred fix is offered');
      assertOnlyEditedLinesChanged(text, all.edits, all.text, 'fix-all');
      assertFixSound(before, lintDocument(all.text, { uri, config }), all.edits, all.applied, `fix-all, output:\n${all.text}`, revealedBy(all.applied.map((finding) => ({ finding, title: preferredFix(finding)?.title ?? '' }))));
      fixAllChecked++;

      // Repeated passes (the CLI's --fix) converge: nothing fixable is left, and the text still parses.
      const final = fixFile(text, uri, config);
      const last = lintDocument(final.text, { uri, config });
      assert.equal(fixAll(final.text, last.findings, last.file, last.lines).applied.length, 0, `fix passes did not converge:\n${final.text}`);
      assert.ok(final.fixedCount >= all.applied.length);
    });
  }
});
