import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/restricted-volume-type', {
  valid: [
    {
      name: 'every type restricted allows',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
          volumes:
            - { name: a, configMap: { name: c } }
            - { name: b, secret: { secretName: s } }
            - { name: c, emptyDir: {} }
            - { name: d, projected: { sources: [] } }
            - { name: e, downwardAPI: { items: [] } }
            - { name: f, persistentVolumeClaim: { claimName: data } }
            - { name: g, csi: { driver: secrets-store.csi.k8s.io } }
            - { name: h, ephemeral: { volumeClaimTemplate: { spec: {} } } }
            - { name: i, image: { reference: "quay.io/models:v1" } }
            - { name: j }
      `),
    },
    { name: 'hostPath is k8s/host-path\'s', code: 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: app\n  volumes:\n    - name: logs\n      hostPath: { path: /var/log }\n' },
  ],
  invalid: [
    {
      name: 'nfs and gitRepo',
      code: dedent(`
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
                - name: app
              volumes:
                - name: shared
                  nfs:
                    server: nfs.internal
                    path: /exports
                - { name: site, gitRepo: { repository: "https://example.com/site.git" } }
      `),
      errors: [
        { line: 12, column: 11, endLine: 12, endColumn: 14, message: 'Deployment "web" volume "shared" is of type nfs, which Pod Security restricted forbids', severity: 'warning' },
        { line: 15, column: 25, endLine: 15, endColumn: 32, message: 'Deployment "web" volume "site" is of type gitRepo, which Pod Security restricted forbids' },
      ],
      output: null,
    },
  ],
});
