import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/compose-host-userns', {
  valid: [{ code: 'services:\n  web:\n    image: nginx:1.27\n', filename: 'compose.yaml' }],
  invalid: [
    {
      code: 'services:\n  web:\n    image: nginx:1.27\n    userns_mode: "host"\n',
      filename: 'compose.yaml',
      errors: [
        {
          line: 4,
          column: 5,
          endLine: 4,
          endColumn: 24,
          severity: 'warning',
          message: 'Service "web" opts out of the daemon\'s user-namespace remapping: root in the container is root on the host (userns_mode: host)',
        },
      ],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
  ],
});
