import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/compose-unconfined', {
  valid: [
    { name: 'hardening options', code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: ["no-new-privileges:true", "seccomp=./profile.json", "apparmor=docker-default", "label=type:svirt_apache_t"]\n', filename: 'compose.yaml' },
    { name: 'interpolated', code: 'services:\n  web:\n    image: nginx:1.27\n    security_opt: ["seccomp:${PROFILE}"]\n', filename: 'compose.yaml' },
  ],
  invalid: [
    {
      name: 'both spellings of each option; the fix removes the items',
      code: dedent(`
        services:
          browser:
            image: zenika/alpine-chrome:124
            security_opt:
              - seccomp:unconfined
              - apparmor=unconfined
              - label:disable
              - systempaths=unconfined
              - no-new-privileges:true
      `),
      filename: 'compose.yaml',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 27, severity: 'warning', message: 'Service "browser" runs without a seccomp profile: every system call reaches the host kernel (seccomp:unconfined)' },
        { line: 6, column: 9, endLine: 6, endColumn: 28, message: 'Service "browser" runs without AppArmor confinement (apparmor=unconfined)' },
        { line: 7, column: 9, endLine: 7, endColumn: 22, message: 'Service "browser" runs without SELinux separation (label:disable)' },
        { line: 8, column: 9, endLine: 8, endColumn: 31, message: 'Service "browser" runs with /proc and /sys unmasked: host kernel settings are readable and some writable (systempaths=unconfined)' },
      ],
      output: dedent(`
        services:
          browser:
            image: zenika/alpine-chrome:124
            security_opt:
              - no-new-privileges:true
      `),
    },
    {
      name: 'quoted flow item',
      code: 'services:\n  a:\n    image: busybox:1.37\n    security_opt: ["seccomp=unconfined"]\n',
      filename: 'docker-compose.yaml',
      errors: [{ line: 4, column: 20, endLine: 4, endColumn: 40, messageId: 'unconfined' }],
      output: 'services:\n  a:\n    image: busybox:1.37\n    security_opt: []\n',
    },
  ],
});
