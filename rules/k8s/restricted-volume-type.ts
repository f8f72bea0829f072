// k8s/restricted-volume-type: an inline volume source Pod Security restricted does not allow
// (network and cloud disks, gitRepo, flexVolume…): only configMap, csi, downwardAPI, emptyDir,
// ephemeral, image, persistentVolumeClaim, projected and secret pass.
import { isMap } from 'yaml';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { RESTRICTED_VOLUME_TYPES } from './pod-security-lists.js';
import { resourceLabel } from './support.js';

export default defineRule({
  meta: {
    id: 'k8s/restricted-volume-type',
    title: 'Volume type outside Pod Security restricted',
    defaultSeverity: 'warning',
    description:
      'Flags pod volumes of a type Pod Security restricted forbids: `nfs`, `iscsi`, `rbd`, `cephfs`, `glusterfs`, `gitRepo`, `flexVolume`, cloud disks written inline (`awsElasticBlockStore`, `gcePersistentDisk`, `azureDisk`, `azureFile`, …) and the other legacy in-tree sources. `hostPath` is k8s/host-path\'s.',
    rationale:
      'Inline volume sources let the pod author pick the storage and how it is reached: mount any NFS export or Ceph pool the node can reach, run a git clone as root on the node (`gitRepo`), or run a node-side driver binary (`flexVolume`). Restricted pods get storage through a PersistentVolumeClaim or CSI, which the cluster administrator controls.',
    remediation: 'Use a PersistentVolumeClaim (bound to a PersistentVolume or a StorageClass that points at the storage), a CSI volume, or for git content an init container that clones into an emptyDir.',
    peers: { trivy: ['KSV-0028'] },
    messages: { restricted: '{{resource}} volume "{{volume}}" is of type {{type}}, which Pod Security restricted forbids' },
    fixes: [],
    preset: 'all',
    scope: 'document',
  },
  checkYaml(file, context) {
    for (const podSpec of file.podSpecs) {
      const nav = podSpec.resource.nav;
      for (const volume of nav.items(nav.seq(podSpec.node, 'volumes'))) {
        if (!isMap(volume)) continue;
        for (const type of RESTRICTED_VOLUME_TYPES) {
          const source = nav.field(volume, type);
          if (!source || source.value === null) continue;
          context.report({ messageId: 'restricted', data: { resource: resourceLabel(podSpec), volume: nav.displayString(volume, 'name') ?? '(unnamed)', type }, range: source.keyRange });
        }
      }
    }
  },
});
