// Protocol test: the built server answers hovers. On a finding: its rule's title, why it matters, how to
// fix it and a link to its page (each finding, when several sit at one place); on a workload's `kind:`,
// the Pod Security level it meets; elsewhere, nothing.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { DiagnosticSeverity, DidOpenTextDocumentNotification, HoverRequest, InitializedNotification, InitializeRequest, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { rulesById } from '../../rules/index.js';
import { ruleDocsUrl } from '../../server/src/engine/docsUrl.js';
import { TestLspClient } from '../support/lspClient.js';

const uri = 'file:///workspace/hover/pod.yaml';
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: web
      image: nginx:1.25
      securityContext:
        privileged: true
`;

const client = new TestLspClient();
let capabilities: { hoverProvider?: unknown } = {};
/** What the server published for the document: the hovers must agree with it. */
let diagnostics: Diagnostic[] = [];
before(async () => {
  const initialized = await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
  capabilities = initialized.capabilities;
  await client.connection.sendNotification(InitializedNotification.type, {});
  const published = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: POD } });
  diagnostics = (await published).diagnostics;
});
after(() => client.dispose());

const hoverAt = async (line: number, character: number): Promise<Hover | null> => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
const markdown = (hover: Hover | null): string => {
  assert.ok(hover, 'a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
};
const startingAt = (line: number, character: number) => diagnostics.filter(({ range }) => range.start.line === line && range.start.character === character).map((d) => String(d.code));
const metaOf = (id: string) => {
  const meta = rulesById.get(id)?.meta;
  assert.ok(meta, id);
  return meta;
};

it('declares hovers in its capabilities', () => {
  assert.equal(capabilities.hoverProvider, true);
});

it("shows the rule's title, why it matters, how to fix it and its page, on the finding's range", async () => {
  const hover = await hoverAt(9, 21); // inside `privileged: true`
  const text = markdown(hover);
  const meta = metaOf('k8s/privileged-container');
  assert.ok(text.startsWith(`**${meta.title}** · \`k8s/privileged-container\``), text);
  assert.ok(text.includes(meta.rationale));
  assert.ok(text.includes(`**How to fix:** ${meta.remediation}`));
  assert.ok(text.includes(`(${ruleDocsUrl('k8s/privileged-container')})`));
  assert.deepEqual(hover?.range, { start: { line: 9, character: 8 }, end: { line: 9, character: 24 } });
});

it('shows each finding when several sit at one place', async () => {
  const text = markdown(await hoverAt(6, 13)); // the container's name: the rules of missing settings report there
  const ids = startingAt(6, 12);
  assert.ok(ids.includes('k8s/run-as-root') && ids.length >= 3, ids.join());
  assert.deepEqual(text.split('\n\n---\n\n').map((section) => section.split(' · ')[0]), ids.map((id) => `**${metaOf(id).title}**`));
});

it("shows the Pod Security level on a workload's kind, with the findings there", async () => {
  const text = markdown(await hoverAt(1, 7));
  const [workload, ...findings] = text.split('\n\n---\n\n');
  assert.match(workload, /^\*\*Pod Security: privileged\*\*/);
  assert.match(workload, /Not baseline because of \[k8s\/privileged-container\]\(https:[^)]+\)/);
  const count = (severity: DiagnosticSeverity) => diagnostics.filter((d) => d.severity === severity).length;
  assert.equal(count(DiagnosticSeverity.Error), 1);
  assert.ok(workload.endsWith(`Findings in this Pod: 1 error, ${count(DiagnosticSeverity.Warning)} warnings, ${count(DiagnosticSeverity.Information)} info.`), workload);
  // A file opened alone is its own workspace, as for `manifestlint scan pod.yaml`: no NetworkPolicy selects its namespace.
  const ids = startingAt(1, 6);
  assert.deepEqual([...ids].sort(), ['k8s/namespace-without-network-policy', 'k8s/seccomp', 'k8s/service-account-token']);
  assert.deepEqual(findings.map((section) => section.split(' · ')[0]), ids.map((id) => `**${metaOf(id).title}**`));
});

it('shows nothing where there is no finding and no workload kind', async () => {
  assert.equal(await hoverAt(3, 3), null); // `name: p` of the metadata
  assert.equal(await hoverAt(9, 25), null); // just after the finding's range
});

it('answers InvalidParams to a hover without a position', async () => {
  await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri } }), (error: { code?: number }) => error.code === -32602);
});
