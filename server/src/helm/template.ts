// What parseYamlFile needs to read a Helm template: the masked text to parse, which nodes the
// template writes, and which syntax errors would remain whatever the template produced.
import type { Document, YAMLError } from 'yaml';
import { isHelmTemplate } from './detect.js';
import type { TemplateLines } from './lines.js';
import { maskTemplate, type TemplateMask } from './mask.js';
import type { TemplatedNodes } from '../yaml/nav.js';
import { templatedNodesOf } from './templated.js';

/** Errors that text without any action nearby causes in every rendering: a tab indent, a bad `\q` escape. */
const RENDER_INDEPENDENT_ERRORS = new Set(['TAB_AS_INDENT', 'BAD_DQ_ESCAPE']);

export interface HelmTemplate {
  mask: TemplateMask;
  /** One per parsed document, in order. */
  templatedNodes(docs: readonly Document.Parsed[]): TemplatedNodes[];
  /**
   * Whether a syntax error of the masked text is the author's whatever the template renders (reported
   * as info). Every other error is an artefact of the mask (an `if`/`else` pair of keys, a block
   * written by `include`) and is dropped; its document is still left unlinted.
   */
  isRenderIndependent(error: YAMLError): boolean;
}

/** The Helm view of a YAML file, or undefined when it is not a template. */
export function helmTemplateOf(text: string, uri: string): HelmTemplate | undefined {
  return isHelmTemplate(uri, text) ? templateOf(text) : undefined;
}

/** The template view of a text known to be a Go template. */
export function templateOf(text: string): HelmTemplate {
  const mask = maskTemplate(text);
  // Asked once per line: a line can hold thousands of errors (`"\q\q\q…"`).
  const nearActionByLine = new Map<number, boolean>();
  const nearActionOn = (offset: number) => {
    const lineStart = mask.lines.startOf(offset);
    let near = nearActionByLine.get(lineStart);
    if (near === undefined) nearActionByLine.set(lineStart, (near = nearAction(text, mask.lines, lineStart)));
    return near;
  };
  return {
    mask,
    templatedNodes: (docs) => templatedNodesOf(docs, mask, text),
    isRenderIndependent: (error) => RENDER_INDEPENDENT_ERRORS.has(error.code) && !nearActionOn(error.pos[0]),
  };
}

/** An action on the line, or a `-}}` at the end of the line before (it trims this line's indent). */
function nearAction(text: string, lines: TemplateLines, lineStart: number): boolean {
  const line = text.slice(lineStart, lines.endOf(lineStart));
  const previous = lineStart > 0 ? text.slice(lines.startOf(lineStart - 1), lines.endOf(lineStart - 1)) : '';
  return line.includes('{{') || line.includes('}}') || /-}}\s*$/.test(previous);
}
