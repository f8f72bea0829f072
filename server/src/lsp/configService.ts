// Which lint configuration applies to a document. For now every document gets the recommended preset;
// team config discovery (.manifestlint.yaml) plugs in here without the server shell changing.
import type { LintConfig } from '../config/types.js';
import { recommendedConfig } from '../config/presets.js';

export interface ConfigService {
  configFor(uri: string, configFile?: string): LintConfig;
}

export const presetConfigService: ConfigService = {
  configFor: () => recommendedConfig(),
};
