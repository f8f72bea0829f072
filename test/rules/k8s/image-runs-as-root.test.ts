// k8s/image-runs-as-root: a pod in one file, the Dockerfile that builds its image in another.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintWorkspace } from '../../support/workspaceTester.js';

const RULE = 'k8s/image-runs-as-root';
const deployment = (image: string, securityContext = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  template:
    spec:
      containers:
        - name: server
          image: ${image}${securityContext}
`;
const ROOT_DOCKERFILE = 'FROM node:22\nWORKDIR /app\nCOPY . .\nUSER root\nCMD ["node", "server.js"]\n';
const NON_ROOT_DOCKERFILE = 'FROM node:22\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n';

describe(RULE, () => {
  it('reports on the container image and on the Dockerfile, each pointing to the other', () => {
    const found = lintWorkspace(RULE, {
      'deploy/cart.yaml': deployment('gcr.io/acme/cartservice:1.4'),
      'src/cartservice/Dockerfile': ROOT_DOCKERFILE,
    });
    assert.deepEqual(found['deploy/cart.yaml'], [
      {
        line: 10,
        column: 18,
        endLine: 10,
        endColumn: 45,
        message: 'Container "server" runs gcr.io/acme/cartservice:1.4, built by src/cartservice/Dockerfile, which runs as root (USER root): set runAsNonRoot: true and a runAsUser above 0, or add a USER to the Dockerfile',
        related: [{ file: 'src/cartservice/Dockerfile', line: 4, message: 'The Dockerfile that builds gcr.io/acme/cartservice:1.4 runs as root here' }],
      },
    ]);
    assert.deepEqual(found['src/cartservice/Dockerfile'], [
      {
        line: 4,
        column: 6,
        endLine: 4,
        endColumn: 10,
        message: 'This image runs as root (USER root) and Deployment "cart" runs it without runAsNonRoot or a non-root runAsUser (deploy/cart.yaml)',
        related: [{ file: 'deploy/cart.yaml', line: 10, message: 'Container "server" runs this image as root' }],
      },
    ]);
  });

  it('matches a Dockerfile one folder down (src/<name>/src/Dockerfile) and by the images option', () => {
    assert.equal(lintWorkspace(RULE, { 'k8s.yaml': deployment('cartservice'), 'src/cartservice/src/Dockerfile': ROOT_DOCKERFILE })['k8s.yaml']?.length, 1);
    const declared = lintWorkspace(RULE, { 'k8s.yaml': deployment('registry.acme.io/shop/cart:2'), 'services/api/Dockerfile': ROOT_DOCKERFILE }, { images: { 'registry.acme.io/shop/cart': 'services/api/Dockerfile' } });
    assert.equal(declared['k8s.yaml']?.length, 1);
  });

  it('a Dockerfile without USER on a root base image counts as root, on its FROM', () => {
    const found = lintWorkspace(RULE, { 'k8s.yaml': deployment('cartservice'), 'cartservice/Dockerfile': 'FROM python:3.13-slim\nCMD ["python", "app.py"]\n' });
    assert.deepEqual(found['cartservice/Dockerfile']?.map((f) => [f.line, f.column, f.endColumn]), [[1, 1, 5]]);
  });

  it('matches an image of its own owner by name, even when the name is a published image\'s (ingress-nginx builds registry.k8s.io/ingress-nginx/nginx)', () => {
    for (const image of ['registry.k8s.io/ingress-nginx/nginx:v1', 'ghcr.io/acme/nginx:1.0']) {
      const found = lintWorkspace(RULE, { 'k8s.yaml': deployment(image), 'images/nginx/rootfs/Dockerfile': ROOT_DOCKERFILE });
      assert.equal(found['k8s.yaml']?.length, 1, image);
    }
  });

  it('is quiet when the pod enforces a non-root user, the image runs as non-root, or the match is not unique', () => {
    const quiet: Record<string, string>[] = [
      { 'k8s.yaml': deployment('cartservice', '\n          securityContext:\n            runAsNonRoot: true'), 'cartservice/Dockerfile': ROOT_DOCKERFILE },
      { 'k8s.yaml': deployment('cartservice', '\n          securityContext:\n            runAsUser: 10001'), 'cartservice/Dockerfile': ROOT_DOCKERFILE },
      { 'k8s.yaml': deployment('cartservice'), 'cartservice/Dockerfile': NON_ROOT_DOCKERFILE },
      { 'k8s.yaml': deployment('cartservice'), 'a/cartservice/Dockerfile': ROOT_DOCKERFILE, 'b/cartservice/Dockerfile': ROOT_DOCKERFILE },
      { 'k8s.yaml': deployment('nginx:1.27'), 'cartservice/Dockerfile': ROOT_DOCKERFILE },
      // A published image is not the workspace's own, whatever its folders are called (GoogleCloudPlatform/kubernetes-engine-samples).
      { 'k8s.yaml': deployment('python:3.10-slim'), 'quickstarts/languages/python/Dockerfile': ROOT_DOCKERFILE },
      // Nor is a mirror of one (kubernetes/ingress-nginx builds its own nginx base in images/nginx; its docs run Google's old mirror).
      { 'k8s.yaml': deployment('gcr.io/google_containers/nginx'), 'images/nginx/rootfs/Dockerfile': ROOT_DOCKERFILE },
      { 'k8s.yaml': deployment('docker.mirror.hashicorp.services/nginx:1.27'), 'images/nginx/Dockerfile': ROOT_DOCKERFILE },
      { 'k8s.yaml': deployment('mirror.gcr.io/library/redis:7'), 'images/redis/Dockerfile': ROOT_DOCKERFILE },
      { 'k8s.yaml': deployment('{{ .Values.image }}'), 'cartservice/Dockerfile': ROOT_DOCKERFILE },
      { 'cartservice/Dockerfile': ROOT_DOCKERFILE },
    ];
    for (const files of quiet) assert.deepEqual(lintWorkspace(RULE, files), {}, JSON.stringify(Object.keys(files)));
  });
});
