// dockerfile/compose-sensitive-mount: a Compose service mounts the Docker socket or a host path that
// hands over the host (/, /etc, /proc, /sys, /var/lib/docker, …); ordinary bind mounts are fine.
import { boundHostPath, composeFileOf, mounts, type Mount } from '../../server/src/compose/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { isSensitiveComposeMount } from './compose-host-paths.js';
import { forEachService, serviceLabel } from './compose-support.js';

/** The Docker Engine's socket (Linux, rootless, Docker Desktop) and named pipe (Windows). */
const DOCKER_SOCKET = /(?:^|[/\\])(?:docker\.sock|docker_engine)$/i;
/** Where the Docker socket lives on Linux hosts: a mount of a folder above it (`/var/run`) hands it over too. */
const DOCKER_SOCKET_PATHS: readonly string[] = ['/var/run/docker.sock', '/run/docker.sock'];

export default defineRule({
  meta: {
    id: 'dockerfile/compose-sensitive-mount',
    title: 'Compose service mounts the Docker socket or a sensitive host path',
    defaultSeverity: 'error',
    description:
      "Flags Docker Compose bind mounts (short `/host:/container` and long `type: bind` syntax, and named volumes whose `driver_opts` bind a `device`) of container runtime sockets (`/var/run/docker.sock`, …) and host paths such as `/`, `/etc`, `/proc`, `/sys`, `/root`, `/boot` and `/var/lib/docker`. Below /etc only credentials and the host's own configuration count (`/etc/shadow`, `/etc/ssh`, `/etc/docker`, …; `/etc/hosts` and the trust store when writable): an application's folder (`/etc/pihole`), the time zone files, project folders (`./app:/app`) and named volumes are not reported.",
    rationale:
      "Whoever can talk to the Docker socket can start a privileged container with the host's / mounted: the socket is root on the host, read-only or not. System directories let the container read host secrets (/etc/shadow, kubelet and Docker credentials) or change the host's configuration and kernel settings.",
    remediation:
      'Remove the mount. A service that must drive Docker (a CI runner, Traefik, Portainer) is better served by a socket proxy that allows only the API calls it needs; mount other host paths as narrowly as possible and read-only, and suppress with a reason.',
    peers: { kics: ['Docker Socket Mounted In Container', 'Volume Has Sensitive Host Directory'] },
    messages: {
      dockerSocket: '{{service}} mounts the Docker socket {{path}}: whoever controls the service controls the host',
      socketFolder: '{{service}} mounts {{path}}, which holds the Docker socket: whoever controls the service controls the host',
      volumeDevice: 'Volume "{{volume}}" binds sensitive host path {{path}}: the services that mount it can read or change the host through it',
      sensitive: '{{service}} mounts sensitive host path {{path}}: the service can read or change the host through it',
    },
    fixes: [],
    preset: 'recommended',
  },
  checkYaml(file, context) {
    forEachService(file, (service) => {
      for (const mount of mounts(service, file.text)) {
        const path = mount.source;
        if (!path || !isHostMount(mount) || !isSensitiveComposeMount(path, mount.readOnly)) continue;
        context.report({
          messageId: messageIdOf(path),
          data: { service: serviceLabel(service), path },
          range: mount.sourceRange,
        });
      }
    });
    // A named volume whose driver options bind a host folder: reported once, where the folder is named.
    for (const volume of composeFileOf(file)?.volumes ?? []) {
      const bound = boundHostPath(volume);
      if (bound && isSensitiveComposeMount(bound.path, false)) context.report({ messageId: 'volumeDevice', data: { volume: volume.name, path: bound.path }, range: bound.range });
    }
  },
});

function isHostMount(mount: Mount): boolean {
  return mount.type === 'bind' || mount.type === 'npipe';
}

function messageIdOf(path: string): 'dockerSocket' | 'socketFolder' | 'sensitive' {
  if (DOCKER_SOCKET.test(path)) return 'dockerSocket';
  const folder = path.replace(/\/+$/, '');
  return folder !== '' && DOCKER_SOCKET_PATHS.some((socket) => socket.startsWith(`${folder}/`)) ? 'socketFolder' : 'sensitive';
}
