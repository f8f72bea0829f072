import { ruleTester } from '../../support/ruleTester.js';

const BUILDKIT_IN_USER_NAMESPACE =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: buildkit\nspec:\n  hostUsers: false\n  containers:\n    - name: buildkitd\n      image: moby/buildkit:v0.16.0-rootless\n      securityContext:\n        procMount: Unmasked\n';

ruleTester('k8s/unmasked-proc', {
  valid: [
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        procMount: Default\n',
    { name: 'unset', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n' },
    { name: 'procMount is not a pod-level field', code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    procMount: Unmasked\n  containers:\n    - name: app\n' },
    { name: 'a nested-container builder in its own user namespace (hostUsers: false): allowed, as Pod Security baseline does from 1.35', code: BUILDKIT_IN_USER_NAMESPACE },
  ],
  invalid: [
    {
      name: 'a nested-container builder on the host user namespace',
      code: BUILDKIT_IN_USER_NAMESPACE.replace('  hostUsers: false\n', ''),
      errors: [{ line: 10, column: 9, endLine: 10, endColumn: 28, message: 'Container "buildkitd" mounts /proc unmasked (procMount: Unmasked)', severity: 'error' }],
      output: BUILDKIT_IN_USER_NAMESPACE.replace('  hostUsers: false\n', '').replace('Unmasked', 'Default'),
    },
    {
      name: 'allowInUserNamespace: false (Pod Security restricted): a user namespace does not excuse it',
      code: BUILDKIT_IN_USER_NAMESPACE,
      options: { allowInUserNamespace: false },
      errors: [{ line: 11, column: 9, endLine: 11, endColumn: 28, message: 'Container "buildkitd" mounts /proc unmasked (procMount: Unmasked)' }],
    },
    {
      name: 'ephemeral container, flow map',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n  ephemeralContainers:\n    - { name: debug, securityContext: { procMount: Unmasked } }\n',
      errors: [{ line: 7, column: 41, endLine: 7, endColumn: 60, message: /^Ephemeral container "debug" mounts \/proc unmasked/ }],
    },
    {
      name: 'any value but Default, as admission reads it',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        procMount: unmasked\n',
      errors: [{ line: 7, column: 9, endLine: 7, endColumn: 28, message: 'Container "app" mounts /proc without the default masks (procMount: unmasked)' }],
      output: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        procMount: Default\n',
    },
  ],
});
