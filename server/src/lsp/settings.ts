// The client-side settings the server honours, read per resource (multi-root workspaces differ).
import type { Severity } from '../text/severity.js';

/** What the editor does with findings the workspace's baseline holds: hint them, hide them, or show them as any other. */
export type BaselineDisplay = 'hint' | 'hide' | 'show';

export interface DocumentSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** A config file path that overrides discovery; empty = discover. */
  configFile: string;
  /** Findings less severe than this are not shown in the editor (scans and CI are unaffected). */
  minimumSeverity: Severity;
  /** Rule ids whose findings the editor does not show (scans and CI are unaffected). */
  hiddenRules: readonly string[];
  baseline: BaselineDisplay;
}

export const DEFAULT_SETTINGS: DocumentSettings = { enable: true, run: 'onType', configFile: '', minimumSeverity: 'info', hiddenRules: [], baseline: 'hint' };

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const BASELINE_DISPLAYS: readonly BaselineDisplay[] = ['hint', 'hide', 'show'];

/** A value of the wrong type (a hand-edited settings.json) falls back to the default, never fails the lint. */
export function toDocumentSettings(raw: unknown): DocumentSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof DocumentSettings, unknown>>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    configFile: typeof value.configFile === 'string' ? value.configFile : '',
    minimumSeverity: oneOf(value.minimumSeverity, SEVERITIES, DEFAULT_SETTINGS.minimumSeverity),
    hiddenRules: Array.isArray(value.hiddenRules) ? value.hiddenRules.filter((id): id is string => typeof id === 'string') : [],
    baseline: oneOf(value.baseline, BASELINE_DISPLAYS, DEFAULT_SETTINGS.baseline),
  };
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.find((candidate) => candidate === value) ?? fallback;
}
