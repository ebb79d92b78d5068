import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { AppDefinition, FormDefinition, WorkflowDefinition } from '../../../../engine/definitions/generated/definition-types.js';
import { checkWorkflowShape } from '../../../../engine/definitions/workflow-shape-check.js';
import { NATIVE_FUNCTIONS } from '../../../../engine/functions/index.js';
import { checkWorkflow } from '../../../../engine/workflows/check-workflow.js';
import { placeOf, type CanvasDiagnostic } from './canvas-diagnostic.js';
import { problemMessage } from './problem-messages.js';

/** What a draft is checked against: the published definitions (the shell's Definitions fit). */
export interface PublishedDefinitions {
  readonly app?: AppDefinition;
  readonly forms: readonly FormDefinition[];
  readonly workflows?: readonly WorkflowDefinition[];
}

function parseProblem(text: string): CanvasDiagnostic | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  if (first === undefined) return undefined;
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - before.lastIndexOf('\n');
  const what = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return {
    pointer: '',
    code: 'json',
    severity: 'error',
    message: { 'zh-CN': `JSON 格式错误（第 ${line} 行第 ${column} 列）：${what}`, en: `Not valid JSON at line ${line}, column ${column}: ${what}` },
  };
}

function diagnostic(pointer: string, code: string, message: CanvasDiagnostic['message']): CanvasDiagnostic {
  return { pointer, code, message, severity: 'error', ...placeOf(pointer) };
}

/**
 * Everything `ordo validate` and publishing would refuse in a workflow draft, in the order a person
 * fixes it: the JSON itself (with its line and column), the meta-schema, then the engine's own
 * checks (unknown names, formulas, unreachable states, dead ends, transitions without a target),
 * each placed on the canvas by its pointer. An empty list means the draft would publish.
 */
export function diagnoseWorkflowDraft(text: string, published: PublishedDefinitions): CanvasDiagnostic[] {
  const broken = parseProblem(text);
  if (broken !== undefined) return [broken];
  const value = JSON.parse(text) as unknown;
  const shape = checkWorkflowShape(value);
  if (shape.length > 0) return shape.map((problem) => diagnostic(problem.pointer, 'schema', problem.message));
  const definition = value as WorkflowDefinition;
  const workflows = new Map((published.workflows ?? []).map((workflow) => [workflow.id, workflow]));
  workflows.set(definition.id, definition);
  const problems = checkWorkflow(definition, {
    forms: new Map(published.forms.map((form) => [form.id, form])),
    functions: NATIVE_FUNCTIONS,
    workflows,
    ...(published.app === undefined
      ? {}
      : { roles: new Set(['admin', ...published.app.roles.map((role) => role.id)]), departments: new Set((published.app.departments ?? []).map((department) => department.id)) }),
  });
  return problems.map((problem) => diagnostic(problem.pointer, problem.code, problemMessage(problem.code, problem.state, problem.message)));
}
