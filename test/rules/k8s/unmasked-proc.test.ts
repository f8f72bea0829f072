import { ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/unmasked-proc', {
  valid: [
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        procMount: Default\n',
    { name: 'unset', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n' },
    { name: 'procMount is not a pod-level field', code: 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    procMount: Unmasked\n  containers:\n    - name: app\n' },
  ],
  invalid: [
    {
      name: 'a nested-container builder',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: buildkit\nspec:\n  hostUsers: false\n  containers:\n    - name: buildkitd\n      image: moby/buildkit:v0.16.0-rootless\n      securityContext:\n        procMount: Unmasked\n',
      errors: [{ line: 11, column: 9, endLine: 11, endColumn: 28, message: 'Container "buildkitd" mounts /proc unmasked (procMount: Unmasked)', severity: 'error' }],
    },
    {
      name: 'ephemeral container, flow map',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n  ephemeralContainers:\n    - { name: debug, securityContext: { procMount: Unmasked } }\n',
      errors: [{ line: 7, column: 41, endLine: 7, endColumn: 60, message: /^Ephemeral container "debug" mounts \/proc unmasked/ }],
    },
  ],
});
