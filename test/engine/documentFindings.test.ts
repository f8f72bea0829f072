// In the editor, a keystroke re-runs document-scoped rules on the edited YAML document only and reuses
// what they found on the others. The user must not be able to tell: after any edit, the findings (and
// their fixes) are exactly those of a lint from scratch.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isNode, isPair } from 'yaml';
import { allRules } from '../../rules/index.js';
import { presetConfig } from '../../server/src/config/presets.js';
import { DocumentFindingsCache } from '../../server/src/engine/documentFindings.js';
import { runRules } from '../../server/src/engine/runRules.js';
import type { Finding, Rule, YamlTarget } from '../../server/src/engine/types.js';
import { lintDocument } from '../../server/src/linter/lint.js';
import { YamlDocumentCache } from '../../server/src/yaml/documentCache.js';
import { FAKE_TOKENS } from '../secrets/fakes.js';

const config = presetConfig('all');

/** Everything a user sees of a finding, with each fix's target as the text range it edits. */
function seen(findings: Finding[]): unknown[] {
  return findings.map((finding) => ({
    ...finding,
    fixes: finding.fixes?.map((fix) => ({
      title: fix.title,
      changes: fix.changes.map((change) => Object.fromEntries(Object.entries(change).map(([key, value]) => [key, isNode(value) || isPair(value) ? rangeOf(value) : value]))),
    })),
  }));
}

function rangeOf(target: YamlTarget): unknown {
  const node = isPair(target) ? target.key : target;
  return isNode(node) ? node.range : undefined;
}

/** Lints each version as the editor does (one parse cache and findings cache across versions) and compares with a lint from scratch. */
function assertSameAsFromScratch(versions: string[], uri = 'file:///work/app.yaml'): void {
  const yamlCache = new YamlDocumentCache();
  const documentFindings = new DocumentFindingsCache();
  for (const [i, text] of versions.entries()) {
    const cached = lintDocument(text, { uri, config, yamlCache, documentFindings, summarize: true });
    const fresh = lintDocument(text, { uri, config, summarize: true });
    assert.deepEqual(seen(cached.findings), seen(fresh.findings), `version ${i} differs from a lint from scratch`);
    // What the workspace rules keep of the file (ranges of kept documents' models included) is the same too.
    assert.deepEqual(cached.summaries, fresh.summaries, `version ${i}: summaries differ from a lint from scratch`);
  }
}

const POD = (name: string, privileged: boolean) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: ${privileged}\n`;
const SECRET_ENV = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  DB_PASSWORD: "hunter2-but-longer-Zq8"\n';
const RBAC_AND_EXPOSURE = [
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules:\n  - apiGroups: ["*"]\n    resources: ["*", secrets]\n    verbs: ["*", get, escalate]\n',
  'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: reader\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}\nsubjects:\n  - {kind: ServiceAccount, name: default, namespace: shop}\n  - {kind: Group, name: "system:authenticated"}\n',
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  externalIPs: [203.0.113.7]\n  ports: [{port: 80, nodePort: 30080}]\n',
  'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - host: web.example.com\n      http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}\n',
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: open\nspec:\n  podSelector: {}\n  ingress: [{from: [{ipBlock: {cidr: 0.0.0.0/0}}]}]\n',
];
const GH = FAKE_TOKENS['github-token'];
// Tokens in comments: before the first document, after a `---`, between documents after a `...`.
const COMMENTED = `# old key: ${GH}\n${POD('t', false)}--- # key ${GH}\n${SECRET_ENV}...\n# between: ${GH}\n---\n${POD('u', false)}`;
const FILE = ['# header comment\n', POD('a', true), '---\n', SECRET_ENV, '---\n', POD('b', false), '---\n', POD('c', true), ...RBAC_AND_EXPOSURE.map((doc) => `---\n${doc}`)].join('');

describe('document-scoped rules in the editor', () => {
  it('give the findings of a lint from scratch after edits before, inside and between documents', () => {
    assertSameAsFromScratch([
      FILE,
      FILE.replace('# header comment', '# header comment, longer now\n# and two lines'),
      FILE.replace('privileged: false', 'privileged: true'),
      FILE.replace(`---\n${POD('b', false)}`, ''), // a document deleted
      `${FILE}---\n${POD('d', true)}`, // one added at the end
      [POD('c', true), '---\n', POD('a', true)].join(''), // documents swapped
      [POD('a', true), '---\n', POD('a', true), '---\n', POD('a', true)].join(''), // identical documents
      FILE.replace('kind: ConfigMap', 'kind: ConfigMap\n  bad: [unclosed'), // a syntax error in one
      FILE.replace('image: nginx:1.27', 'image: nginx:latest'),
      `${FILE}---\n${COMMENTED}`, // tokens in comments (secrets/token reads comments of its document's part of the text)
      `# edited\n${FILE}---\n${COMMENTED}`,
      `${FILE}---\n${COMMENTED.replace('# between', '# gone\n# between')}`,
      `${FILE}---\n${COMMENTED.replace(`# between: ${GH}`, '# between')}`,
    ]);
  });

  it('give the findings of a lint from scratch on the bundled examples, edited at the top', () => {
    const examples = join(__dirname, '..', '..', 'examples', 'k8s');
    for (const name of readdirSync(examples).filter((file) => file.endsWith('.yaml'))) {
      const text = readFileSync(join(examples, name), 'utf8');
      assertSameAsFromScratch([text, `# edited\n${text}`, `# edited twice\n\n${text}`], `file:///work/${name}`);
    }
  });

  it('give the findings of a lint from scratch when a new config re-runs every rule on documents kept (and moved) since', () => {
    const uri = 'file:///work/app.yaml';
    const yamlCache = new YamlDocumentCache();
    const documentFindings = new DocumentFindingsCache();
    const versions = [FILE, `# a new first line\n${FILE}`, `# two new\n# first lines\n${FILE}`];
    for (const [i, text] of versions.entries()) {
      // A new config object each version: no finding is reused, every rule reads the kept documents' models.
      const cached = lintDocument(text, { uri, config: { ...config }, yamlCache, documentFindings }).findings;
      assert.deepEqual(seen(cached), seen(lintDocument(text, { uri, config }).findings), `version ${i} differs from a lint from scratch`);
    }
  });

  it('re-run on the edited document only', () => {
    const checked: string[] = [];
    const probe: Rule = {
      meta: { ...allRules[0].meta, id: 'k8s/probe', scope: 'document' },
      checkYaml(file) {
        for (const resource of file.resources) checked.push(resource.name ?? '');
      },
    };
    const options = { uri: 'app.yaml', config: { rules: { 'k8s/probe': {} } }, yamlCache: new YamlDocumentCache(), documentFindings: new DocumentFindingsCache() };
    const rules = [probe];
    runRules(FILE, options, rules);
    assert.deepEqual(checked, ['a', 'cfg', 'b', 'c', 'reader', 'reader', 'web', 'web', 'open']);
    checked.length = 0;
    runRules(FILE.replace('privileged: false', 'privileged: true'), options, rules);
    assert.deepEqual(checked, ['b']);
    checked.length = 0;
    runRules(FILE.replace('privileged: false', 'privileged: true'), { ...options, config: { rules: { 'k8s/probe': {} } } }, rules);
    assert.deepEqual(checked, ['a', 'cfg', 'b', 'c', 'reader', 'reader', 'web', 'web', 'open'], 'a new config object is a new run: nothing reused');
  });
});
