// Visits every node of a YAML tree (collections, their items, pairs' keys and values) directly.
// yaml's own `visit` builds a path array per node, which dominated hot-path profiles on large files.
import { isCollection, isPair, type Node } from 'yaml';

export function forEachNode(root: unknown, visit: (node: Node) => void): void {
  if (isPair(root)) {
    forEachNode(root.key, visit);
    forEachNode(root.value, visit);
    return;
  }
  if (!root || typeof root !== 'object') return;
  visit(root as Node);
  if (isCollection(root)) for (const item of root.items) forEachNode(item, visit);
}
