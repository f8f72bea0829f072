// Whether a document's aliases expand further than Kubernetes accepts. Its YAML decoder (go-yaml, as
// hardened for CVE-2019-11253, in kubectl and the API server) expands every alias while decoding and
// gives up with "document contains excessive aliasing" once nodes reached through aliases outweigh the
// others by its ratio. The same count here, with the same early stop, caps what a hostile file costs.
import { isAlias, isMap, isScalar, isSeq, type Alias } from 'yaml';
import type { AliasTargets } from './aliases.js';

/** go-yaml checks the ratio only past these counts. */
const MIN_ALIASED_NODES = 100;
const MIN_DECODED_NODES = 1000;
/** The allowed share of aliased nodes falls from 99 % to 10 % between these many decoded nodes. */
const RATIO_RANGE_LOW = 400_000;
const RATIO_RANGE_HIGH = 4_000_000;

function allowedAliasRatio(decoded: number): number {
  if (decoded <= RATIO_RANGE_LOW) return 0.99;
  if (decoded >= RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - (0.89 * (decoded - RATIO_RANGE_LOW)) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW);
}

/** A node to decode; `via` is the outermost alias being expanded, if any. */
interface Step {
  node: unknown;
  via?: Alias;
}

/**
 * The alias, written in the document, whose expansion makes Kubernetes refuse it; undefined when the
 * document decodes. Walks the document in go-yaml's order, one node at a time: it stops as soon as the
 * ratio is exceeded, so a billion laughs costs a few thousand steps, and a document that decodes costs
 * its expanded size, which the same ratio keeps within a few times its own.
 */
export function excessiveAlias(root: unknown, aliases: AliasTargets): Alias | undefined {
  if (aliases.targets.size === 0) return undefined;
  let decoded = 1; // the document node
  let aliased = 0;
  const steps: Step[] = [{ node: root }];
  for (let step = steps.pop(); step; step = steps.pop()) {
    const { node, via } = step;
    decoded++;
    if (via) aliased++;
    if (via && aliased > MIN_ALIASED_NODES && decoded > MIN_DECODED_NODES && aliased / decoded > allowedAliasRatio(decoded)) return via;
    if (isAlias(node)) {
      const target = aliases.recursive.has(node) ? undefined : aliases.targets.get(node);
      if (target) steps.push({ node: target, via: via ?? node });
    } else if (isMap(node)) {
      // Pushed last to first, so that they are decoded first to last: each key, then its value.
      for (let i = node.items.length - 1; i >= 0; i--) {
        const pair = node.items[i];
        if (isScalar(pair.key) && pair.key.value === '<<') pushMerge(steps, pair.value, via);
        else steps.push({ node: pair.value, via }, { node: pair.key, via });
      }
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) steps.push({ node: node.items[i], via });
    }
  }
  return undefined;
}

/** go-yaml decodes a merge key's value alone (not the `<<`), and a sequence of merged mappings last to first. */
function pushMerge(steps: Step[], value: unknown, via: Alias | undefined): void {
  if (isSeq(value)) for (const item of value.items) steps.push({ node: item, via });
  else steps.push({ node: value, via });
}
