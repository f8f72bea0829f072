// The client-side settings the server honours, read per resource (multi-root workspaces differ).
export interface DocumentSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** A config file path that overrides discovery; empty = discover. */
  configFile: string;
}

export const DEFAULT_SETTINGS: DocumentSettings = { enable: true, run: 'onType', configFile: '' };

export function toDocumentSettings(raw: unknown): DocumentSettings {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof DocumentSettings, unknown>>;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    configFile: typeof value.configFile === 'string' ? value.configFile : '',
  };
}
