// dockerfile/parse-error: what would stop `docker build` before it starts: unknown instructions, no
// FROM, a FROM without image, broken directives and heredocs. Reported once each, at the words at fault.
import type { DockerfileFile, ParseProblem, ParseProblemKind } from '../../server/src/dockerfile/model.js';
import { defineRule } from '../../server/src/engine/defineRule.js';
import { scanTokens } from '../../server/src/secrets/tokens.js';

export default defineRule({
  meta: {
    id: 'dockerfile/parse-error',
    title: 'Dockerfile syntax error',
    defaultSeverity: 'error',
    description:
      'Reports what makes a Dockerfile unbuildable: unknown instructions, a missing FROM, instructions before the first FROM, FROM without an image or with extra words, invalid image references, duplicate stage names, an invalid escape directive and unterminated heredocs. A file with a template delimiter (`{{`, `{%`) where an instruction should start is a template that renders a Dockerfile (`Dockerfile.j2`, the `Dockerfile.linux` templates of the .NET images): one info note says so, and its syntax is not checked.',
    rationale: 'A Dockerfile that does not parse builds nothing, and the other checks can only guess at it: the error is shown where it is, as you type.',
    remediation: 'Fix the instruction the message points at; `docker build --check .` reports the same problems.',
    peers: { hadolint: ['DL1000'] },
    messages: {
      unknownInstruction: 'Unknown instruction{{quotedKeyword}}{{hint}}',
      noFrom: 'No FROM instruction: the first stage must start with FROM <image>',
      beforeFrom: '{{keyword}} before the first FROM: only ARG may come before FROM',
      fromWithoutImage: 'FROM needs an image: FROM [--platform=<platform>] <image> [AS <name>]',
      fromSyntax: 'Unexpected words after the FROM image: expected FROM <image> [AS <name>]',
      invalidImage: '{{image}} is not a valid image reference: {{reason}}',
      duplicateStage: 'Stage name {{name}} is already used by an earlier stage',
      invalidEscape: 'Invalid escape directive {{value}}: use \\ or `',
      unterminatedHeredoc: 'Heredoc <<{{name}} is never closed: end it with a line that is exactly {{name}}',
      template: 'This file is a template ({{delimiter}} where an instruction should start), not a Dockerfile: its syntax is not checked; lint the Dockerfile it renders',
    } satisfies Record<ParseProblemKind | 'template', string>,
    fixes: [],
    preset: 'recommended',
  },
  checkDockerfile(file, context) {
    // The template's own syntax is not Dockerfile syntax: one note instead of an error on each of its lines.
    const template = file.problems.find((problem) => problem.kind === 'unknownInstruction' && TEMPLATE_DELIMITER.test(file.text.slice(problem.range.start, problem.range.start + 2)));
    if (template) {
      context.report({ messageId: 'template', data: { delimiter: file.text.slice(template.range.start, template.range.start + 2) }, range: template.range, severity: 'info' });
      return;
    }
    for (const problem of file.problems) {
      context.report({ messageId: problem.kind, data: problem.kind === 'unknownInstruction' ? unknownInstructionData(file, problem) : problem.data, range: problem.range });
    }
  },
});

/** A template language's opening delimiter (`{{` Go, Cottle, Mustache; `{%` Jinja) where an instruction should start. */
const TEMPLATE_DELIMITER = /^\{[{%]$/;

/**
 * `Unknown instruction RUNN (did you mean RUN?)`, but a line that is a pasted token is not echoed: the
 * keyword is quoted only when the model found it keyword-like and no secret detector matches it.
 */
function unknownInstructionData(file: DockerfileFile, problem: ParseProblem): Record<string, string> {
  const { keyword, suggestion } = problem.data;
  const written = file.text.slice(problem.range.start, problem.range.end);
  const quotable = keyword !== '' && scanTokens(written).length === 0;
  return { quotedKeyword: quotable ? ` ${keyword}` : '', hint: suggestion ? ` (did you mean ${suggestion}?)` : '' };
}
