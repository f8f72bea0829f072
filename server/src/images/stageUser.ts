// Who a Dockerfile stage's processes run as: its last USER, or its base image's default user. What the
// Dockerfile rule that flags root images and the workspace rule that connects pods to Dockerfiles share.
import { rootStage, stageChain, type Stage } from '../dockerfile/model.js';
import type { OffsetRange } from '../text/positions.js';
import { classifyImage, nonRootDefaultUser } from './classify.js';

const ROOT_USER = /^(?:root|0+)$/;

/**
 * Who the stage runs as: its last USER (followed through `FROM <stage>` chains) when it has one, root or
 * not; else its base image's default, root for scratch and for the images our tables know run as root
 * (`knownBase: false` for an unknown base, which may set its own USER).
 */
export type StageUser =
  | { kind: 'root'; user: string; range: OffsetRange }
  | { kind: 'defaultRoot'; image: string; knownBase: boolean; range: OffsetRange }
  | { kind: 'nonRoot' };

export function stageUser(stage: Stage): StageUser {
  const lastUser = stageChain(stage)
    .map((link) => link.instructions.findLast((instruction) => instruction.keyword === 'USER'))
    .find((user) => user !== undefined);
  if (lastUser) {
    const user = lastUser.operands[0];
    const name = user?.value.split(':')[0];
    return user && name !== undefined && ROOT_USER.test(name) ? { kind: 'root', user: user.value, range: user.range } : { kind: 'nonRoot' };
  }
  const root = rootStage(stage);
  if (root.base.kind === 'scratch') return { kind: 'defaultRoot', image: 'scratch', knownBase: true, range: stage.from.keywordRange };
  const ref = root.base.kind === 'image' ? root.base.ref : undefined;
  if (!ref || nonRootDefaultUser(ref)) return { kind: 'nonRoot' };
  return { kind: 'defaultRoot', image: ref.text, knownBase: classifyImage(ref) !== undefined, range: stage.from.keywordRange };
}
