// Objects of a workspace that share an identity (kind, namespace, name) are alternatives, not
// neighbours: variants of one install per cloud or environment (ingress-nginx keeps a deploy.yaml per
// provider, each with the same RoleBindings), of which a cluster holds one. A workspace rule that joins
// an object with others takes, of each identity, the definitions nearest to the object it starts from:
// in its own file, else under the deepest folder they share. Equally near ones all stay: overlays side
// by side are each deployable.

/**
 * Of `candidates` (already matched to the object in `from`), those nearest to `from` for each identity,
 * in their order; without `identityOf`, all are definitions of one object. A candidate whose identity
 * is unknown (undefined: a template writes its name) shares it with none and always stays.
 */
export function nearestDefinitions<T extends { file: string }>(from: string, candidates: readonly T[], identityOf: (candidate: T) => string | undefined = () => ''): T[] {
  if (candidates.length < 2) return [...candidates];
  const nearest = new Map<string, number>();
  const nearness = candidates.map((candidate) => {
    const identity = identityOf(candidate);
    const depth = sharedDepth(from, candidate.file);
    if (identity !== undefined && depth > (nearest.get(identity) ?? -1)) nearest.set(identity, depth);
    return { candidate, identity, depth };
  });
  return nearness.filter(({ identity, depth }) => identity === undefined || depth === nearest.get(identity)).map(({ candidate }) => candidate);
}

/** The identity of a summarized object (its label names the kind and name): none when a template writes its name. */
export function objectIdentity({ name, label, namespace }: { name?: string; label: string; namespace?: string }): string | undefined {
  return name === undefined ? undefined : `${label} ${namespace ?? ''}`;
}

/** How near two files are: infinitely for the same file, else the number of folders their paths (or URIs) share. */
function sharedDepth(a: string, b: string): number {
  if (a === b) return Infinity;
  let depth = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (a[i] === '/' || a[i] === '\\') depth++;
  return depth;
}
