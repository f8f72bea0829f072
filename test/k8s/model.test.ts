// The Kubernetes model: which resources and pod specs a YAML file holds, every container kind, each
// container's effective security context, and the YAML shapes (aliases, merges, lists, CRLF, broken
// documents, odd input) it must survive.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isScalar } from 'yaml';
import { lint } from '../../server/src/linter/lint.js';
import type { OffsetRange } from '../../server/src/text/positions.js';
import { INHERITED_FIELDS, type Container } from '../../server/src/k8s/model.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';
import { dedent } from '../support/ruleTester.js';

const parse = (text: string) => parseYamlFile(text, 'manifest.yaml');
const textAt = (text: string, range: OffsetRange | undefined) => (range ? text.slice(range.start, range.end) : undefined);
const names = (containers: Container[]) => containers.map((c) => `${c.kind}:${c.name}`);

/** Each workload kind with its pod spec where Kubernetes keeps it; the pod spec says `restartPolicy: Never`. */
const WORKLOADS: Record<string, string> = {
  Pod: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {app: x}\nspec:\n  restartPolicy: Never\n  containers: [{name: app}]\n',
  Deployment: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      restartPolicy: Never\n      containers: [{name: app}]\n',
  StatefulSet: 'apiVersion: apps/v1\nkind: StatefulSet\nspec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      restartPolicy: Never\n      containers: [{name: app}]\n',
  DaemonSet: 'apiVersion: apps/v1\nkind: DaemonSet\nspec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      restartPolicy: Never\n      containers: [{name: app}]\n',
  ReplicaSet: 'apiVersion: apps/v1\nkind: ReplicaSet\nspec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      restartPolicy: Never\n      containers: [{name: app}]\n',
  ReplicationController: 'apiVersion: v1\nkind: ReplicationController\nspec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      restartPolicy: Never\n      containers: [{name: app}]\n',
  Job: 'apiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    metadata:\n      labels: {app: x}\n    spec:\n      restartPolicy: Never\n      containers: [{name: app}]\n',
  CronJob: 'apiVersion: batch/v1\nkind: CronJob\nspec:\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels: {app: x}\n        spec:\n          restartPolicy: Never\n          containers: [{name: app}]\n',
  PodTemplate: 'apiVersion: v1\nkind: PodTemplate\ntemplate:\n  metadata:\n    labels: {app: x}\n  spec:\n    restartPolicy: Never\n    containers: [{name: app}]\n',
};

describe('k8s model: workloads', () => {
  for (const [kind, text] of Object.entries(WORKLOADS)) {
    it(`${kind} finds its pod spec and the pod template's metadata`, () => {
      const file = parse(text);
      assert.equal(file.resources.length, 1);
      const [podSpec] = file.podSpecs;
      assert.equal(podSpec?.resource.kind, kind);
      const nav = podSpec.resource.nav;
      assert.equal(nav.string(podSpec.node, 'restartPolicy'), 'Never');
      assert.equal(nav.string(nav.map(podSpec.metadata, 'labels'), 'app'), 'x');
      assert.deepEqual(names(file.containers), ['container:app']);
      assert.equal(textAt(text, podSpec.resource.kindRange), kind);
    });
  }

  it('resources without a pod spec are resources, with no containers', () => {
    const file = parse('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: prod\nspec:\n  template:\n    spec:\n      containers: [{name: nope}]\n');
    assert.deepEqual(
      file.resources.map((r) => [r.apiVersion, r.kind, r.name, r.namespace, r.podSpec]),
      [['v1', 'Service', 'web', 'prod', undefined]],
    );
    assert.equal(file.containers.length, 0);
  });

  it('a workload whose pod spec is missing or not a mapping has none', () => {
    const file = parse('apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 1\n---\napiVersion: v1\nkind: Pod\nspec: [a, b]\n');
    assert.deepEqual(file.resources.map((r) => [r.kind, r.podSpec]), [['Deployment', undefined], ['Pod', undefined]]);
  });

  it('needs both apiVersion and a string kind', () => {
    const file = parse('kind: Pod\nspec: {containers: [{name: a}]}\n---\napiVersion: v1\nkind: 5\n---\napiVersion: v1\nspec: {}\n');
    assert.equal(file.resources.length, 0);
  });
});

describe('k8s model: containers', () => {
  const text = dedent(`
    apiVersion: v1
    kind: Pod
    spec:
      ephemeralContainers:
        - name: debug
      containers:
        - name: web
        - image: nginx:1.27
        - 5
      initContainers:
        - name: 'migrate'
  `);
  const file = parse(text);

  it('lists containers, then init containers, then ephemeral containers, skipping items that are not mappings', () => {
    assert.deepEqual(names(file.containers), ['container:web', 'container:(unnamed)', 'initContainer:migrate', 'ephemeralContainer:debug']);
  });

  it("anchors each container on its name's value, or on its first key when unnamed", () => {
    assert.deepEqual(file.containers.map((c) => textAt(text, c.anchor)), ['web', 'image', "'migrate'", 'debug']);
  });

  it('every container points back to its pod spec and resource', () => {
    for (const container of file.containers) assert.equal(container.podSpec.resource.kind, 'Pod');
  });

  it('a pod spec with no container lists has no containers', () => {
    assert.equal(parse('apiVersion: v1\nkind: Pod\nspec:\n  containers: {name: a}\n').containers.length, 0);
  });
});

describe('k8s model: effective security context', () => {
  const text = dedent(`
    apiVersion: v1
    kind: Pod
    spec:
      securityContext:
        runAsUser: 1000
        runAsGroup: 3000
        runAsNonRoot: true
        seLinuxOptions: { level: "s0:c123,c456" }
        seccompProfile: { type: RuntimeDefault }
        appArmorProfile: { type: RuntimeDefault }
        windowsOptions: { runAsUserName: app }
        fsGroup: 2000
        privileged: true
        readOnlyRootFilesystem: true
      containers:
        - name: inherits
          securityContext:
            allowPrivilegeEscalation: false
        - name: overrides
          securityContext:
            runAsUser: 0
            seccompProfile: { type: Unconfined }
            privileged: false
            capabilities: { drop: [ALL] }
            procMount: Default
            readOnlyRootFilesystem: false
  `);
  const [inherits, overrides] = parse(text).containers;

  it('inherits every pod-level field Kubernetes inherits', () => {
    for (const field of INHERITED_FIELDS) assert.equal(inherits.effective[field]?.origin, 'pod', field);
    assert.equal(inherits.effective.runAsUser?.value, 1000);
    assert.equal(textAt(text, inherits.effective.runAsUser?.range), 'runAsUser: 1000');
  });

  it('does not inherit pod-level fields that exist only on containers, nor pod-only fields', () => {
    assert.equal(inherits.effective.privileged, undefined);
    assert.equal(inherits.effective.readOnlyRootFilesystem, undefined);
    assert.equal('fsGroup' in inherits.effective, false);
  });

  it("takes the container's own fields, which win over the pod's", () => {
    assert.equal(inherits.effective.allowPrivilegeEscalation?.value, false);
    assert.equal(inherits.effective.allowPrivilegeEscalation?.origin, 'container');
    const own = overrides.effective;
    assert.equal(own.runAsUser?.value, 0);
    assert.equal(own.runAsUser?.origin, 'container');
    assert.equal(textAt(text, own.runAsUser?.range), 'runAsUser: 0');
    assert.equal(textAt(text, own.seccompProfile?.valueRange), '{ type: Unconfined }');
    assert.deepEqual(
      (['privileged', 'capabilities', 'procMount', 'readOnlyRootFilesystem'] as const).map((f) => own[f]?.origin),
      ['container', 'container', 'container', 'container'],
    );
    // Fields the container leaves alone are still the pod's.
    assert.equal(own.runAsGroup?.value, 3000);
    assert.equal(own.runAsGroup?.origin, 'pod');
  });

  it('reads boolean settings as Kubernetes does (YAML 1.1): plain yes/on/y are true, no/off/n false, quoted words are strings', () => {
    const [container] = parse(
      'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: {runAsNonRoot: on}\n  containers:\n    - name: a\n      securityContext: {privileged: yes, allowPrivilegeEscalation: N, readOnlyRootFilesystem: "yes", procMount: "no"}\n',
    ).containers;
    const { runAsNonRoot, privileged, allowPrivilegeEscalation, readOnlyRootFilesystem, procMount } = container.effective;
    assert.deepEqual(
      [runAsNonRoot?.value, privileged?.value, allowPrivilegeEscalation?.value, readOnlyRootFilesystem?.value, procMount?.value],
      [true, true, false, 'yes', 'no'],
    );
  });

  it('a pod without any securityContext leaves every container with an empty effective context', () => {
    const [container] = parse('apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a}]\n').containers;
    assert.deepEqual(container.effective, {});
  });
});

describe('k8s model: lists and multi-document files', () => {
  it('expands the items of a kind: List and of typed lists', () => {
    const text = dedent(`
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          spec: { containers: [{ name: a }] }
        - not a resource
        - apiVersion: v1
          kind: ConfigMap
    ---
      apiVersion: apps/v1
      kind: DeploymentList
      items:
        - apiVersion: apps/v1
          kind: Deployment
          spec: { template: { spec: { containers: [{ name: b }] } } }
    `);
    const file = parse(text);
    assert.deepEqual(file.resources.map((r) => r.kind), ['Pod', 'ConfigMap', 'Deployment']);
    assert.deepEqual(names(file.containers), ['container:a', 'container:b']);
  });

  it('a List without items holds nothing', () => {
    assert.equal(parse('apiVersion: v1\nkind: List\n---\napiVersion: v1\nkind: List\nitems: {a: 1}\n').resources.length, 0);
  });

  it('reads every document of a multi-document file, skipping empty ones', () => {
    const text = '---\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n---\n# nothing\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a}]}\n...\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: b}]}\n';
    const file = parse(text);
    assert.deepEqual(file.resources.map((r) => `${r.kind}/${r.name}`), ['Namespace/shop', 'Pod/a', 'Pod/b']);
    assert.equal(textAt(text, file.resources[2].kindRange), 'Pod');
    assert.equal(file.resources[2].kindRange.start, text.lastIndexOf('Pod'));
  });
});

describe('k8s model: anchors, aliases and merge keys', () => {
  const text = dedent(`
    apiVersion: apps/v1
    kind: Deployment
    spec:
      template:
        spec:
          securityContext: &podDefaults
            runAsNonRoot: true
          initContainers:
            - &base
              name: base
              securityContext: &hardened
                readOnlyRootFilesystem: true
                allowPrivilegeEscalation: false
          containers:
            - *base
            - name: merged
              securityContext:
                <<: *hardened
                allowPrivilegeEscalation: true
            - name: merged-list
              securityContext:
                <<: [{ privileged: false }, { privileged: true, procMount: Default }]
  `);
  const file = parse(text);
  const byName = new Map(file.containers.map((c) => [`${c.kind}:${c.name}`, c]));

  it('resolves a whole container written as an alias', () => {
    assert.deepEqual(names(file.containers), ['container:base', 'container:merged', 'container:merged-list', 'initContainer:base']);
    assert.equal(byName.get('container:base')?.effective.readOnlyRootFilesystem?.value, true);
  });

  it('reads merged keys, with the mapping’s own keys winning', () => {
    const merged = byName.get('container:merged')?.effective;
    assert.equal(merged?.readOnlyRootFilesystem?.value, true);
    // The merged value is reported where it is written: under the anchor.
    assert.equal(merged?.readOnlyRootFilesystem?.range.start, text.indexOf('readOnlyRootFilesystem: true'));
    assert.equal(merged?.allowPrivilegeEscalation?.value, true);
    assert.equal(textAt(text, merged?.allowPrivilegeEscalation?.range), 'allowPrivilegeEscalation: true');
  });

  it('takes the first mapping that has the key in a merge list', () => {
    const own = byName.get('container:merged-list')?.effective;
    assert.equal(own?.privileged?.value, false);
    assert.equal(own?.procMount?.value, 'Default');
  });

  it('inherits a pod-level context that is anchored', () => {
    assert.equal(byName.get('container:merged')?.effective.runAsNonRoot?.origin, 'pod');
  });

  it("an alias's range is the alias, not its anchor", () => {
    const aliased = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {flag: &on true}\nspec:\n  hostNetwork: *on\n  containers: []\n';
    const podSpec = parse(aliased).podSpecs[0];
    const field = podSpec.resource.nav.field(podSpec.node, 'hostNetwork');
    assert.equal(field?.value, true);
    assert.equal(textAt(aliased, field?.range), 'hostNetwork: *on');
    assert.equal(textAt(aliased, field?.valueRange), '*on');
    assert.ok(isScalar(field?.node) && field.node.value === true);
  });

  it('survives a mapping that merges itself and a container that aliases its own pod spec', () => {
    const file = parse('apiVersion: v1\nkind: Pod\nspec: &s\n  <<: *s\n  containers: [{name: a}]\n---\napiVersion: v1\nkind: Pod\nspec: &t\n  containers: [*t]\n');
    assert.deepEqual(names(file.containers), ['container:a', 'container:(unnamed)']);
  });
});

describe('k8s model: positions', () => {
  it('keeps offsets exact with CRLF line ends', () => {
    const text = 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - name: web\r\n      securityContext:\r\n        privileged: true\r\n';
    const [container] = parse(text).containers;
    assert.equal(textAt(text, container.anchor), 'web');
    assert.equal(textAt(text, container.effective.privileged?.range), 'privileged: true');
    const [finding] = lint(text, { uri: 'pod.yaml', config: { rules: { 'k8s/privileged-container': {} } } });
    assert.deepEqual(finding.range, { start: { line: 6, character: 8 }, end: { line: 6, character: 24 } });
  });

  it('counts UTF-16 code units after non-ASCII text, as the editor does', () => {
    const text = '# 🚀 déploiement\napiVersion: v1\nkind: Pod\nmetadata: {name: "naïve"}\nspec: {nodeSelector: {zone: "zürich-🚀"}, hostPID: true, containers: []}\n';
    const [finding] = lint(text, { uri: 'pod.yaml', config: { rules: { 'k8s/host-pid': {} } } });
    assert.equal(finding.message, 'Pod "naïve" shares the host\'s process namespace (hostPID: true)');
    assert.deepEqual(finding.range, { start: { line: 4, character: 42 }, end: { line: 4, character: 55 } });
  });
});

describe('k8s model: syntax errors', () => {
  it('an unknown alias keeps its document out of the Kubernetes model (its value would read as empty), not the others', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext: *hardened\n  containers: [{name: app}]\n---\napiVersion: v1\nkind: Pod\nspec:\n  hostIPC: true\n  containers: []\n';
    assert.deepEqual(parse(text).documents.map((d) => d.hasUnknownAlias), [true, false]);
    assert.deepEqual(parse(text).resources.map((r) => r.node.range?.[0]), [text.indexOf('apiVersion', 10)]);
    const findings = lint(text, { uri: 'pods.yaml', config: { rules: { 'k8s/yaml-syntax': {}, 'k8s/host-ipc': {}, 'k8s/seccomp': {} } } });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`),
      ['k8s/yaml-syntax@4', 'k8s/host-ipc@10'],
    );
  });

  it('are one k8s/yaml-syntax finding each, and the other documents are still linted', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers: [\n---\napiVersion: v1\nkind: Pod\nspec:\n  hostIPC: true\n  containers: []\n---\nkey: value\n\tindented: with a tab\n';
    const file = parse(text);
    assert.deepEqual(file.documents.map((d) => d.hasErrors), [true, false, true]);
    assert.deepEqual(file.resources.map((r) => r.kind), ['Pod']);
    const findings = lint(text, { uri: 'pods.yaml', config: { rules: { 'k8s/yaml-syntax': {}, 'k8s/host-ipc': {} } } });
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line + 1, f.range.start.character + 1]),
      [
        ['k8s/yaml-syntax', 5, 1],
        ['k8s/host-ipc', 9, 3],
        ['k8s/yaml-syntax', 13, 1],
      ],
    );
  });

  it('an unclosed quote ends at the next `---`: the documents after it are still linted, with or without the editor’s cache', () => {
    const text = 'metadata:\n  name: "unclosed\n---\napiVersion: v1\nkind: Pod\nspec:\n  hostIPC: true\n  containers: []\n';
    const findings = lint(text, { uri: 'pods.yaml', config: { rules: { 'k8s/yaml-syntax': {}, 'k8s/host-ipc': {} } } });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}`),
      ['k8s/yaml-syntax@3:1', 'k8s/host-ipc@7:3'],
    );
  });

  it('a duplicate key is reported on the repeated key, and its document is still linted (its tree is whole)', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  hostIPC: true\n  hostIPC: true\n  containers: []\n';
    assert.deepEqual(parse(text).documents.map((d) => d.hasErrors), [false]);
    const findings = lint(text, { uri: 'pod.yaml', config: { rules: { 'k8s/yaml-syntax': {}, 'k8s/host-ipc': {} } } });
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`),
      ['k8s/host-ipc@4:3-4:16', 'k8s/yaml-syntax@5:3-5:4'],
    );
  });

  it('reads a carriage return alone as a line break (old Mac files): the same findings at the same offsets as with line feeds', () => {
    const lf = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: c\n      env:\n        - {name: DB_PASSWORD, value: hunter2Xy9z}\n';
    const cr = lf.replace(/\n/g, '\r');
    const summary = (text: string) => lint(text, { uri: 'pod.yaml' }).map((f) => `${f.ruleId} ${f.offsets.start}-${f.offsets.end} ${f.message}`);
    assert.ok(summary(lf).some((f) => f.startsWith('k8s/host-pid')));
    assert.deepEqual(summary(cr), summary(lf));
  });

  it('a broken document yields no resource, so no finding built on a partial tree', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: true\n  containers: [{name: a\n';
    const findings = lint(text, { uri: 'pod.yaml' });
    // One error per unclosed bracket, both at the end of what was written.
    assert.deepEqual(findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`), ['k8s/yaml-syntax 5:23', 'k8s/yaml-syntax 5:23']);
  });
});

describe('k8s model: files that hold no resource', () => {
  const cases: Record<string, string> = {
    'an empty file': '',
    'whitespace only': '\n\n   \n',
    'comments only': '# Deployment goes here\n# kubectl apply -f .\n',
    'empty documents': '---\n---\n...\n',
    'a scalar document': 'just a string\n',
    'a sequence document': '- apiVersion: v1\n  kind: Pod\n  spec: {hostPID: true, containers: [{name: a}]}\n',
    // A NUL byte makes the file binary, which the engine does not lint at all (test/engine/limits.test.ts).
    'a byte-order mark': '\uFEFF\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: no resources and no findings`, () => {
      assert.equal(parse(text).resources.length, 0);
      assert.deepEqual(lint(text, { uri: 'x.yaml' }).filter((f) => f.ruleId !== 'k8s/yaml-syntax'), []);
    });
  }
});

describe('k8s model: huge and odd input', () => {
  it('lints a 10,000-line multi-document manifest and finds every pod', () => {
    const pod = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  containers:\n    - name: c\n      securityContext:\n        privileged: true\n---\n`;
    const text = Array.from({ length: 1000 }, (_, i) => pod(i)).join('');
    assert.equal(text.split('\n').length, 10_001);
    const findings = lint(text, { uri: 'big.yaml', config: { rules: { 'k8s/privileged-container': {} } } });
    assert.equal(findings.length, 1000);
    assert.equal(findings[999].range.start.line, 9998);
  });

  it('does not throw on pathological nesting, long lines, alias fan-out or wrong types', () => {
    const inputs = [
      '['.repeat(5000) + ']'.repeat(5000),
      Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'),
      `a: ${'x'.repeat(1_000_000)}\n`,
      'a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers: [null, 5, "x", [], {securityContext: "no"}, {name: a, securityContext: {capabilities: {add: SYS_ADMIN, drop: 7}}}]\n  volumes: [{hostPath: "/"}, {hostPath: {path: 5}}]\n',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: [1]}\nspec: {securityContext: [], containers: [{name: {x: 1}, ports: {hostPort: 80}}]}\n',
      'a: *undefined\n',
      '%YAML 9.9\n--- !<tag:weird> x\n',
    ];
    for (const text of inputs) assert.doesNotThrow(() => lint(text, { uri: 'odd.yaml' }));
  });
});

describe('k8s model: YAML that is not Kubernetes yields no Kubernetes findings', () => {
  const samples: Record<string, [string, string]> = {
    'a GitHub workflow': [
      '.github/workflows/ci.yml',
      dedent(`
        name: ci
        on:
          push:
            branches: [main]
        jobs:
          build:
            runs-on: ubuntu-latest
            container:
              image: node:22
              options: --privileged
            services:
              docker:
                image: docker:27-dind
                options: --privileged
            steps:
              - uses: actions/checkout@v4
              - run: npm ci && npm test
      `),
    ],
    'a docker-compose file': [
      'docker-compose.yml',
      dedent(`
        services:
          agent:
            image: portainer/agent:2.21.0
            privileged: true
            network_mode: host
            pid: host
            user: root
            cap_add: [SYS_ADMIN, NET_ADMIN]
            ports: ["9001:9001"]
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock
              - /:/host
      `),
    ],
    'a Helm values.yaml': [
      'charts/web/values.yaml',
      dedent(`
        replicaCount: 2
        image:
          repository: nginx
          tag: "1.27"
        podSecurityContext:
          runAsNonRoot: false
          seccompProfile: { type: Unconfined }
        securityContext:
          privileged: true
          allowPrivilegeEscalation: true
          capabilities:
            add: [SYS_ADMIN]
        hostNetwork: true
        containers:
          - name: web
            securityContext: { runAsUser: 0 }
        volumes:
          - name: docker
            hostPath: { path: /var/run/docker.sock }
      `),
    ],
    'an Ansible playbook that deploys to Kubernetes': [
      'playbooks/deploy.yml',
      dedent(`
        - name: Deploy the node agent
          hosts: localhost
          become: yes
          tasks:
            - name: Apply the DaemonSet
              kubernetes.core.k8s:
                state: present
                definition:
                  apiVersion: apps/v1
                  kind: DaemonSet
                  metadata: { name: agent, namespace: kube-system }
                  spec:
                    template:
                      spec:
                        hostPID: true
                        containers:
                          - name: agent
                            securityContext: { privileged: true }
      `),
    ],
  };
  for (const [name, [uri, text]] of Object.entries(samples)) {
    it(name, () => {
      const file = parse(text);
      assert.equal(file.syntaxErrors.length, 0, 'the sample is valid YAML');
      assert.deepEqual([file.resources.length, file.containers.length], [0, 0]);
      // The Helm chart checks (k8s/helm-*) read values files on purpose; every resource rule stays silent.
      const resourceFindings = lint(text, { uri }).filter((f) => f.ruleId.startsWith('k8s/') && !f.ruleId.startsWith('k8s/helm-'));
      assert.deepEqual(resourceFindings.map((f) => f.ruleId), []);
    });
  }
});
