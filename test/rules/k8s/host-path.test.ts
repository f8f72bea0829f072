import { dedent, ruleTester } from '../../support/ruleTester.js';

const podWithHostPath = (path: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n  volumes:\n    - name: host\n      hostPath:\n        path: ${path}\n`;

ruleTester('k8s/host-path', {
  valid: [
    {
      name: 'emptyDir, configMap and PVC volumes',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n  volumes:\n    - name: tmp\n      emptyDir: {}\n    - name: config\n      configMap: { name: app }\n    - name: data\n      persistentVolumeClaim: { claimName: data }\n',
    },
    { name: 'docker-compose bind mount', filename: 'docker-compose.yml', code: 'services:\n  agent:\n    image: portainer/agent\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n' },
    { name: 'hostPath in a Helm values.yaml', filename: 'values.yaml', code: 'persistence:\n  hostPath:\n    path: /var/run/docker.sock\n' },
  ],
  invalid: [
    {
      name: 'a log agent DaemonSet: ordinary path (warning), runtime socket and kubelet state (errors)',
      code: dedent(`
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: log-agent
          namespace: logging
        spec:
          selector:
            matchLabels: { app: log-agent }
          template:
            metadata:
              labels: { app: log-agent }
            spec:
              containers:
                - name: fluent-bit
                  image: fluent/fluent-bit:3.1.9
              volumes:
                - name: varlog
                  hostPath:
                    path: /var/log
                - name: docker-sock
                  hostPath: { path: /var/run/docker.sock, type: Socket }
                - name: kubelet
                  hostPath:
                    path: /var/lib/kubelet/pods/
                - name: config
                  configMap: { name: log-agent }
      `),
      errors: [
        { line: 19, column: 13, endLine: 19, endColumn: 27, message: 'DaemonSet "log-agent" mounts host path /var/log (volume "varlog")', severity: 'warning' },
        { line: 21, column: 23, endLine: 21, endColumn: 49, message: 'DaemonSet "log-agent" mounts sensitive host path /var/run/docker.sock (volume "docker-sock"): the pod can read or take over the node through it', severity: 'error' },
        { line: 24, column: 13, endLine: 24, endColumn: 41, messageId: 'sensitive', severity: 'error' },
      ],
    },
    { name: 'the root filesystem', code: podWithHostPath('/'), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 16, messageId: 'sensitive', severity: 'error' }] },
    { name: 'a trailing slash does not hide /etc', code: podWithHostPath('/etc/'), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 20, message: /mounts sensitive host path \/etc\/ /, severity: 'error' }] },
    { name: 'a path under /etc', code: podWithHostPath('/etc/ssl/certs'), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 29, messageId: 'sensitive', severity: 'error' }] },
    { name: 'a directory that contains the Docker socket', code: podWithHostPath('/var/run'), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 23, messageId: 'sensitive', severity: 'error' }] },
    { name: 'doubled slashes do not hide the containerd socket', code: podWithHostPath('//run/containerd/containerd.sock'), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 47, messageId: 'sensitive', severity: 'error' }] },
    { name: '/etcd is not /etc', code: podWithHostPath('/etcd/data'), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 25, messageId: 'hostPath', severity: 'warning' }] },
    { name: 'one device is not all of /dev', code: podWithHostPath('/dev/fuse'), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 24, messageId: 'hostPath', severity: 'warning' }] },
    { name: 'all of /dev', code: podWithHostPath('/dev'), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 19, messageId: 'sensitive', severity: 'error' }] },
    { name: 'the system drive of a Windows node', code: podWithHostPath("'C:\\'"), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 20, messageId: 'sensitive', severity: 'error' }] },
    { name: 'the Windows kubelet state, any case and slash', code: podWithHostPath("'c:/Var/Lib/Kubelet/pods'"), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 40, messageId: 'sensitive', severity: 'error' }] },
    { name: 'C:\\k, where AKS Windows nodes keep the kubelet and its kubeconfig', code: podWithHostPath("'C:\\k\\config'"), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 28, messageId: 'sensitive', severity: 'error' }] },
    { name: 'a folder of a Windows node that holds the kubelet state', code: podWithHostPath("'C:\\var'"), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 23, messageId: 'sensitive', severity: 'error' }] },
    { name: 'an ordinary folder of a Windows node', code: podWithHostPath("'C:\\logs\\app'"), errors: [{ line: 11, column: 9, endLine: 11, endColumn: 28, messageId: 'hostPath', severity: 'warning' }] },
    {
      name: 'the Docker named pipe on a Windows node, any case',
      code: podWithHostPath("'\\\\.\\pipe\\Docker_Engine'"),
      errors: [{ line: 11, column: 9, endLine: 11, endColumn: 39, message: /mounts sensitive host path \\\\\.\\pipe\\Docker_Engine /, severity: 'error' }],
    },
    {
      name: 'volumes of a CronJob',
      code: dedent(`
        apiVersion: batch/v1
        kind: CronJob
        metadata:
          name: backup
        spec:
          schedule: "@daily"
          jobTemplate:
            spec:
              template:
                spec:
                  containers:
                    - name: restic
                  volumes:
                    - name: data
                      hostPath: { path: /srv/data, type: Directory }
      `),
      errors: [{ line: 15, column: 27, endLine: 15, endColumn: 42, message: 'CronJob "backup" mounts host path /srv/data (volume "data")', severity: 'warning' }],
    },
  ],
});
