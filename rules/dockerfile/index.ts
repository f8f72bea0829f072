// The Dockerfile rules, in docs order.
import type { Rule } from '../../server/src/engine/types.js';
import addInsteadOfCopy from './add-instead-of-copy.js';
import composeCapAdd from './compose-cap-add.js';
import composeEolImage from './compose-eol-image.js';
import composeHostIpc from './compose-host-ipc.js';
import composeHostNetwork from './compose-host-network.js';
import composeHostPid from './compose-host-pid.js';
import composeHostUserns from './compose-host-userns.js';
import composeImageLatest from './compose-image-latest.js';
import composePrivileged from './compose-privileged.js';
import composeRootUser from './compose-root-user.js';
import composeSensitiveMount from './compose-sensitive-mount.js';
import composeUnconfined from './compose-unconfined.js';
import copySecretFile from './copy-secret-file.js';
import eolBaseImage from './eol-base-image.js';
import imageDigest from './image-digest.js';
import imageLatest from './image-latest.js';
import nonMinimalBaseImage from './non-minimal-base-image.js';
import parseError from './parse-error.js';
import pipeToShell from './pipe-to-shell.js';
import rootUser from './root-user.js';
import secretInArgEnv from './secret-in-arg-env.js';
import sshPort from './ssh-port.js';
import sudo from './sudo.js';
import buildContextSecrets from './build-context-secrets.js';
import npmInstallInsteadOfCi from './npm-install-instead-of-ci.js';
import pipWithoutHashes from './pip-without-hashes.js';
import aptUnpinned from './apt-unpinned.js';
import packageCache from './package-cache.js';
import aptNoInstallRecommends from './apt-no-install-recommends.js';
import buildToolsInFinalStage from './build-tools-in-final-stage.js';
import shellInMinimalImage from './shell-in-minimal-image.js';
import unverifiedDownload from './unverified-download.js';
import verificationDisabled from './verification-disabled.js';
import worldWritable from './world-writable.js';

export const dockerfileRules: Rule[] = [
  parseError,
  nonMinimalBaseImage,
  imageLatest,
  imageDigest,
  eolBaseImage,
  rootUser,
  secretInArgEnv,
  copySecretFile,
  buildContextSecrets,
  pipeToShell,
  verificationDisabled,
  unverifiedDownload,
  npmInstallInsteadOfCi,
  pipWithoutHashes,
  aptUnpinned,
  buildToolsInFinalStage,
  shellInMinimalImage,
  packageCache,
  aptNoInstallRecommends,
  addInsteadOfCopy,
  sudo,
  worldWritable,
  sshPort,
  composePrivileged,
  composeCapAdd,
  composeHostNetwork,
  composeHostPid,
  composeHostIpc,
  composeHostUserns,
  composeUnconfined,
  composeRootUser,
  composeSensitiveMount,
  composeImageLatest,
  composeEolImage,
];
