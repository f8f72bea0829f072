// A fresh, quiet VS Code profile for one run: user data with settings that keep the workbench
// deterministic and offline, an empty extensions dir, and a copy of the fixture workspace (tests edit
// files; the fixtures in the repository are never touched).
import fs from 'node:fs';
import path from 'node:path';
import { WORKSPACE_FIXTURES } from './env.mjs';

/** No welcome page, AI, telemetry, update or marketplace traffic, no trust prompt, no auto save. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'files.autoSave': 'off',
};

export function freshProfile(runDir) {
  fs.rmSync(runDir, { recursive: true, force: true });
  const profile = {
    userData: path.join(runDir, 'user-data'),
    extensionsDir: path.join(runDir, 'extensions'),
    workspace: path.join(runDir, 'workspace'),
  };
  fs.mkdirSync(path.join(profile.userData, 'User'), { recursive: true });
  fs.mkdirSync(profile.extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(profile.userData, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  fs.cpSync(WORKSPACE_FIXTURES, profile.workspace, { recursive: true });
  return profile;
}
