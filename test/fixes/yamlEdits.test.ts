// Each structured change kind, on the layouts users write: 2/4-space indent, sequences indented under
// their key or not, flow collections, comments, quoting, CRLF, and files without a final line break.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from '../../server/src/text/positions.js';
import type { FixChange } from '../../server/src/engine/types.js';
import { fixToEdits } from '../../server/src/fixes/fixToEdits.js';
import { applyEdits, type TextEdit } from '../../server/src/text/edits.js';
import { parseYamlFile } from '../../server/src/k8s/yamlFile.js';
import { dedent } from '../support/ruleTester.js';

type Path = (string | number)[];

/** Finds nodes of the parsed text by path, as a rule would hand them to the fix layer. */
class At {
  constructor(private readonly doc: Document.Parsed) {}
  node(path: Path): Node {
    const node = this.doc.getIn(path, true);
    assert.ok(node && typeof node === 'object', `no node at ${path.join('.')}`);
    return node as Node;
  }
  map(path: Path): YAMLMap {
    const node = path.length ? this.node(path) : this.doc.contents;
    assert.ok(isMap(node), `no mapping at ${path.join('.')}`);
    return node;
  }
  seq(path: Path): YAMLSeq {
    const node = this.node(path);
    assert.ok(isSeq(node), `no sequence at ${path.join('.')}`);
    return node;
  }
  pair(path: Path): Pair {
    const key = path[path.length - 1];
    const pair = this.map(path.slice(0, -1)).items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
    assert.ok(pair, `no pair at ${path.join('.')}`);
    return pair;
  }
}

/** The edits of one fix made of `changes`: none when the fix layer refuses it. */
function editsOf(text: string, changes: (at: At) => FixChange[]): TextEdit[] {
  const file = parseYamlFile(text, 'manifest.yaml');
  return fixToEdits(text, { title: 'test', changes: changes(new At(file.documents[0].doc)) }, new LineIndex(text), file);
}

/** Applies one fix made of `changes`; asserts it produced edits and that the result parses. */
function fix(text: string, changes: (at: At) => FixChange[]): string {
  const edits = editsOf(text, changes);
  assert.ok(edits.length > 0, 'the fix produced no edit');
  const output = applyEdits(text, edits);
  for (const doc of parseAllDocuments(output) as Document.Parsed[]) assert.deepEqual(doc.errors.map((e) => e.message), [], `output does not parse:\n${output}`);
  return output;
}

const container = ['spec', 'containers', 0];

describe('yaml.set', () => {
  it('replaces a plain scalar and keeps the comment after it', () => {
    const text = 'spec:\n  containers:\n    - name: a\n      securityContext:\n        runAsUser: 0 # root on purpose\n';
    assert.equal(fix(text, (at) => [{ kind: 'yaml.set', node: at.node([...container, 'securityContext', 'runAsUser']), value: 10001 }]), text.replace('0 #', '10001 #'));
  });

  it('keeps double and single quotes on strings', () => {
    const text = 'a:\n  type: "Unconfined"\nb:\n  type: \'Unconfined\'\n';
    const output = fix(text, (at) => [
      { kind: 'yaml.set', node: at.node(['a', 'type']), value: 'RuntimeDefault' },
      { kind: 'yaml.set', node: at.node(['b', 'type']), value: 'RuntimeDefault' },
    ]);
    assert.equal(output, 'a:\n  type: "RuntimeDefault"\nb:\n  type: \'RuntimeDefault\'\n');
  });

  it('writes a boolean unquoted even where the old value was a quoted string (quotes would keep it a string)', () => {
    assert.equal(fix('x: {allowPrivilegeEscalation: "true"}\n', (at) => [{ kind: 'yaml.set', node: at.node(['x', 'allowPrivilegeEscalation']), value: false }]), 'x: {allowPrivilegeEscalation: false}\n');
  });

  it('edits an anchored value where it is defined (every alias sees the change)', () => {
    const text = 'defaults: &sc {privileged: true}\nspec: {securityContext: *sc}\n';
    assert.equal(fix(text, (at) => [{ kind: 'yaml.set', node: at.node(['defaults', 'privileged']), value: false }]), 'defaults: &sc {privileged: false}\nspec: {securityContext: *sc}\n');
  });
});

describe('yaml.insert', () => {
  it('inserts a missing securityContext as a block at the container keys’ indentation (2 spaces)', () => {
    const text = dedent(`
      spec:
        containers:
          - name: web
            image: nginx
        volumes: []
    `);
    const output = fix(text, (at) => [
      { kind: 'yaml.insert', map: at.map(container), path: ['securityContext', 'runAsNonRoot'], value: true },
      { kind: 'yaml.insert', map: at.map(container), path: ['securityContext', 'runAsUser'], value: 10001 },
    ]);
    assert.equal(output, text.replace('image: nginx\n', 'image: nginx\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n'));
  });

  it('follows a 4-space document with sequences not indented under their key', () => {
    const text = 'spec:\n    containers:\n    - name: web\n      image: nginx\n';
    const output = fix(text, (at) => [{ kind: 'yaml.insert', map: at.map(container), path: ['securityContext', 'capabilities', 'drop'], value: ['ALL'] }]);
    assert.equal(output, `${text}      securityContext:\n          capabilities:\n              drop:\n              - ALL\n`);
  });

  it('completes an existing securityContext: new keys at the end of it, at its indentation, comments kept', () => {
    const text = dedent(`
      spec:
        containers:
          - name: web
            securityContext:
              # keep the image user
              runAsNonRoot: true
              capabilities:
                add: [NET_BIND_SERVICE]
            image: nginx
    `);
    const output = fix(text, (at) => [
      { kind: 'yaml.insert', map: at.map(container), path: ['securityContext', 'readOnlyRootFilesystem'], value: true },
      { kind: 'yaml.insert', map: at.map(container), path: ['securityContext', 'capabilities', 'drop'], value: ['ALL'] },
    ]);
    assert.equal(output, text.replace('add: [NET_BIND_SERVICE]\n', 'add: [NET_BIND_SERVICE]\n          drop:\n            - ALL\n        readOnlyRootFilesystem: true\n'));
  });

  it('keeps a flow securityContext in flow style', () => {
    const text = 'spec:\n  containers:\n    - name: web\n      securityContext: {runAsNonRoot: true}\n';
    const output = fix(text, (at) => [
      { kind: 'yaml.insert', map: at.map(container), path: ['securityContext', 'seccompProfile', 'type'], value: 'RuntimeDefault' },
      { kind: 'yaml.insert', map: at.map(container), path: ['securityContext', 'capabilities', 'drop'], value: ['ALL'] },
    ]);
    assert.equal(output, text.replace('{runAsNonRoot: true}', '{runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}, capabilities: {drop: [ALL]}}'));
  });

  it('fills an empty flow mapping', () => {
    assert.equal(fix('c: {securityContext: {}}\n', (at) => [{ kind: 'yaml.insert', map: at.map(['c']), path: ['securityContext', 'privileged'], value: false }]), 'c: {securityContext: {privileged: false}}\n');
  });

  it('renders a mapping value as block YAML', () => {
    const text = 'spec:\n  securityContext:\n    runAsNonRoot: true\n';
    const output = fix(text, (at) => [{ kind: 'yaml.insert', map: at.map(['spec']), path: ['securityContext', 'seccompProfile'], value: { type: 'RuntimeDefault' } }]);
    assert.equal(output, `${text}    seccompProfile:\n      type: RuntimeDefault\n`);
  });

  it('grows a key whose value is empty or null, keeping its comment', () => {
    const empty = 'c:\n  securityContext: # to do\n  image: x\n';
    assert.equal(fix(empty, (at) => [{ kind: 'yaml.insert', map: at.map(['c']), path: ['securityContext', 'privileged'], value: false }]), 'c:\n  securityContext: # to do\n    privileged: false\n  image: x\n');
    const tilde = 'c:\n  securityContext: ~\n';
    assert.equal(fix(tilde, (at) => [{ kind: 'yaml.insert', map: at.map(['c']), path: ['securityContext', 'privileged'], value: false }]), 'c:\n  securityContext:\n    privileged: false\n');
  });

  it('quotes strings YAML would read as something else', () => {
    assert.equal(fix('m:\n  a: 1\n', (at) => [{ kind: 'yaml.insert', map: at.map(['m']), path: ['flag'], value: 'true' }]), 'm:\n  a: 1\n  flag: "true"\n');
  });

  it('adds nothing where a `<<` merge brings the key: an own key would hide every setting merged under it', () => {
    const merged = dedent(`
      hardened: &hardened
        securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
      c:
        <<: *hardened
        name: web
    `);
    assert.deepEqual(editsOf(merged, (at) => [{ kind: 'yaml.insert', map: at.map(['c']), path: ['securityContext', 'readOnlyRootFilesystem'], value: true }]), []);
    // Deeper on the path: the own securityContext merges `capabilities` from elsewhere.
    const nested = 'base: &base {capabilities: {add: [NET_BIND_SERVICE]}}\nc:\n  securityContext:\n    <<: *base\n    runAsNonRoot: true\n';
    assert.deepEqual(editsOf(nested, (at) => [{ kind: 'yaml.insert', map: at.map(['c']), path: ['securityContext', 'capabilities', 'drop'], value: ['ALL'] }]), []);
  });

  it('still inserts beside a `<<` merge that does not bring the key, and into own keys that override it', () => {
    const text = 'defaults: &defaults {image: nginx, securityContext: {privileged: false}}\nc:\n  <<: *defaults\n  name: web\n';
    const output = fix(text, (at) => [{ kind: 'yaml.insert', map: at.map(['c']), path: ['resources', 'limits'], value: { memory: '128Mi' } }]);
    assert.equal(output, `${text}  resources:\n    limits:\n      memory: 128Mi\n`);
    const overriding = 'defaults: &defaults {securityContext: {privileged: false}}\nc:\n  <<: *defaults\n  securityContext:\n    runAsNonRoot: true\n';
    const grown = fix(overriding, (at) => [{ kind: 'yaml.insert', map: at.map(['c']), path: ['securityContext', 'readOnlyRootFilesystem'], value: true }]);
    assert.equal(grown, `${overriding}    readOnlyRootFilesystem: true\n`);
  });

  it('keeps CRLF and a missing final line break', () => {
    const text = 'spec:\r\n  containers:\r\n    - name: web\r\n      image: nginx';
    const output = fix(text, (at) => [{ kind: 'yaml.insert', map: at.map(container), path: ['securityContext', 'privileged'], value: false }]);
    assert.equal(output, `${text}\r\n      securityContext:\r\n        privileged: false`);
  });
});

describe('yaml.append', () => {
  it('appends to an indented block sequence', () => {
    const text = 'drop:\n  - NET_RAW # noisy\nnext: 1\n';
    assert.equal(fix(text, (at) => [{ kind: 'yaml.append', seq: at.seq(['drop']), value: 'ALL' }]), 'drop:\n  - NET_RAW # noisy\n  - ALL\nnext: 1\n');
  });

  it('appends to a sequence not indented under its key', () => {
    const text = 'caps:\n  drop:\n  - NET_RAW\n  add: []\n';
    assert.equal(fix(text, (at) => [{ kind: 'yaml.append', seq: at.seq(['caps', 'drop']), value: 'ALL' }]), 'caps:\n  drop:\n  - NET_RAW\n  - ALL\n  add: []\n');
  });

  it('appends inside flow sequences, empty or not', () => {
    assert.equal(fix('drop: [NET_RAW]\n', (at) => [{ kind: 'yaml.append', seq: at.seq(['drop']), value: 'ALL' }]), 'drop: [NET_RAW, ALL]\n');
    assert.equal(fix('drop: []\n', (at) => [{ kind: 'yaml.append', seq: at.seq(['drop']), value: 'ALL' }]), 'drop: [ALL]\n');
  });
});

describe('yaml.remove', () => {
  it('removes a pair with its line and trailing comment; the comment above stays', () => {
    const text = 'spec:\n  # legacy\n  hostNetwork: true # needed?\n  containers: []\n';
    assert.equal(fix(text, (at) => [{ kind: 'yaml.remove', target: at.pair(['spec', 'hostNetwork']) }]), 'spec:\n  # legacy\n  containers: []\n');
  });

  it('joins the next key onto the `- ` line when removing the first key of a sequence item', () => {
    const text = 'ports:\n  - hostPort: 80\n    containerPort: 80\n';
    assert.equal(fix(text, (at) => [{ kind: 'yaml.remove', target: at.pair(['ports', 0, 'hostPort']) }]), 'ports:\n  - containerPort: 80\n');
  });

  it('removes flow sequence items with their separator; the last one leaves []', () => {
    const first = 'add: [SYS_ADMIN, NET_BIND_SERVICE]\n';
    assert.equal(fix(first, (at) => [{ kind: 'yaml.remove', target: at.node(['add', 0]) }]), 'add: [NET_BIND_SERVICE]\n');
    assert.equal(fix(first, (at) => [{ kind: 'yaml.remove', target: at.node(['add', 1]) }]), 'add: [SYS_ADMIN]\n');
    assert.equal(fix('add: [ SYS_ADMIN ]\n', (at) => [{ kind: 'yaml.remove', target: at.node(['add', 0]) }]), 'add: []\n');
  });

  it('removes a flow mapping pair', () => {
    assert.equal(fix('sc: {privileged: true, runAsUser: 0}\n', (at) => [{ kind: 'yaml.remove', target: at.pair(['sc', 'runAsUser']) }]), 'sc: {privileged: true}\n');
  });

  it('removes a block sequence item line; the only item leaves [] deeper than its key', () => {
    assert.equal(fix('add:\n  - SYS_ADMIN\n  - CHOWN\n', (at) => [{ kind: 'yaml.remove', target: at.node(['add', 0]) }]), 'add:\n  - CHOWN\n');
    assert.equal(fix('caps:\n  add:\n    - SYS_ADMIN\n', (at) => [{ kind: 'yaml.remove', target: at.node(['caps', 'add', 0]) }]), 'caps:\n  add:\n    []\n');
    assert.equal(fix('caps:\n  add:\n  - SYS_ADMIN\n', (at) => [{ kind: 'yaml.remove', target: at.node(['caps', 'add', 0]) }]), 'caps:\n  add:\n    []\n');
  });

  it('leaves {} when the only pair of a block mapping goes (not null)', () => {
    assert.equal(fix('c:\n  securityContext:\n    privileged: true\n', (at) => [{ kind: 'yaml.remove', target: at.pair(['c', 'securityContext', 'privileged']) }]), 'c:\n  securityContext:\n    {}\n');
  });

  it('removes the last line of a file without a final line break, and keeps CRLF', () => {
    assert.equal(fix('spec:\r\n  a: 1\r\n  hostPID: true', (at) => [{ kind: 'yaml.remove', target: at.pair(['spec', 'hostPID']) }]), 'spec:\r\n  a: 1');
    assert.equal(fix('spec:\r\n  hostPID: true\r\n  a: 1\r\n', (at) => [{ kind: 'yaml.remove', target: at.pair(['spec', 'hostPID']) }]), 'spec:\r\n  a: 1\r\n');
  });

  it('replaces a removed literal by an inserted key in one fix (env value → valueFrom)', () => {
    const text = dedent(`
      env:
        - name: DB_PASSWORD
          value: hunter2 # oops
        - name: MODE
    `);
    const output = fix(text, (at) => [
      { kind: 'yaml.remove', target: at.pair(['env', 0, 'value']) },
      { kind: 'yaml.insert', map: at.map(['env', 0]), path: ['valueFrom', 'secretKeyRef'], value: { name: 'app', key: 'db-password' } },
    ]);
    assert.equal(output, text.replace('    value: hunter2 # oops\n', '    valueFrom:\n      secretKeyRef:\n        name: app\n        key: db-password\n'));
    assert.ok(!output.includes('hunter2'));
  });
});

describe('text changes', () => {
  it('replace a range and insert whole lines with the document’s line break', () => {
    const text = 'FROM node:20\r\nCMD ["node", "app.js"]\r\n';
    const file = parseYamlFile('', 'x.yaml');
    const lines = new LineIndex(text);
    const cmd = text.indexOf('CMD');
    const edits = fixToEdits(text, { title: 't', changes: [{ kind: 'text.replace', range: { start: 5, end: 12 }, text: 'node:20-slim' }, { kind: 'text.insertLines', offset: cmd + 3, lines: ['USER node'] }] }, lines, file);
    assert.equal(applyEdits(text, edits), 'FROM node:20-slim\r\nUSER node\r\nCMD ["node", "app.js"]\r\n');
  });
});
