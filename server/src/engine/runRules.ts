// The rule runner: parses one text and runs the rules it is given over the model. Pure, and given
// everything it uses: the rule catalog, the config and suppressions belong to the layers above.
import { parseDockerfile, type DockerfileFile } from '../dockerfile/model.js';
import { parseYamlFile, type YamlFile } from '../k8s/yamlFile.js';
import { languageOf } from '../text/fileKinds.js';
import { isOn } from './config.js';
import { assertLintable, effectiveLimits, LintDeadline } from '../text/limits.js';
import { LineIndex } from '../text/positions.js';
import { documentView, type DocumentFindingsCache, type KeptDocument } from './documentFindings.js';
import { InstructionFindingsCache } from './instructionFindings.js';
import { moved, movedFixes, movedReport, runInputs, type KeptPart } from './reuse.js';
import { messageOf, severityOf } from './messages.js';
import { summarizeFile, type FileSummaries } from './workspace.js';
import type { Finding, Report, Rule, RuleContext, RunOptions, ScopedSuppression } from './types.js';

export type ParsedFile = YamlFile | DockerfileFile;

export interface LintResult {
  findings: Finding[];
  /** The parsed model, for the fix layer (fixes reference its nodes). */
  file?: ParsedFile;
  /** What the workspace rules keep of the file, when RunOptions.summarize asked for it. */
  summaries?: FileSummaries;
  /**
   * The file's suppressions of workspace rules, set by the suppression layer: those rules' findings on
   * the file are known once the workspace is summarized, and the suppressions are applied to them then.
   */
  workspaceSuppressions?: ScopedSuppression[];
  lines: LineIndex;
}

/** The run options, and the editor's per-document caches of findings on parts of the file. */
export interface EngineOptions extends RunOptions {
  /** Held with `yamlCache`: document-scoped rules are not re-run on YAML documents that did not change. */
  documentFindings?: DocumentFindingsCache;
  /** Held for an open Dockerfile: instruction rules are not re-run on instructions that did not change. */
  instructionFindings?: InstructionFindingsCache;
}

/**
 * What `rules` report on `text` under `options.config`, in the order reported, nothing suppressed yet.
 * Throws NotLintedError for a file past a limit (too large, binary, over its time budget).
 */
export function runRules(text: string, options: EngineOptions, rules: readonly Rule[]): LintResult {
  const lines = new LineIndex(text);
  const language = languageOf(options.uri, options.languageId);
  if (!language) return { findings: [], lines };
  const { config } = options;
  const limits = effectiveLimits(config.limits, options.limits);
  assertLintable(text, limits);
  const deadline = new LintDeadline(limits.timeBudgetMs, options.clock);
  const file: ParsedFile = language === 'yaml' ? parseYamlFile(text, options.uri, options.yamlCache, { podSpecPaths: config.podSpecPaths, partial: options.kustomize !== undefined }) : parseDockerfile(text, options.uri);
  const findings: Finding[] = [];
  const byDocument = options.documentFindings && file.language === 'yaml' && !file.helm ? documentsOf(file, options.documentFindings, runInputs(options, rules)) : undefined;
  const instructions = file.language === 'dockerfile' ? (options.instructionFindings ?? new InstructionFindingsCache()).begin(file, runInputs(options, rules)) : [];
  for (const rule of rules) {
    deadline.check();
    const setting = config.rules[rule.meta.id];
    if (!isOn(setting)) continue;
    const severity = setting.severity;
    const check = file.language === 'yaml' ? rule.checkYaml : rule.checkDockerfile;
    const checkInstruction = file.language === 'dockerfile' ? rule.checkInstruction : undefined;
    if (!check && !checkInstruction) continue;
    const emit = (report: Report, delta: number) => findings.push(toFinding(rule, report, severity, lines, delta));
    const context: RuleContext = {
      // The config layer merged the rule's defaults already (presets, resolver); a bare setting gets the defaults.
      options: setting.options ?? rule.meta.defaultOptions ?? {},
      uri: options.uri,
      helm: options.helm,
      buildContext: options.buildContext,
      dockerfileTarget: config.dockerfileTarget,
      secretPatterns: config.secretPatterns,
      now: options.now,
      report: (report) => emit(report, 0),
    };
    if (checkInstruction) reportOnParts(rule, instructions, (instruction, report) => checkInstruction.call(rule, instruction, { ...context, report }), emit);
    if (!check) continue;
    if (byDocument && rule.meta.scope === 'document') {
      reportOnParts(rule, byDocument, (view, report) => check.call(rule, view as never, { ...context, report }), emit);
    } else {
      check.call(rule, file as never, context);
    }
  }
  deadline.check();
  return { findings, file, lines, ...(options.summarize && { summaries: summarizeFile(file, lines, options, rules, byDocument) }) };
}

/** Each YAML document, with what document-scoped rules reported on it last time (under the same inputs). */
function documentsOf(file: YamlFile, cache: DocumentFindingsCache, inputs: readonly unknown[]): KeptDocument[] {
  return file.documents.map(({ doc }, index) => {
    const { kept, summaries } = cache.keptFor(doc, inputs);
    let view: YamlFile | undefined; // made once, for the first rule that checks the document
    return { start: doc.range[0], kept, summaries, subject: () => (view ??= documentView(file, index)) };
  });
}

/**
 * Reports what `rule` finds on each part: what was kept for the part, placed where it starts, or else
 * what `check` reports now, kept. `emit` places a report, relative to its part, at the part's start.
 */
function reportOnParts<Subject>(rule: Rule, parts: readonly KeptPart<Subject>[], check: (subject: Subject, report: (report: Report) => void) => void, emit: (report: Report, delta: number) => void): void {
  for (const { start, kept, subject } of parts) {
    let relative = kept.get(rule);
    if (!relative) {
      const made: Report[] = [];
      check(subject(), (report) => made.push(report));
      kept.set(rule, (relative = start === 0 ? made : made.map((report) => movedReport(report, -start))));
    }
    for (const report of relative) emit(report, start);
  }
}

/** Whether `rule` has a check for files of `language`. */
export function checksLanguage(rule: Rule, language: ParsedFile['language']): boolean {
  return language === 'yaml' ? rule.checkYaml !== undefined : rule.checkDockerfile !== undefined || rule.checkInstruction !== undefined;
}

/** The finding of `report` placed `delta` characters on (a kept report, relative to its part). */
function toFinding(rule: Rule, report: Report, configured: Finding['severity'] | undefined, lines: LineIndex, delta: number): Finding {
  const offsets = delta === 0 ? report.range : moved(report.range, delta);
  return {
    ruleId: rule.meta.id,
    severity: severityOf(rule, report, configured),
    message: messageOf(rule, report),
    fixes: delta === 0 || !report.fixes ? report.fixes : movedFixes(report.fixes, delta),
    range: lines.rangeOf(offsets),
    offsets,
    related: report.related?.map((r) => ({ message: r.message, range: lines.rangeOf(delta === 0 ? r.range : moved(r.range, delta)) })),
  };
}
