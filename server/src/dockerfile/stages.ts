// Build stages: what each `FROM` really builds on, after substituting the ARG defaults declared before
// the first FROM and following `FROM <stage>` chains to their root image.
import { invalidImageReason, parseImageRef } from './images.js';
import type { Instruction, KeyValue, Stage, StageBase, Word } from './instruction.js';
import type { ParseProblem } from './problems.js';

/** The stage a chain of `FROM <stage>` ends at: the one that names a real image (or scratch). */
export function rootStage(stage: Stage): Stage {
  let current = stage;
  while (current.base.kind === 'stage') current = current.base.stage;
  return current;
}

/** The stage, then the stage it continues, and so on to the root. */
export function stageChain(stage: Stage): Stage[] {
  const chain = [stage];
  for (let current = stage; current.base.kind === 'stage'; current = current.base.stage) chain.push(current.base.stage);
  return chain;
}

/**
 * Groups instructions into stages. `globalArgs` are the ARGs before the first FROM: their defaults
 * are what `FROM ${X}` builds on when no `--build-arg` overrides them.
 */
export function buildStages(instructions: readonly Instruction[], globalArgs: readonly Instruction[], problems: ParseProblem[]): Stage[] {
  const defaults = new Map<string, KeyValue>();
  for (const arg of globalArgs) for (const pair of arg.pairs) defaults.set(pair.key, pair);

  const stages: Stage[] = [];
  const byName = new Map<string, Stage>();
  let current: Stage | undefined;
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      current = readFrom(instruction, stages.length, defaults, byName, problems);
      stages.push(current);
      if (current.name && current.nameRange) {
        if (byName.has(current.name)) problems.push({ kind: 'duplicateStage', range: current.nameRange, data: { name: current.name } });
        else byName.set(current.name, current);
      }
    } else if (current) {
      current.instructions.push(instruction);
    }
    instruction.stage = current;
  }
  if (current) current.isFinal = true;
  return stages;
}

function readFrom(from: Instruction, index: number, defaults: ReadonlyMap<string, KeyValue>, earlier: ReadonlyMap<string, Stage>, problems: ParseProblem[]): Stage {
  const stage: Stage = { index, from, platform: from.flag('platform'), base: { kind: 'missing' }, instructions: [], isFinal: false };
  const [image, as, name, ...extra] = from.operands;
  if (!image) {
    problems.push({ kind: 'fromWithoutImage', range: from.keywordRange, data: {} });
    return stage;
  }
  stage.image = image;
  if (as || name || extra.length) {
    if (as?.value.toLowerCase() === 'as' && name && extra.length === 0) {
      stage.name = name.value.toLowerCase();
      stage.nameRange = name.range;
    } else {
      const unexpected = as?.value.toLowerCase() === 'as' && name ? extra : [as, name, ...extra].filter((w): w is Word => w !== undefined);
      const range = { start: unexpected[0]?.range.start ?? image.range.end, end: unexpected[unexpected.length - 1]?.range.end ?? image.range.end };
      problems.push({ kind: 'fromSyntax', range, data: {} });
    }
  }
  stage.base = resolveBase(image, defaults, earlier, problems);
  return stage;
}

function resolveBase(image: Word, defaults: ReadonlyMap<string, KeyValue>, earlier: ReadonlyMap<string, Stage>, problems: ParseProblem[]): StageBase {
  const range = image.range;
  const substituted = image.value.includes('$');
  const expansion = substituted ? expand(image.value, defaults) : { text: image.value, used: [], missing: [] };
  if (expansion.missing.length) return { kind: 'unresolved', range, variables: expansion.missing };
  const reference = expansion.text;
  const stage = earlier.get(reference.toLowerCase());
  if (stage) return { kind: 'stage', stage, range };
  if (reference.toLowerCase() === 'scratch') return { kind: 'scratch', range };
  const ref = parseImageRef(reference);
  if (!ref) {
    // A default that expands to garbage is BuildKit's InvalidDefaultArgInFrom warning, not a parse error.
    if (substituted) return { kind: 'unresolved', range, variables: [] };
    problems.push({ kind: 'invalidImage', range, data: { image: image.value, reason: invalidImageReason(image.value) } });
    return { kind: 'invalid', range };
  }
  const literal = !substituted && image.raw === image.value;
  return {
    kind: 'image',
    ref,
    range,
    literal,
    tagRange: literal && ref.tag !== undefined && ref.tagStart !== undefined ? { start: range.start + ref.tagStart, end: range.start + ref.tagStart + ref.tag.length } : undefined,
    digestRange: literal && ref.digestStart !== undefined ? { start: range.start + ref.digestStart, end: range.end } : undefined,
    substitutedArgs: expansion.used,
  };
}

// `$X`, `${X}`, `${X:-default}`, `${X-default}`, `${X:+alt}`, `${X+alt}`
const VARIABLE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

interface Expansion {
  text: string;
  used: KeyValue[];
  /** Variables with no value at all: the result is only known at build time. */
  missing: string[];
}

/** Substitutes ARG defaults into a FROM image the way BuildKit does when no `--build-arg` is given. */
export function expand(word: string, defaults: ReadonlyMap<string, KeyValue>): Expansion {
  const used: KeyValue[] = [];
  const missing: string[] = [];
  const text = word.replace(VARIABLE, (_whole, braced: string | undefined, operator: string | undefined, operand: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const pair = defaults.get(name);
    const value = pair?.value;
    if (pair && value !== undefined) used.push(pair);
    const isSet = value !== undefined;
    const isNonEmpty = isSet && value !== '';
    switch (operator) {
      case ':-':
        return isNonEmpty ? value : (operand ?? '');
      case '-':
        return isSet ? value : (operand ?? '');
      case ':+':
        return isNonEmpty ? (operand ?? '') : '';
      case '+':
        return isSet ? (operand ?? '') : '';
      default:
        if (!isSet) missing.push(name);
        return value ?? '';
    }
  });
  return { text, used, missing };
}
