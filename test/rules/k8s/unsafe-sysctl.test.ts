import { ruleTester } from '../../support/ruleTester.js';

const podWithSysctls = (names: string[]) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: db\nspec:\n  securityContext:\n    sysctls:\n${names.map((name) => `      - name: ${name}\n        value: "1"\n`).join('')}  containers:\n    - name: app\n`;

ruleTester('k8s/unsafe-sysctl', {
  valid: [
    { name: 'the safe set of Kubernetes 1.0', code: podWithSysctls(['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start']) },
    { name: 'added in 1.29 and 1.37', code: podWithSysctls(['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_notsent_lowat']) },
    { name: 'a 1.32 sysctl on 1.32', code: podWithSysctls(['net.ipv4.tcp_rmem']), options: { kubernetesVersion: 'v1.32' } },
    'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n',
  ],
  invalid: [
    {
      name: 'net.core.somaxconn (a Redis chart favourite) and kernel.msgmax',
      code: podWithSysctls(['net.core.somaxconn', 'net.ipv4.tcp_syncookies', 'kernel.msgmax']),
      errors: [
        { line: 8, column: 15, endLine: 8, endColumn: 33, message: 'Pod "db" sets sysctl net.core.somaxconn, which is not in the safe set: it reaches beyond the pod', severity: 'warning' },
        { line: 12, column: 15, endLine: 12, endColumn: 28, message: 'Pod "db" sets sysctl kernel.msgmax, which is not in the safe set: it reaches beyond the pod' },
      ],
      output: null,
    },
    {
      name: 'a sysctl made safe in 1.32, on a 1.31 cluster',
      code: podWithSysctls(['net.ipv4.tcp_wmem']),
      options: { kubernetesVersion: '1.31' },
      errors: [{ line: 8, column: 15, endLine: 8, endColumn: 32, message: /net\.ipv4\.tcp_wmem/ }],
    },
  ],
});
