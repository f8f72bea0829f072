// Applies suppressions to a file's findings after the rules ran: comments, annotations and the team
// config's `ignores`. Marks (or drops) what they hide and reports suppressions that are unused,
// invalid, or aimed at a locked rule. Suppressions of workspace rules are handed back: those rules'
// findings on the file are known only once the whole workspace is summarized (applyLater).
import { allRules, rulesById } from '../../../rules/index.js';
import { isOn, type LintConfig } from '../engine/config.js';
import { checksLanguage } from '../engine/runRules.js';
import { closestMatch } from '../config/suggest.js';
import type { DockerfileFile } from '../dockerfile/model.js';
import type { LineIndex, OffsetRange } from '../text/positions.js';
import type { Finding, ScopedSuppression } from '../engine/types.js';
import type { Severity } from '../text/severity.js';
import type { YamlFile } from '../k8s/yamlFile.js';
import { nodeRange } from '../yaml/nav.js';
import { ANNOTATION_PREFIX, findAnnotationSuppressions } from './annotations.js';
import { INVALID_SUPPRESSION, LOCKED_SUPPRESSION, UNUSED_SUPPRESSION, type SuppressionCheck } from './checks.js';
import { Coverage } from './coverage.js';
import { findDirectives } from './directives.js';

export interface SuppressionInput {
  findings: Finding[];
  file: YamlFile | DockerfileFile;
  lines: LineIndex;
  config: LintConfig;
  keepSuppressed: boolean;
}

interface Claim extends ScopedSuppression {
  /** Where an unused-suppression report goes; undefined for config entries (reviewed elsewhere). */
  anchor?: OffsetRange;
}

export interface SuppressedFindings {
  findings: Finding[];
  /** The suppressions of workspace rules, for their findings on this file (applyLater). */
  later: ScopedSuppression[];
}

const RULE_IDS = allRules.map(({ meta }) => meta.id);
/** Annotation names: rule ids without their domain, for the rules that report on YAML (the workspace rules all do). */
const ANNOTATION_NAMES = new Map(allRules.filter((rule) => rule.checkYaml || rule.checkWorkspace).map(({ meta }) => [meta.id.slice(meta.id.indexOf('/') + 1), meta.id]));
const DIRECTIVE_WORDS = 'manifestlint-disable-next-line, manifestlint-disable-line or manifestlint-disable-file';

export function applySuppressions({ findings, file, lines, config, keepSuppressed }: SuppressionInput): SuppressedFindings {
  const reports: Finding[] = [];
  const report = (check: SuppressionCheck, range: OffsetRange, message: string, severity: Severity = check.severity) =>
    reports.push({ ruleId: check.id, severity, message, range: lines.rangeOf(range), offsets: range });
  const locked = new Set(config.locked);
  const claims: Claim[] = [];

  /** Validates one inline suppression of `ruleId`; true when it may take effect. */
  const acceptInline = (ruleId: string, range: OffsetRange): boolean => {
    if (!locked.has(ruleId)) return true;
    report(LOCKED_SUPPRESSION, range, `${ruleId} is locked by the team config: this suppression has no effect`);
    return false;
  };

  for (const directive of findDirectives(file, lines)) {
    if (!directive.kind) {
      report(INVALID_SUPPRESSION, directive.range, `Unknown directive "${directive.word}": use ${DIRECTIVE_WORDS}`);
      continue;
    }
    if (!directive.ruleIds.length) report(INVALID_SUPPRESSION, directive.range, `${directive.word} names no rule: list the rule ids to disable`);
    if (!directive.reason) report(INVALID_SUPPRESSION, directive.range, 'Suppression needs a reason after "--" (… -- why this is acceptable): without one it has no effect');
    for (const { id, range } of directive.ruleIds) {
      if (!rulesById.has(id)) {
        const suggestion = closestMatch(id, RULE_IDS);
        report(INVALID_SUPPRESSION, range, `Unknown rule "${id}" in suppression${suggestion ? `: did you mean "${suggestion}"?` : ''}`);
        continue;
      }
      if (!directive.reason || !acceptInline(id, range)) continue;
      claims.push({
        ruleId: id,
        scope: directive.lines ? { lines: directive.lines } : 'file',
        suppression: { kind: 'inSource', justification: directive.reason },
        anchor: range,
      });
    }
  }

  if (file.language === 'yaml') {
    for (const annotation of findAnnotationSuppressions(file.resources)) {
      const ruleId = ANNOTATION_NAMES.get(annotation.name);
      if (!ruleId) {
        const suggestion = closestMatch(annotation.name, ANNOTATION_NAMES.keys());
        report(INVALID_SUPPRESSION, annotation.keyRange, `Unknown rule "${annotation.name}" in annotation ${ANNOTATION_PREFIX}${annotation.name}${suggestion ? `: did you mean ${ANNOTATION_PREFIX}${suggestion}?` : ''}`);
        continue;
      }
      if (!annotation.reason) {
        report(INVALID_SUPPRESSION, annotation.keyRange, `${ANNOTATION_PREFIX}${annotation.name} needs the reason as its value: without one it has no effect`);
        continue;
      }
      if (!acceptInline(ruleId, annotation.keyRange)) continue;
      claims.push({
        ruleId,
        scope: { ranges: [annotation.scope] },
        suppression: { kind: 'inSource', justification: annotation.reason },
        anchor: annotation.keyRange,
      });
    }
  }

  for (const entry of config.ignores ?? []) {
    const bySelector = entry.kind !== undefined || entry.name !== undefined || entry.namespace !== undefined;
    if (bySelector && file.language !== 'yaml') continue;
    claims.push({
      ruleId: entry.rule,
      scope: bySelector && file.language === 'yaml' ? { ranges: resourceScopes(file, entry) } : 'file',
      suppression: { kind: 'external', justification: entry.reason },
    });
  }

  const later = claims.filter((claim) => isWorkspaceRule(claim.ruleId));
  const now = later.length ? claims.filter((claim) => !isWorkspaceRule(claim.ruleId)) : claims;
  const { kept, unused } = covered(findings, now, keepSuppressed);

  const unusedSeverity = config.unusedSuppressions ?? UNUSED_SUPPRESSION.severity;
  if (unusedSeverity !== 'off') {
    for (const claim of unused) {
      // A rule that is off here, or cannot lint this language, says nothing about whether the suppression is needed.
      if (!claim.anchor || !isEnabled(claim.ruleId, config, file.language)) continue;
      report(UNUSED_SUPPRESSION, claim.anchor, `Unused suppression: ${claim.ruleId} reports nothing here`, unusedSeverity);
    }
  }
  return { findings: reports.length ? [...kept, ...reports] : kept, later: later.map(({ ruleId, scope, suppression }) => ({ ruleId, scope, suppression })) };
}

/**
 * A file's workspace-rule findings with the file's suppressions of them applied (`later`, from
 * applySuppressions). Whether such a suppression is used is not judged: a file alone cannot tell.
 */
export function applyLater(findings: readonly Finding[], later: readonly ScopedSuppression[] | undefined, keepSuppressed: boolean): readonly Finding[] {
  return later?.length ? covered(findings, later, keepSuppressed).kept : findings;
}

/** In claim order: a finding covered by several suppressions is suppressed by the first. */
function covered<C extends ScopedSuppression>(findings: readonly Finding[], claims: readonly C[], keepSuppressed: boolean): { kept: Finding[]; unused: C[] } {
  const coverage = new Coverage(findings);
  const unused = claims.filter((claim) => !coverage.claim(claim.ruleId, claim.scope, claim.suppression));
  const kept: Finding[] = [];
  for (const finding of findings) {
    const suppression = coverage.suppressionOf(finding);
    if (!suppression) kept.push(finding);
    else if (keepSuppressed) kept.push({ ...finding, suppressed: suppression });
  }
  return { kept, unused };
}

function isWorkspaceRule(ruleId: string): boolean {
  return rulesById.get(ruleId)?.checkWorkspace !== undefined;
}

function isEnabled(ruleId: string, config: LintConfig, language: 'yaml' | 'dockerfile'): boolean {
  const setting = config.rules[ruleId];
  const rule = rulesById.get(ruleId);
  return isOn(setting) && rule !== undefined && checksLanguage(rule, language);
}

function resourceScopes(file: YamlFile, entry: { kind?: string; name?: string; namespace?: string }): OffsetRange[] {
  const scopes: OffsetRange[] = [];
  for (const resource of file.resources) {
    if (entry.kind !== undefined && resource.kind !== entry.kind) continue;
    if (entry.name !== undefined && resource.name !== entry.name) continue;
    if (entry.namespace !== undefined && resource.namespace !== entry.namespace) continue;
    const range = nodeRange(resource.node);
    if (range) scopes.push(range);
  }
  return scopes;
}
