import { dedent, ruleTester } from '../../support/ruleTester.js';

ruleTester('k8s/yaml-syntax', {
  valid: [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: "fast"\n',
    { name: 'an empty file', code: '' },
    { name: 'comments only', code: '# nothing here yet\n# TODO: add the Deployment\n' },
    { name: 'empty documents between separators', code: '---\n---\n# just a comment\n---\n' },
    { name: 'anchors and aliases, merge keys and a * that is not an alias', code: 'base: &base {a: 1}\nother:\n  <<: *base\n  glob: "*.example.com"\n  list: [*base]\n' },
    { name: 'carriage returns alone as line breaks (old Mac files)', code: 'apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: settings\rdata:\r  mode: fast\r' },
    { name: 'U+2028 before --- in a value does not start a document', code: 'note: "a\u2028--- b"\nother: 1\n' },
    { name: 'a GitHub workflow (valid YAML, not Kubernetes)', filename: '.github/workflows/ci.yml', code: 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' },
  ],
  invalid: [
    {
      name: 'an alias without its anchor (a typo, an anchor after it, or one in another document): on the alias',
      code: 'defaults: &defaults {a: 1}\nx: *defualts\ny: *later\nz: &later 2\n---\nw: *defaults\n',
      errors: [
        { line: 2, column: 4, endLine: 2, endColumn: 13, severity: 'error', message: 'YAML syntax error: unknown alias *defualts: no &defualts anchor before it in this document' },
        { line: 3, column: 4, endLine: 3, endColumn: 10, messageId: 'syntax' },
        { line: 6, column: 4, endLine: 6, endColumn: 13, messageId: 'syntax' },
      ],
    },
    {
      name: 'an unclosed flow sequence is shown on the last character written, not on the empty last line',
      code: 'args: [--port, 8080\n',
      errors: [{ line: 1, column: 19, endLine: 1, endColumn: 20, message: 'YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]', severity: 'error' }],
    },
    {
      name: 'an unclosed quote ends at the next document marker, where the error shows',
      code: 'metadata:\n  name: "unclosed\n---\nkind: Namespace\n',
      errors: [{ line: 3, column: 1, endLine: 3, endColumn: 2, message: 'YAML syntax error: Missing closing "quote' }],
    },
    {
      name: 'every repeated key of a mapping, and in a flow mapping',
      code: 'labels:\n  app: a\n  app: b\n  app: c\nselector: {tier: x, tier: y}\n',
      errors: [
        { line: 3, column: 3, endLine: 3, endColumn: 4, message: 'YAML syntax error: Map keys must be unique' },
        { line: 4, column: 3, endLine: 4, endColumn: 4, message: 'YAML syntax error: Map keys must be unique' },
        { line: 5, column: 21, endLine: 5, endColumn: 22, message: 'YAML syntax error: Map keys must be unique' },
      ],
    },
    {
      name: 'aliases that expand further than Kubernetes accepts (excessive aliasing): on the alias that exceeds it',
      code: ['l0: &l0 {a: 1}', ...Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} {<<: [*l${i}, *l${i}]}`), 'spec: {<<: *l9}', ''].join('\n'),
      errors: [{ line: 10, column: 20, endLine: 10, endColumn: 23, message: 'YAML syntax error: *l8 expands to too many nodes: Kubernetes refuses a document with excessive aliasing' }],
    },
    {
      name: 'a tab used as indentation',
      code: 'apiVersion: v1\nkind: Pod\nspec:\n\tcontainers: []\n',
      errors: [{ line: 4, column: 1, endLine: 4, endColumn: 2, message: 'YAML syntax error: Tabs are not allowed as indentation' }],
    },
    {
      name: 'a duplicated key',
      code: dedent(`
        apiVersion: v1
        kind: Pod
        spec:
          containers:
            - name: app
              image: nginx:1.27
              image: nginx:1.26
      `),
      errors: [{ line: 7, column: 7, endLine: 7, endColumn: 8, message: 'YAML syntax error: Map keys must be unique' }],
    },
    {
      name: 'one error in each of two broken documents around a good one, CRLF and non-ASCII',
      code: '# Überwachung\r\nlabels: {app: web\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: prod}\r\n---\r\nname: café\r\n\tport: 80\r\n',
      errors: [
        { line: 3, column: 1, endLine: 3, endColumn: 2, message: 'YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }' },
        { line: 9, column: 1, endLine: 9, endColumn: 2, message: 'YAML syntax error: Tabs are not allowed as indentation' },
      ],
    },
  ],
});
