// Every resource kind that carries a pod (server/src/k8s/podCarriers.ts): a privileged container
// anywhere it keeps containers is found, at the value, and the same resource made compliant is clean.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/linter/lint.js';
import { YamlDocumentCache } from '../../server/src/yaml/documentCache.js';
import { dedent, onlyRule, ruleTester, type InvalidCase } from '../support/ruleTester.js';

/** `SETTING` marks where `privileged: …` goes, as a container's securityContext entry. */
const CARRIERS: Record<string, string> = {
  'OpenShift DeploymentConfig': `
    apiVersion: apps.openshift.io/v1
    kind: DeploymentConfig
    spec:
      template:
        spec:
          containers:
            - name: web
              securityContext: {SETTING}
  `,
  'OpenShift 3 DeploymentConfig (apiVersion v1)': `
    apiVersion: v1
    kind: DeploymentConfig
    spec:
      template:
        spec:
          containers:
            - name: web
              securityContext: {SETTING}
  `,
  'Argo Rollout': `
    apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    spec:
      template:
        spec:
          containers:
            - name: web
              securityContext: {SETTING}
  `,
  'Knative Service': `
    apiVersion: serving.knative.dev/v1
    kind: Service
    spec:
      template:
        spec:
          containers:
            - image: ghcr.io/acme/web:1.0
              securityContext: {SETTING}
  `,
  'KEDA ScaledJob': `
    apiVersion: keda.sh/v1alpha1
    kind: ScaledJob
    spec:
      jobTargetRef:
        template:
          spec:
            containers:
              - name: worker
                securityContext: {SETTING}
  `,
  'OpenKruise CloneSet': `
    apiVersion: apps.kruise.io/v1alpha1
    kind: CloneSet
    spec:
      template:
        spec:
          containers:
            - name: web
              securityContext: {SETTING}
  `,
  'OpenKruise Advanced StatefulSet': `
    apiVersion: apps.kruise.io/v1beta1
    kind: StatefulSet
    spec:
      template:
        spec:
          initContainers:
            - name: init
              securityContext: {SETTING}
  `,
  'OpenKruise Advanced DaemonSet': `
    apiVersion: apps.kruise.io/v1alpha1
    kind: DaemonSet
    spec:
      template:
        spec:
          containers:
            - name: agent
              securityContext: {SETTING}
  `,
  'OpenKruise AdvancedCronJob (broadcast job template)': `
    apiVersion: apps.kruise.io/v1alpha1
    kind: AdvancedCronJob
    spec:
      template:
        broadcastJobTemplate:
          spec:
            template:
              spec:
                containers:
                  - name: job
                    securityContext: {SETTING}
  `,
  'Argo Workflow container template': `
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    spec:
      templates:
        - name: build
          container:
            image: alpine:3.20
            securityContext: {SETTING}
  `,
  'Argo WorkflowTemplate script template': `
    apiVersion: argoproj.io/v1alpha1
    kind: WorkflowTemplate
    spec:
      templates:
        - name: run
          script:
            image: python:3.12
            source: print(1)
            securityContext: {SETTING}
  `,
  'Argo ClusterWorkflowTemplate sidecar': `
    apiVersion: argoproj.io/v1alpha1
    kind: ClusterWorkflowTemplate
    spec:
      templates:
        - name: test
          container: {image: alpine:3.20}
          sidecars:
            - name: dind
              securityContext: {SETTING}
  `,
  'Argo CronWorkflow init container': `
    apiVersion: argoproj.io/v1alpha1
    kind: CronWorkflow
    spec:
      workflowSpec:
        templates:
          - name: nightly
            container: {image: alpine:3.20}
            initContainers:
              - name: prepare
                securityContext: {SETTING}
  `,
  'Argo container set': `
    apiVersion: argoproj.io/v1alpha1
    kind: Workflow
    spec:
      templates:
        - name: set
          containerSet:
            containers:
              - name: a
                securityContext: {SETTING}
  `,
  'Tekton Task step': `
    apiVersion: tekton.dev/v1
    kind: Task
    spec:
      steps:
        - name: build
          securityContext: {SETTING}
  `,
  'Tekton ClusterTask sidecar': `
    apiVersion: tekton.dev/v1beta1
    kind: ClusterTask
    spec:
      steps: [{name: build}]
      sidecars:
        - name: docker
          securityContext: {SETTING}
  `,
  'Tekton Pipeline embedded task': `
    apiVersion: tekton.dev/v1
    kind: Pipeline
    spec:
      tasks:
        - name: build
          taskSpec:
            steps:
              - name: compile
                securityContext: {SETTING}
  `,
  'Tekton TaskRun embedded task': `
    apiVersion: tekton.dev/v1
    kind: TaskRun
    spec:
      taskSpec:
        steps:
          - name: compile
            securityContext: {SETTING}
  `,
};

/** The finding's range: where `privileged: true` is written, 1-based as the editor shows it. */
function rangeOf(code: string, needle: string): Pick<InvalidCase['errors'][number], 'line' | 'column' | 'endLine' | 'endColumn'> {
  const offset = code.indexOf(needle);
  const before = code.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before.at(-1)?.length ?? 0) + 1;
  return { line, column, endLine: line, endColumn: column + needle.length };
}

const withSetting = (template: string, value: boolean) => dedent(template).replace('SETTING', `privileged: ${value}`);

ruleTester('k8s/privileged-container', {
  valid: [
    ...Object.entries(CARRIERS).map(([name, template]) => ({ name: `${name}, not privileged`, code: withSetting(template, false) })),
    {
      name: 'a core Service is not a Knative Service',
      code: 'apiVersion: v1\nkind: Service\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext: {privileged: true}\n',
    },
    {
      name: 'a Rollout that points at a Deployment (workloadRef) has no template',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  workloadRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n',
    },
    {
      name: 'a kind of another group with the same name is not a pod carrier',
      code: 'apiVersion: acme.io/v1\nkind: Workflow\nspec:\n  templates:\n    - name: a\n      container:\n        securityContext: {privileged: true}\n',
    },
  ],
  invalid: [
    ...Object.entries(CARRIERS).map(([name, template]): InvalidCase => {
      const code = withSetting(template, true);
      return { name, code, errors: [{ ...rangeOf(code, 'privileged: true'), messageId: 'privileged' }], output: withSetting(template, false) };
    }),
    {
      name: "Tekton stepTemplate: every step starts from it; reported once, where it is written",
      code: dedent(`
        apiVersion: tekton.dev/v1
        kind: Task
        metadata:
          name: build
        spec:
          stepTemplate:
            securityContext:
              privileged: true
          steps:
            - name: one
            - name: two
      `),
      errors: [{ line: 8, column: 7, endLine: 8, endColumn: 23, messageId: 'privileged' }],
    },
    {
      name: 'an Argo template is named after its template in messages',
      code: 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec:\n  templates:\n    - name: build\n      container:\n        securityContext: {privileged: true}\n',
      errors: [{ line: 7, column: 27, endLine: 7, endColumn: 43, message: 'Container "build" runs privileged: it has full access to the host' }],
    },
  ],
});

describe('pod carriers: pod-level settings', () => {
  const runAsRoot = onlyRule('k8s/run-as-root');

  it("an Argo template's securityContext replaces the workflow's for its pod", () => {
    const text = dedent(`
      apiVersion: argoproj.io/v1alpha1
      kind: Workflow
      spec:
        securityContext: {runAsNonRoot: true}
        templates:
          - name: safe
            container: {image: a}
          - name: own
            securityContext: {runAsNonRoot: false}
            container: {image: b}
    `);
    const findings = lint(text, { uri: 'wf.yaml', config: runAsRoot });
    assert.deepEqual(findings.map((f) => [f.range.start.line + 1, f.message]), [[9, 'Containers of Workflow may run as root: the pod sets runAsNonRoot: false and no runAsUser above 0 is set']]);
  });

  it('a Tekton step leaves pod-level settings to the TaskRun: none is reported missing', () => {
    const text = 'apiVersion: tekton.dev/v1\nkind: Task\nspec:\n  steps:\n    - name: build\n';
    for (const ruleId of ['k8s/run-as-root', 'k8s/seccomp', 'k8s/service-account-token']) {
      assert.deepEqual(lint(text, { uri: 'task.yaml', config: onlyRule(ruleId) }), [], ruleId);
    }
  });

  it('an Argo workflow whose templates run no container has no pod to check', () => {
    const text = 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nspec:\n  templates:\n    - name: main\n      steps: [[{name: a, templateRef: {name: other, template: b}}]]\n';
    assert.deepEqual(lint(text, { uri: 'wft.yaml', config: onlyRule('k8s/service-account-token') }), []);
  });
});

describe('pod carriers: podSpecPaths from the config', () => {
  const worker = 'apiVersion: acme.io/v1\nkind: Worker\nspec:\n  template:\n    spec:\n      containers:\n        - name: job\n          securityContext: {privileged: true}\n';
  const config = (podSpecPaths?: { apiVersion: string; kind: string; path: string }[]) => ({ ...onlyRule('k8s/privileged-container'), ...(podSpecPaths && { podSpecPaths }) });

  it("a team's own kind is checked where the config says its pod spec is", () => {
    const findings = lint(worker, { uri: 'worker.yaml', config: config([{ apiVersion: 'acme.io/v1', kind: 'Worker', path: 'spec.template.spec' }]) });
    assert.deepEqual(findings.map((f) => [f.range.start.line + 1, f.range.start.character + 1, f.ruleId]), [[8, 29, 'k8s/privileged-container']]);
  });

  it('a group alone matches every version; another group or kind does not match', () => {
    const found = (apiVersion: string, kind = 'Worker') => lint(worker, { uri: 'w.yaml', config: config([{ apiVersion, kind, path: 'spec.template.spec' }]) }).length;
    assert.deepEqual([found('acme.io'), found('acme.io/v2'), found('other.io'), found('acme.io/v1', 'Job')], [1, 0, 0, 0]);
  });

  it('the model is rebuilt for each config, even from the same parse cache', () => {
    const yamlCache = new YamlDocumentCache();
    const run = (podSpecPaths?: { apiVersion: string; kind: string; path: string }[]) => lint(worker, { uri: 'w.yaml', yamlCache, config: config(podSpecPaths) }).length;
    assert.deepEqual([run([{ apiVersion: 'acme.io/v1', kind: 'Worker', path: 'spec.template.spec' }]), run(), run([{ apiVersion: 'acme.io/v1', kind: 'Worker', path: 'spec.template.spec' }])], [1, 0, 1]);
  });
});
