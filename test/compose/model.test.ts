import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeBoolean, composeFileOf, isInterpolated, listItems, mounts, setting, type ComposeService } from '../../server/src/compose/model.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';

function services(text: string, uri = 'compose.yaml'): ComposeService[] | undefined {
  return composeFileOf(parseYamlFile(text, uri))?.services;
}

describe('Compose model: which files are Compose files', () => {
  it('by name: any services mapping, even without image or build (an override file)', () => {
    assert.deepEqual(services('services:\n  web:\n    environment: [DEBUG=1]\n', 'docker-compose.override.yml')?.map((s) => s.name), ['web']);
  });

  it('by shape in any YAML file: a service with an image name or a build', () => {
    assert.deepEqual(services('services:\n  api:\n    build: ./api\n  web:\n    image: nginx:1.27\n', 'stack.yml')?.map((s) => s.name), ['api', 'web']);
    assert.equal(services('services:\n  web:\n    ports: ["80:80"]\n', 'stack.yml'), undefined);
  });

  it('not: a Helm values file whose image is a mapping, a services list, a Helm template, apiVersion/kind', () => {
    assert.equal(services('services:\n  web:\n    image:\n      repository: nginx\n', 'values.yaml'), undefined);
    assert.equal(services('services:\n  - postgres:17\n', '.gitlab-ci.yml'), undefined);
    assert.equal(services('services:\n  web:\n    image: {{ .Values.image }}\n', 'chart/templates/compose.yaml'), undefined);
    assert.equal(services('apiVersion: v1\nkind: ConfigMap\nservices:\n  web:\n    image: nginx\n', 'compose.yaml'), undefined);
  });

  it('service names, ranges on the names; aliases and merge keys followed', () => {
    const text = 'x-base: &base\n  image: nginx:1.27\nservices:\n  web: *base\n  api:\n    <<: *base\n    user: root\n';
    const found = services(text);
    assert.deepEqual(found?.map((s) => [s.name, text.slice(s.keyRange.start, s.keyRange.end)]), [['web', 'web'], ['api', 'api']]);
    const api = found?.[1];
    assert.ok(api);
    assert.equal(setting(api, 'image')?.value, 'nginx:1.27');
    assert.equal(setting(api, 'user')?.value, 'root');
  });
});

describe('Compose model: values as docker compose reads them', () => {
  it('interpolation is unknown; $$ is a literal dollar', () => {
    for (const text of ['${VAR}', '$VAR', 'a-${B:-c}', 'x$Y']) assert.equal(isInterpolated(text), true, text);
    for (const text of ['$$VAR', 'price: 5$', 'plain', '$1']) assert.equal(isInterpolated(text), false, text);
  });

  it('booleans: YAML true and the strings compose-go converts', () => {
    const [web] = services('services:\n  web:\n    image: a:1\n    a: true\n    b: "Yes"\n    c: "on"\n    d: "0"\n    e: ${X}\n    f: false\n') ?? [];
    assert.ok(web);
    assert.deepEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((key) => composeBoolean(setting(web, key))), [true, true, true, undefined, undefined, false]);
  });

  it('list items: strings only, interpolated ones left out, written node kept for removal', () => {
    const text = 'services:\n  web:\n    image: a:1\n    cap_add: [NET_ADMIN, "${CAP}", 7, &c SYS_TIME, *c]\n';
    const [web] = services(text) ?? [];
    assert.ok(web);
    const items = listItems(web, 'cap_add');
    assert.deepEqual(items.map((item) => [item.value, text.slice(item.range.start, item.range.end), item.ownList]), [['NET_ADMIN', 'NET_ADMIN', true], ['SYS_TIME', 'SYS_TIME', true], ['SYS_TIME', '*c', true]]);
  });

  it('mounts: short and long syntax, with the source range', () => {
    const text = 'services:\n  web:\n    image: a:1\n    volumes:\n      - "/srv/data:/data:ro"\n      - cache:/cache\n      - /anonymous\n      - type: bind\n        source: ./conf\n        target: /conf\n        read_only: true\n      - type: tmpfs\n        target: /tmp\n';
    const [web] = services(text) ?? [];
    assert.ok(web);
    assert.deepEqual(
      mounts(web, text).map((m) => [m.type, m.source, m.readOnly, text.slice(m.sourceRange.start, m.sourceRange.end)]),
      [['bind', '/srv/data', true, '/srv/data'], ['volume', 'cache', false, 'cache'], ['bind', './conf', true, './conf']],
    );
  });

  it('a short-syntax source written with escapes is ranged on the whole item', () => {
    const text = 'services:\n  web:\n    image: a:1\n    volumes:\n      - "\\x2Fetc:/etc"\n';
    const [web] = services(text) ?? [];
    assert.ok(web);
    const [mount] = mounts(web, text);
    assert.equal(mount?.source, '/etc');
    assert.equal(text.slice(mount.sourceRange.start, mount.sourceRange.end), '"\\x2Fetc:/etc"');
  });
});
