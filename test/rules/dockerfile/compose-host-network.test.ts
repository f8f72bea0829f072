import { ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/compose-host-network', {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: bridge\n', filename: 'compose.yaml' },
    { name: "another service's network", code: 'services:\n  vpn:\n    image: wg:1\n  web:\n    image: nginx:1.27\n    network_mode: "service:vpn"\n', filename: 'compose.yaml' },
    { name: 'a network named host under networks: is not network_mode', code: 'services:\n  web:\n    image: nginx:1.27\n    networks: [host]\n', filename: 'compose.yaml' },
    { name: 'interpolated', code: 'services:\n  web:\n    image: nginx:1.27\n    network_mode: ${NET}\n', filename: 'compose.yaml' },
  ],
  invalid: [
    {
      name: 'the fix removes the setting',
      code: 'services:\n  plex:\n    image: plexinc/pms-docker:1.41\n    network_mode: host\n    restart: unless-stopped\n',
      filename: 'compose.yaml',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 23, severity: 'warning', message: 'Service "plex" shares the host\'s network stack (network_mode: host)' }],
      output: 'services:\n  plex:\n    image: plexinc/pms-docker:1.41\n    restart: unless-stopped\n',
    },
    {
      name: 'quoted',
      code: "services:\n  web:\n    image: nginx:1.27\n    network_mode: 'host'\n",
      filename: 'docker-compose.yml',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 25, messageId: 'flagged' }],
      output: 'services:\n  web:\n    image: nginx:1.27\n',
    },
  ],
});
