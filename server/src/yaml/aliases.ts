// Where each alias of one YAML document points, found in a single pass in document order: an alias
// names the last node anchored with its name before it. `yaml`'s own `Alias.resolve` walks the whole
// document on every call, which made each alias cost a document's length.
import { isAlias, isCollection, isPair, type Alias, type Node } from 'yaml';

export interface AliasTargets {
  /** The anchored node each alias names; an alias without an anchor before it has none. */
  readonly targets: ReadonlyMap<Alias, Node>;
  /**
   * Aliases inside the very node they name (`spec: &s {<<: *s}`). Kubernetes' decoder refuses them
   * ("anchor value contains itself"); following one would loop, so navigation never does.
   */
  readonly recursive: ReadonlySet<Alias>;
  /** Aliases without an anchor before them, in document order: `yaml` reads them as empty values. */
  readonly unresolved: readonly Alias[];
}

export function aliasTargets(root: unknown): AliasTargets {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  const recursive = new Set<Alias>();
  const unresolved: Alias[] = [];
  /** The nodes being visited, outermost first: a node is open while its content is. */
  const open = new Set<Node>();
  const visit = (item: unknown): void => {
    if (isPair(item)) {
      visit(item.key);
      visit(item.value);
      return;
    }
    if (!item || typeof item !== 'object') return;
    const node = item as Node;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) unresolved.push(node);
      else {
        targets.set(node, target);
        if (open.has(target)) recursive.add(node);
      }
      return;
    }
    // An anchor is known from its own node on, as `yaml` resolves it: an alias inside it names it.
    if (node.anchor) anchors.set(node.anchor, node);
    if (!isCollection(node)) return;
    open.add(node);
    for (const child of node.items) visit(child);
    open.delete(node);
  };
  visit(root);
  return { targets, recursive, unresolved };
}
