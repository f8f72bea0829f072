import { ruleTester } from '../../support/ruleTester.js';

const podWith = (seLinuxOptions: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: vm\nspec:\n  securityContext:\n    seLinuxOptions: ${seLinuxOptions}\n  containers:\n    - name: app\n`;

ruleTester('k8s/selinux', {
  valid: [
    { name: 'a container type', code: podWith('{ type: container_t }') },
    { name: 'an MCS level alone', code: podWith('{ level: "s0:c123,c456" }') },
    { name: 'empty user and role read as unset', code: podWith('{ user: "", role: "", type: "" }') },
    { name: 'container_engine_t is allowed from Kubernetes 1.31', code: podWith('{ type: container_engine_t }') },
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n',
  ],
  invalid: [
    {
      name: 'spc_t at pod level',
      code: podWith('{ type: spc_t }'),
      errors: [{ line: 7, column: 23, endLine: 7, endColumn: 34, message: 'The pod security context of Pod "vm" sets SELinux type spc_t: Pod Security baseline allows only container_t, container_init_t, container_kvm_t, container_engine_t', severity: 'error' }],
      output: null,
    },
    {
      name: 'container_engine_t before 1.31',
      code: podWith('{ type: container_engine_t }'),
      options: { kubernetesVersion: '1.30' },
      errors: [{ line: 7, column: 23, endLine: 7, endColumn: 47, message: 'The pod security context of Pod "vm" sets SELinux type container_engine_t: Pod Security baseline allows only container_t, container_init_t, container_kvm_t' }],
    },
    {
      name: 'user and role on a container',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        seLinuxOptions:\n          user: system_u\n          role: system_r\n',
      errors: [
        { line: 8, column: 11, endLine: 8, endColumn: 25, message: 'Container "app" sets a custom SELinux user: Pod Security baseline forbids it' },
        { line: 9, column: 11, endLine: 9, endColumn: 25, message: 'Container "app" sets a custom SELinux role: Pod Security baseline forbids it' },
      ],
    },
  ],
});
