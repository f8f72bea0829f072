import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/compose-host-pid', {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n', filename: 'compose.yaml' },
    { name: "another service's process namespace", code: 'services:\n  debug:\n    image: busybox:1.37\n    pid: "service:web"\n', filename: 'compose.yaml' },
    { name: 'a number is a PID limit elsewhere, not a namespace', code: 'services:\n  web:\n    image: nginx:1.27\n    pids_limit: 100\n', filename: 'compose.yaml' },
  ],
  invalid: [
    {
      code: 'services:\n  exporter:\n    image: prom/node-exporter:v1.8.2\n    pid: host\n    command: ["--path.rootfs=/host"]\n',
      filename: 'compose.yaml',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 14, severity: 'error', message: 'Service "exporter" shares the host\'s process namespace (pid: host)' }],
      output: 'services:\n  exporter:\n    image: prom/node-exporter:v1.8.2\n    command: ["--path.rootfs=/host"]\n',
    },
  ],
});
