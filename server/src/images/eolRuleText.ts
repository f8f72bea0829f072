// The words every end-of-life rule shares (Dockerfile FROM, Kubernetes containers, Compose services):
// messages, docs naming the table's date and families, and the warning window option.
import type { Severity } from '../text/severity.js';
import { EOL_TABLE_DATE, eolProductLabels, type EolVerdict } from './eol.js';

export interface EolOptions {
  warnDays: number;
}

export const DEFAULT_EOL_WARN_DAYS = 90;

export const EOL_OPTIONS = {
  optionsSchema: {
    type: 'object',
    properties: { warnDays: { type: 'integer', minimum: 0, maximum: 3650, description: 'Days before the end of security support from which an info finding says the date.' } },
    additionalProperties: false,
  },
  defaultOptions: { warnDays: DEFAULT_EOL_WARN_DAYS },
};

export const EOL_MESSAGES = {
  ended: '{{subject}}: {{release}} has had no security fixes since {{date}}: use {{advice}}',
  endedNoAdvice: '{{subject}}: {{release}} has had no security fixes since {{date}}: move to a supported release',
  ending: '{{subject}}: security support for {{release}} ends on {{date}}, in {{days}} days: plan the move to {{advice}}',
  endingNoAdvice: '{{subject}}: security support for {{release}} ends on {{date}}, in {{days}} days: plan the move to a supported release',
};

/** The message id, data and severity of an end-of-life finding; `subject` names what runs the image. */
export function eolMessage(verdict: EolVerdict, subject: string): { messageId: keyof typeof EOL_MESSAGES; data: Record<string, string | number>; severity?: Severity } {
  const data = { subject, release: verdict.release, date: verdict.date, days: verdict.days, advice: verdict.advice ?? '' };
  if (verdict.status === 'ended') return { messageId: verdict.advice ? 'ended' : 'endedNoAdvice', data };
  return { messageId: verdict.advice ? 'ending' : 'endingNoAdvice', data, severity: 'info' };
}

export const EOL_DOCS = {
  description:
    `A tag can name two releases (\`python:3.8-slim-buster\` is Python 3.8 on Debian 10): the earlier end is reported. ` +
    `Known families: ${eolProductLabels().join(', ')}. Images the table does not know (private registries' own names, \`latest\`, a digest without a tag, pre-releases) get no finding. ` +
    `The end-of-life table was taken on ${EOL_TABLE_DATE} from endoflife.date (Debian counts its free LTS, which the images receive; Ubuntu ends with standard support, since public images carry no ESM); \`manifestlint rules\` shows its date and \`npm run data:eol\` refreshes it. Lint never uses the network.`,
  rationale:
    'A release past its end of life gets no more security fixes: every vulnerability found after that date stays in the image for good. Scanners say so only after the image is built and pushed; the tag already says it while you type.',
  remediation:
    'Move to a supported release of the same family and variant, as the message suggests (`python:3.8-slim-buster` → `python:3.13-slim-bookworm`), then rebuild and test. The quick fix changes only the tag, and is offered only for families where that is safe (not for databases, whose data needs a migration to a new major).',
};
