// What the Docker Compose rules share: visiting the services of a Compose file, naming them in
// messages, and the fix that removes a setting or a list item.
import { composeFileOf, type ComposeService, type ListItem } from '../../server/src/compose/model.js';
import type { Fix, YamlTarget } from '../../server/src/engine/types.js';
import type { YamlFile } from '../../server/src/k8s/yamlFile.js';
import type { Field } from '../../server/src/yaml/nav.js';

/** Visits each service of a Compose file; nothing for any other YAML file. */
export function forEachService(file: YamlFile, visit: (service: ComposeService) => void): void {
  for (const service of composeFileOf(file)?.services ?? []) visit(service);
}

/** `Service "web"`: how messages name a Compose service. */
export function serviceLabel(service: ComposeService): string {
  return `Service "${service.name}"`;
}

/** A fix that removes a `key: value` pair or a list item, with its line when it has it to itself. */
function removeFix(title: string, target: YamlTarget, isPreferred = true): Fix {
  return { title, isPreferred, changes: [{ kind: 'yaml.remove', target }] };
}

/**
 * Removes a setting written on the service itself. One a `<<` merge key brings from an extension
 * field (`x-defaults: &defaults`) is shared with other services: removing it there is not this finding's call.
 */
export function removeSettingFixes(service: ComposeService, field: Field, title: string): Fix[] {
  return service.node.items.includes(field.pair) ? [removeFix(title, field.pair)] : [];
}

/** Removes a list item, when the list is the service's own (see removeSettingFixes). */
export function removeItemFixes(item: ListItem, title: string, isPreferred = true): Fix[] {
  return item.ownList ? [removeFix(title, item.written, isPreferred)] : [];
}
