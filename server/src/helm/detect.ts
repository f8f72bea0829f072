// Recognises the files of a Helm chart from their path and text alone (the engine never reads the
// filesystem): templates to mask before parsing, and the values files that feed them.
import { baseName } from '../text/fileKinds.js';

/** A `templates/` folder anywhere in the path: a chart's templates (and their `tests/`). */
const IN_TEMPLATES_FOLDER = /(?:^|[\\/])templates[\\/]/;
/** Go-template actions only Helm (or another Go-template tool) writes; `${{ … }}` expressions do not match. */
const HELM_ACTION = /(?:^|[^$]){{-?\s*(?:\.Values\b|\.Release\b|\.Chart\b|\.Capabilities\b|\.Files\b|\.Template\b|include\s|template\s|tpl\s|toYaml\s|if\s|else\b|end\s*-?}}|range\s|with\s|define\s|\$\w*\s*:=|\/\*)/;
const VALUES_NAME = /^values(?:[-.][^\\/]+)?\.ya?ml$/i;
/**
 * A Go-template action that reads a field or a variable (`{{ .Group }}`, `{{- $name }}`) or calls a
 * function with an argument (consul-template's `{{ env "NOMAD_IP" }}`); not `${{ … }}`, nor Jinja's
 * `{{ name }}`, `{{ name | filter }}`, `{{ lookup("x") }}`.
 */
const GO_TEMPLATE_FIELD = /(?:^|[^$]){{-?\s*(?:[.$][A-Za-z_]|[a-z][A-Za-z0-9]*[ \t]+["$.(])/;

/**
 * A Helm template: text with `{{` actions that sits in a `templates/` folder, or anywhere when its
 * actions are unmistakably Go templates (`.Values`, `include`, `{{- end }}`…).
 */
export function isHelmTemplate(uriOrPath: string, text: string): boolean {
  if (!text.includes('{{')) return false;
  return IN_TEMPLATES_FOLDER.test(uriOrPath) || HELM_ACTION.test(text);
}

/**
 * Go-template actions of any tool (a test fixture's `name: {{ .Group }}`, a Nomad job's consul-template
 * `host: {{ env "attr.unique.network.ip-address" }}:8500`): a file with them that does
 * not parse as YAML is a template to mask, wherever it is. One that parses is YAML with template text
 * in its strings (istio's injection templates), linted as written.
 */
export function hasGoTemplateFields(text: string): boolean {
  return text.includes('{{') && GO_TEMPLATE_FIELD.test(text);
}

/** `values.yaml`, `values-prod.yaml`, `values.staging.yml`: the names Helm values files take. */
export function isValuesFileName(uriOrPath: string): boolean {
  return VALUES_NAME.test(baseName(uriOrPath));
}
