import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/compose-cap-add', {
  valid: [
    { name: 'cap_drop is the good direction', code: 'services:\n  web:\n    image: nginx:1.27\n    cap_drop: [ALL]\n', filename: 'compose.yaml' },
    { name: 'allowed by the team config, with or without CAP_', code: 'services:\n  vpn:\n    image: wg:1\n    cap_add: [CAP_NET_ADMIN]\n', filename: 'compose.yaml', options: { allowedCapabilities: ['NET_ADMIN'] } },
    { name: 'interpolated', code: 'services:\n  vpn:\n    image: wg:1\n    cap_add: ["${EXTRA_CAP}"]\n', filename: 'compose.yaml' },
    { name: 'not a Compose file', code: 'cap_add: [SYS_ADMIN]\n', filename: 'compose.yaml' },
  ],
  invalid: [
    {
      name: 'dangerous capabilities are errors, others info; fix-all removes only the dangerous ones',
      code: dedent(`
        services:
          wireguard:
            image: linuxserver/wireguard:1.0.20210914
            cap_add:
              - NET_ADMIN
              - SYS_MODULE
              - CHOWN
      `),
      filename: 'compose.yaml',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, severity: 'error', message: 'Service "wireguard" adds capability NET_ADMIN: reconfigure networking (interfaces, routes, iptables)' },
        { line: 6, column: 9, endLine: 6, endColumn: 19, severity: 'error', message: 'Service "wireguard" adds capability SYS_MODULE: load kernel modules' },
        { line: 7, column: 9, endLine: 7, endColumn: 14, severity: 'info', message: 'Service "wireguard" adds capability CHOWN: check that it needs it' },
      ],
      output: dedent(`
        services:
          wireguard:
            image: linuxserver/wireguard:1.0.20210914
            cap_add:
              - CHOWN
      `),
    },
    {
      name: 'flow list, lower case and CAP_ prefix, ALL',
      code: 'services:\n  a:\n    image: busybox:1.37\n    cap_add: [cap_sys_admin, ALL]\n',
      filename: 'compose.yaml',
      errors: [
        { line: 4, column: 15, endLine: 4, endColumn: 28, message: 'Service "a" adds capability cap_sys_admin: mount filesystems, use namespaces and much more: close to full root' },
        { line: 4, column: 30, endLine: 4, endColumn: 33, message: 'Service "a" adds capability ALL: every capability' },
      ],
      // Removals of neighbouring flow items overlap: one pass of fix-all applies the first (as ESLint does).
      output: 'services:\n  a:\n    image: busybox:1.37\n    cap_add: [ALL]\n',
    },
    {
      name: 'a list shared through an anchor is reported for each service that uses it, and not fixed',
      code: 'x-caps: &caps [SYS_PTRACE]\nservices:\n  a:\n    image: busybox:1.37\n    cap_add: *caps\n',
      filename: 'compose.yaml',
      errors: [{ line: 1, column: 16, endLine: 1, endColumn: 26, messageId: 'dangerous' }],
      output: null,
    },
  ],
});
