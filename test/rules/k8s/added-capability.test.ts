import { ruleTester } from '../../support/ruleTester.js';

const podAdding = (capabilities: string) => `apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        capabilities:\n          add: ${capabilities}\n`;

ruleTester('k8s/added-capability', {
  valid: [
    { name: 'the runtime default set (Pod Security baseline)', code: podAdding('[AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]') },
    { name: 'NET_BIND_SERVICE under Pod Security restricted', code: podAdding('[NET_BIND_SERVICE]'), options: { allowedCapabilities: ['NET_BIND_SERVICE'] } },
    { name: 'dropping is not adding', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n      securityContext:\n        capabilities: { drop: [NET_RAW, SYS_ADMIN] }\n' },
  ],
  invalid: [
    {
      name: 'NET_RAW and SYS_ADMIN are beyond the default set',
      code: podAdding('[NET_RAW, CHOWN, SYS_ADMIN]'),
      errors: [
        { line: 8, column: 17, endLine: 8, endColumn: 24, message: 'Container "app" adds capability NET_RAW, which is not in the allowed set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT)', severity: 'warning' },
        { line: 8, column: 33, endLine: 8, endColumn: 42, message: /adds capability SYS_ADMIN, which is not in the allowed set/ },
      ],
      output: podAdding('[CHOWN]'),
    },
    {
      name: 'restricted: anything but NET_BIND_SERVICE',
      code: podAdding('[NET_BIND_SERVICE, CHOWN]'),
      options: { allowedCapabilities: ['NET_BIND_SERVICE'] },
      errors: [{ line: 8, column: 35, endLine: 8, endColumn: 40, message: 'Container "app" adds capability CHOWN, which is not in the allowed set (NET_BIND_SERVICE)' }],
      output: podAdding('[NET_BIND_SERVICE]'),
    },
    {
      name: 'an allowed capability spelled as admission does not compare it',
      code: podAdding('[CAP_NET_BIND_SERVICE, chown]'),
      errors: [
        { line: 8, column: 17, endLine: 8, endColumn: 37, message: 'Container "app" adds capability CAP_NET_BIND_SERVICE: Pod Security admission compares names exactly and knows it only as NET_BIND_SERVICE' },
        { line: 8, column: 39, endLine: 8, endColumn: 44, message: 'Container "app" adds capability chown: Pod Security admission compares names exactly and knows it only as CHOWN' },
      ],
      output: podAdding('[NET_BIND_SERVICE, CHOWN]'),
    },
    {
      name: 'no capability allowed at all',
      code: podAdding('[CHOWN]'),
      options: { allowedCapabilities: [] },
      errors: [{ line: 8, column: 17, endLine: 8, endColumn: 22, message: 'Container "app" adds capability CHOWN, which is not in the allowed set (none)' }],
    },
  ],
});
