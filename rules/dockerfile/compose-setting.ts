// Template for the Compose rules that flag one service setting with one value (`privileged: true`,
// `network_mode: host`, `pid: host`, …). Each rule file supplies its metadata; the check and the fix
// that removes the setting (Compose's default is the safe value) live here.
import { composeBoolean, setting, settingText } from '../../server/src/compose/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import type { PeerIds, Rule } from '../../server/src/engine/types.js';
import type { Severity } from '../../server/src/text/severity.js';
import type { Field } from '../../server/src/yaml/nav.js';
import { forEachService, removeSettingFixes, serviceLabel } from './compose-support.js';

interface ComposeSettingRule {
  id: string;
  key: 'privileged' | 'network_mode' | 'pid' | 'ipc' | 'userns_mode';
  /** The flagged value: `true` for a boolean (any spelling Compose reads as true), else the exact string. */
  value: 'true' | 'host';
  title: string;
  defaultSeverity: Severity;
  /** What the value gives the service, after `{{service}} `: `shares the host's process namespace`. */
  consequence: string;
  rationale: string;
  remediation: string;
  peers: PeerIds;
}

export function composeSettingRule(spec: ComposeSettingRule): Rule {
  const written = `${spec.key}: ${spec.value}`;
  const isFlagged = (field: Field): boolean => (spec.value === 'true' ? composeBoolean(field) === true : settingText(field) === spec.value);
  return defineRule({
    meta: {
      id: spec.id,
      title: spec.title,
      defaultSeverity: spec.defaultSeverity,
      description: `Flags Docker Compose services with \`${written}\`.`,
      rationale: spec.rationale,
      remediation: spec.remediation,
      peers: spec.peers,
      messages: { flagged: `{{service}} ${spec.consequence} (${written})` },
      fixes: [`Remove ${written}`],
      preset: 'recommended',
    },
    checkYaml(file, context) {
      forEachService(file, (service) => {
        const field = setting(service, spec.key);
        if (!field || !isFlagged(field)) return;
        context.report({
          messageId: 'flagged',
          data: { service: serviceLabel(service) },
          range: field.range,
          fixes: removeSettingFixes(service, field, `Remove ${written}`),
        });
      });
    },
  });
}
