import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/compose-host-ipc', {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    ipc: shareable\n', filename: 'compose.yaml' },
    { name: "another service's IPC namespace", code: 'services:\n  web:\n    image: nginx:1.27\n    ipc: "service:db"\n', filename: 'compose.yaml' },
  ],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    ipc: host\n',
      filename: 'compose.yaml',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 14, severity: 'warning', message: 'Service "web" shares the host\'s IPC namespace (ipc: host)' }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
  ],
});
