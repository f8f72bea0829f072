import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/dangerous-capability', {
  valid: [
    {
      name: 'NET_BIND_SERVICE and CHOWN are not dangerous',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE, CAP_CHOWN]\n',
    },
    {
      name: 'dropping SYS_ADMIN is the opposite of adding it',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      securityContext: { capabilities: { drop: [SYS_ADMIN, NET_RAW] } }\n',
    },
    {
      name: 'a capability the team allows, spelled differently from the option',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: cni\n      securityContext: { capabilities: { add: [CAP_NET_ADMIN] } }\n',
      options: { allowedCapabilities: ['net_admin'] },
    },
    { name: 'docker-compose cap_add is not Kubernetes', filename: 'docker-compose.yml', code: 'services:\n  vpn:\n    image: wireguard\n    cap_add: [NET_ADMIN, SYS_MODULE]\n' },
  ],
  invalid: [
    {
      name: 'prefixed, lower-case and plain names; harmless ones are skipped',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        metadata:
          name: netdebug
        spec:
          containers:
            - name: tools
              image: nicolaka/netshoot:v0.13
              securityContext:
                capabilities:
                  add:
                    - NET_ADMIN
                    - CAP_SYS_PTRACE
                    - net_raw
                    - NET_BIND_SERVICE
      `),
      errors: [
        { line: 12, column: 15, endLine: 12, endColumn: 24, message: 'Container "tools" adds capability NET_ADMIN: reconfigure networking (interfaces, routes, iptables)', severity: 'error' },
        { line: 13, column: 15, endLine: 13, endColumn: 29, message: 'Container "tools" adds capability CAP_SYS_PTRACE: trace and inject into other processes' },
        { line: 14, column: 15, endLine: 14, endColumn: 22, message: 'Container "tools" adds capability net_raw: craft raw packets (spoofing, ARP poisoning)' },
      ],
    },
    {
      name: 'ALL, quoted, in an init container flow map',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  initContainers:\n    - name: setup\n      securityContext: {capabilities: {add: ["ALL"]}}\n',
      errors: [{ line: 6, column: 46, endLine: 6, endColumn: 51, message: 'Init container "setup" adds capability ALL: every capability' }],
    },
    {
      name: 'allowedCapabilities spares only what it names',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: cni\n      securityContext: { capabilities: { add: [NET_ADMIN, SYS_ADMIN] } }\n',
      options: { allowedCapabilities: ['CAP_NET_ADMIN'] },
      errors: [{ line: 6, column: 59, endLine: 6, endColumn: 68, message: /adds capability SYS_ADMIN: mount filesystems/ }],
    },
    {
      name: 'a capability list shared through an anchor is reported for each container that uses it',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext:\n        capabilities: &caps\n          add: [SYS_MODULE]\n    - name: b\n      securityContext:\n        capabilities: *caps\n',
      errors: [
        { line: 8, column: 17, endLine: 8, endColumn: 27, message: 'Container "a" adds capability SYS_MODULE: load kernel modules' },
        { line: 8, column: 17, endLine: 8, endColumn: 27, message: 'Container "b" adds capability SYS_MODULE: load kernel modules' },
      ],
    },
  ],
});
