import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('dockerfile/compose-privileged', {
  valid: [
    { code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: false\n', filename: 'compose.yaml' },
    { name: 'interpolated: unknown until docker compose runs', code: 'services:\n  web:\n    image: nginx:1.27\n    privileged: ${PRIVILEGED:-false}\n', filename: 'compose.yaml' },
    { name: 'a Kubernetes resource is not a Compose file', code: 'apiVersion: v1\nkind: Pod\nservices:\n  web:\n    image: nginx:1.27\n    privileged: true\n', filename: 'compose.yaml' },
    { name: 'a YAML file with services but no image or build, not named like Compose', code: 'services:\n  web:\n    privileged: true\n', filename: 'config.yaml' },
    { name: 'GitLab CI services are a list, not a mapping', code: 'services:\n  - docker:dind\nbuild:\n  privileged: true\n', filename: '.gitlab-ci.yml' },
    { name: 'an extension field is not a service', code: 'x-defaults: &defaults\n  privileged: true\nservices:\n  web:\n    image: nginx:1.27\n', filename: 'compose.yaml' },
    { name: 'a document with a syntax error is skipped, as the Kubernetes model does', code: 'services:\n  web:\n    image: [nginx\n    privileged: true\n', filename: 'compose.yaml' },
  ],
  invalid: [
    {
      name: 'by file name; the fix removes the line',
      code: dedent(`
        services:
          web:
            image: nginx:1.27
            privileged: true
            ports: ["80:80"]
      `),
      filename: 'compose.yaml',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 21, severity: 'error', message: 'Service "web" runs privileged: it has full access to the host (privileged: true)' }],
      output: dedent(`
        services:
          web:
            image: nginx:1.27
            ports: ["80:80"]
      `),
    },
    {
      name: 'by shape in any YAML file: services with an image or a build',
      code: 'services:\n  app:\n    build: .\n    privileged: true\n',
      filename: 'deploy/stack.yml',
      errors: [{ line: 4, column: 5, endLine: 4, endColumn: 21, messageId: 'flagged' }],
      output: 'services:\n  app:\n    build: .\n',
    },
    {
      name: 'strings Compose reads as true (after interpolation), in a flow mapping',
      code: 'services:\n  a: { image: busybox:1.37, privileged: "yes" }\n  b:\n    image: busybox:1.37\n    privileged: "TRUE"\n  c:\n    image: busybox:1.37\n    privileged: "off"\n',
      filename: 'docker-compose.yml',
      errors: [
        { line: 2, column: 29, endLine: 2, endColumn: 46, message: /^Service "a" runs privileged/ },
        { line: 5, column: 5, endLine: 5, endColumn: 23, message: /^Service "b" runs privileged/ },
      ],
      output: 'services:\n  a: { image: busybox:1.37 }\n  b:\n    image: busybox:1.37\n  c:\n    image: busybox:1.37\n    privileged: "off"\n',
    },
    {
      name: 'through a merge key from an extension field: the finding sits where the setting is written, and no fix changes what other services share',
      code: 'x-privileged: &priv\n  privileged: true\nservices:\n  web:\n    <<: *priv\n    image: nginx:1.27\n',
      filename: 'compose.override.yaml',
      errors: [{ line: 2, column: 3, endLine: 2, endColumn: 19, message: /^Service "web" runs privileged/ }],
      output: null,
    },
    {
      name: 'CRLF line ends, after non-ASCII text, docker-compose.prod.yaml',
      code: '# Käse — 服务\r\nservices:\r\n  db:\r\n    image: postgres:17\r\n    privileged: true\r\n',
      filename: 'docker-compose.prod.yaml',
      errors: [{ line: 5, column: 5, endLine: 5, endColumn: 21, messageId: 'flagged' }],
      output: '# Käse — 服务\r\nservices:\r\n  db:\r\n    image: postgres:17\r\n',
    },
  ],
});
