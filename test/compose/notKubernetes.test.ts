// A Compose file has no apiVersion/kind: the Kubernetes model finds no resource in it, so no k8s rule
// reports on it, even where a service carries Kubernetes-looking keys.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeFileOf } from '../../server/src/compose/model.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';
import { at, lintCompose } from './lint.js';

const COMPOSE = `services:
  web:
    image: ghcr.io/acme/web:1.4.2
    privileged: true
    securityContext:
      privileged: true
      runAsUser: 0
    containers:
      - name: sidecar
        image: busybox
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
  db:
    image: ghcr.io/acme/db:17.2
    spec:
      hostNetwork: true
volumes:
  db-data: {}
`;

describe('a Compose file is never linted as Kubernetes', () => {
  it('the Kubernetes model holds no resource, the Compose model holds the services', () => {
    const file = parseYamlFile(COMPOSE, 'compose.yaml');
    assert.equal(file.resources.length, 0);
    assert.equal(file.containers.length, 0);
    assert.deepEqual(composeFileOf(file)?.services.map((service) => service.name), ['web', 'db']);
  });

  it('no k8s rule reports; the Compose rules do', () => {
    const findings = lintCompose(COMPOSE);
    assert.deepEqual(findings.filter((f) => f.ruleId.startsWith('k8s/')).map(at), []);
    assert.deepEqual(findings.map(at), ['4:5-4:21 dockerfile/compose-privileged', '12:9-12:29 dockerfile/compose-sensitive-mount']);
  });

  it('a Kubernetes manifest is not a Compose file, even named like one', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    assert.equal(composeFileOf(parseYamlFile(pod, 'compose.yaml')), undefined);
    assert.deepEqual(lintCompose(pod).filter((f) => f.ruleId.includes('compose')).map(at), []);
  });
});
