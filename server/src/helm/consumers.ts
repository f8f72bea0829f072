// Which chart templates read which values: the `.Values.a.b` references in their text. Pure, so the
// engine's tests can use it; server/src/helm/chart.ts feeds it the files of a chart on disk.

/**
 * What the CLI or server can tell the engine about a Helm chart, from `readHelmHint(path)`. The engine
 * never reads files: without the hint, messages speak of "the chart's templates" in general.
 */
export interface HelmHint {
  /** Values paths (`securityContext`, `image.tag`) and the chart templates that read them (`templates/deployment.yaml`). */
  valuesConsumers: Record<string, string[]>;
}

const VALUES_REFERENCE = /\.Values((?:\.[A-Za-z_][\w-]*)+)/g;

export interface ChartTemplate {
  /** As messages show it: relative to the chart, e.g. `templates/deployment.yaml`. */
  name: string;
  text: string;
}

export function valuesConsumers(templates: readonly ChartTemplate[]): HelmHint['valuesConsumers'] {
  const consumers: Record<string, string[]> = {};
  for (const template of templates) {
    for (const match of template.text.matchAll(VALUES_REFERENCE)) {
      const path = match[1].slice(1);
      const names = (consumers[path] ??= []);
      if (!names.includes(template.name)) names.push(template.name);
    }
  }
  return consumers;
}

/**
 * The templates that read the value at `path` (`securityContext.privileged`): those that reference it
 * or one of the mappings that hold it (`toYaml .Values.securityContext`), the most specific first.
 */
export function consumersOf(hint: HelmHint | undefined, path: readonly string[]): { reference: string; templates: string[] } | undefined {
  if (!hint) return undefined;
  for (let length = path.length; length > 0; length--) {
    const reference = path.slice(0, length).join('.');
    const templates = hint.valuesConsumers[reference];
    if (templates?.length) return { reference: `.Values.${reference}`, templates };
  }
  return undefined;
}
