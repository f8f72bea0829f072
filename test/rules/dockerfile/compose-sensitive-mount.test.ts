import { dedent, ruleTester } from '../../support/ruleTester.js';

const volumes = (...items: string[]) => `services:\n  app:\n    image: app:1.2\n    volumes:\n${items.map((item) => `      - ${item}\n`).join('')}`;

ruleTester('dockerfile/compose-sensitive-mount', {
  valid: [
    { name: 'project folders, home folders, named and anonymous volumes', code: volumes('./app:/app', '.:/src:cached', '../shared:/shared', '~/data:/data', 'db-data:/var/lib/postgresql/data', '/data'), filename: 'compose.yaml' },
    { name: 'the time zone files, read-only or not', code: volumes('/etc/localtime:/etc/localtime:ro', '/etc/timezone:/etc/timezone'), filename: 'compose.yaml' },
    { name: 'the trust store and hosts, read-only', code: volumes('/etc/ssl/certs:/etc/ssl/certs:ro', '/etc/hosts:/etc/hosts:ro'), filename: 'compose.yaml' },
    { name: "an application's own folder below /etc", code: volumes('"/etc/pihole/:/etc/pihole/"', '/etc/dnsmasq.d/:/etc/dnsmasq.d/'), filename: 'compose.yaml' },
    { name: 'single devices below /dev; /var/log is not a takeover path', code: volumes('/dev/snd:/dev/snd', '/var/log/app:/logs'), filename: 'compose.yaml' },
    { name: 'a named volume called like a path segment is a volume', code: volumes('etc:/etc'), filename: 'compose.yaml' },
    { name: 'interpolated source', code: volumes('${DOCKER_SOCK}:/var/run/docker.sock'), filename: 'compose.yaml' },
    { name: 'long syntax: a volume, tmpfs', code: 'services:\n  app:\n    image: app:1.2\n    volumes:\n      - type: volume\n        source: etc\n        target: /etc\n      - type: tmpfs\n        target: /proc\n', filename: 'compose.yaml' },
    { name: 'the container path is not the host path', code: volumes('./fake-proc:/proc'), filename: 'compose.yaml' },
    {
      name: 'named volumes: a bind of a data folder, NFS, an interpolated device',
      code: 'services:\n  app:\n    image: app:1.2\nvolumes:\n  data:\n    driver_opts: { type: none, o: bind, device: /srv/app-data }\n  nfs:\n    driver_opts: { type: nfs, o: "addr=10.0.0.2,rw", device: ":/etc" }\n  env:\n    driver_opts: { type: none, o: bind, device: "${DATA_DIR}" }\n',
      filename: 'compose.yaml',
    },
  ],
  invalid: [
    {
      name: 'the Docker socket (read-only too), on the source only',
      code: volumes('/var/run/docker.sock:/var/run/docker.sock', '"/run/docker.sock:/var/run/docker.sock:ro"'),
      filename: 'compose.yaml',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 29, severity: 'error', message: 'Service "app" mounts the Docker socket /var/run/docker.sock: whoever controls the service controls the host' },
        { line: 6, column: 10, endLine: 6, endColumn: 26, message: 'Service "app" mounts the Docker socket /run/docker.sock: whoever controls the service controls the host' },
      ],
      output: null,
    },
    {
      name: 'system directories, a folder holding the socket, credentials below /etc, writable hosts',
      code: volumes('/:/host:ro', '/proc:/host/proc:ro', '/var/run:/var/run', '/etc/ssh:/etc/ssh', '/etc/hosts:/etc/hosts', '/var/lib/docker/:/docker'),
      filename: 'compose.yaml',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 10, message: 'Service "app" mounts sensitive host path /: the service can read or change the host through it' },
        { line: 6, column: 9, endLine: 6, endColumn: 14, messageId: 'sensitive' },
        { line: 7, column: 9, endLine: 7, endColumn: 17, message: 'Service "app" mounts /var/run, which holds the Docker socket: whoever controls the service controls the host' },
        { line: 8, column: 9, endLine: 8, endColumn: 17, messageId: 'sensitive' },
        { line: 9, column: 9, endLine: 9, endColumn: 19, messageId: 'sensitive' },
        { line: 10, column: 9, endLine: 10, endColumn: 25, message: 'Service "app" mounts sensitive host path /var/lib/docker/: the service can read or change the host through it' },
      ],
    },
    {
      name: 'long syntax: type bind, read_only or not; the range is the source value',
      code: dedent(`
        services:
          agent:
            image: portainer/agent:2.21.0
            volumes:
              - type: bind
                source: /var/run/docker.sock
                target: /var/run/docker.sock
                read_only: true
              - { type: bind, source: "/sys", target: /host/sys }
      `),
      filename: 'docker-compose.yml',
      errors: [
        { line: 6, column: 17, endLine: 6, endColumn: 37, messageId: 'dockerSocket' },
        { line: 9, column: 31, endLine: 9, endColumn: 37, messageId: 'sensitive' },
      ],
    },
    {
      name: 'a named volume whose driver options bind a sensitive folder: reported once, on the device',
      code: dedent(`
        services:
          a:
            image: app:1.2
            volumes: [hostroot:/host]
          b:
            image: app:1.2
            volumes: ["hostroot:/host:ro"]
        volumes:
          hostroot:
            driver: local
            driver_opts:
              type: none
              o: bind
              device: /
      `),
      filename: 'compose.yaml',
      errors: [{ line: 14, column: 15, endLine: 14, endColumn: 16, message: 'Volume "hostroot" binds sensitive host path /: the services that mount it can read or change the host through it' }],
    },
    {
      name: 'Windows: the Docker named pipe and the system drive',
      code: volumes('\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine', 'C:\\:C:\\host'),
      filename: 'compose.yaml',
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 31, messageId: 'dockerSocket' },
        { line: 6, column: 9, endLine: 6, endColumn: 12, messageId: 'sensitive' },
      ],
    },
  ],
});
