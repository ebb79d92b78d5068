import type { AppDefinition, DepartmentDefinition, FormDefinition, LocalizedText, WorkflowDefinition } from '../../../../engine/definitions/generated/definition-types.js';
import { checkWorkflowShape } from '../../../../engine/definitions/workflow-shape-check.js';
import { isOrdoError } from '../../../../engine/errors/index.js';
import { compileLiveForm } from '../../../../engine/forms/model/index.js';
import { NATIVE_FUNCTIONS } from '../../../../engine/functions/index.js';
import { compileWorkflow } from '../../../../engine/workflows/compile-workflow.js';
import { stateEntries, transitionsOf, workflowLevelTransitions } from '../../../../engine/workflows/state-tree.js';
import { standInOf, type SimulationSetup } from '../../../../engine/workflows/simulation/index.js';

export type SetupResult = { readonly ok: true; readonly setup: SimulationSetup; readonly form: FormDefinition } | { readonly ok: false; readonly reason: 'invalid' | 'noForm'; readonly problems: number };

/**
 * The simulation's setup from a draft: the same compileWorkflow the runtime uses, against the
 * published forms and workflows; a draft that would not publish cannot be simulated.
 */
export function simulationSetup(
  definition: unknown,
  forms: readonly FormDefinition[],
  workflows: readonly WorkflowDefinition[],
  initiator: string,
  departments: readonly DepartmentDefinition[] = [],
): SetupResult {
  const shape = checkWorkflowShape(definition);
  if (shape.length > 0) return { ok: false, reason: 'invalid', problems: shape.length };
  const workflow = definition as WorkflowDefinition;
  const form = forms.find((candidate) => candidate.id === workflow.form);
  if (form === undefined) return { ok: false, reason: 'noForm', problems: 1 };
  const others = new Map(workflows.map((candidate) => [candidate.id, candidate]));
  others.set(workflow.id, workflow);
  try {
    const compiled = compileWorkflow(workflow, { forms: new Map(forms.map((candidate) => [candidate.id, candidate])), functions: NATIVE_FUNCTIONS, workflows: others });
    return { ok: true, setup: { compiled, form: compileLiveForm(form), initiator, departments }, form };
  } catch (error) {
    if (isOrdoError(error)) return { ok: false, reason: 'invalid', problems: Math.max(1, error.fields.length) };
    throw error;
  }
}

/** A state's title (its last name's), for chips and the trail. */
export function stateTitle(definition: WorkflowDefinition, path: string, text: (value: LocalizedText | undefined, fallback?: string) => string): string {
  const name = path.split('.').at(-1) ?? path;
  const entry = stateEntries(definition).find((candidate) => candidate.name === name);
  return text(entry?.node.title, name);
}

/** The title the definition gives an event on any of its transitions. */
export function eventTitle(definition: WorkflowDefinition, event: string): LocalizedText | undefined {
  const located = [...workflowLevelTransitions(definition), ...stateEntries(definition).flatMap(transitionsOf)];
  return located.find((candidate) => candidate.event === event && candidate.transition.title !== undefined)?.transition.title;
}

/** A simulated person as the designer says it: a role's title, "X's manager", a department (with the role), or the user name. */
export function personLabel(
  username: string,
  app: AppDefinition | undefined,
  text: (value: LocalizedText | undefined, fallback?: string) => string,
  managerOf: (who: string) => string,
): string {
  const standIn = standInOf(username);
  const role = (id: string) => text(app?.roles.find((candidate) => candidate.id === id)?.title, id);
  if (standIn.kind === 'role') return role(standIn.role);
  if (standIn.kind === 'manager') return managerOf(standIn.of);
  if (standIn.kind === 'department') {
    const department = text(app?.departments?.find((candidate) => candidate.id === standIn.department)?.title, standIn.department);
    return standIn.role === undefined ? department : `${department} · ${role(standIn.role)}`;
  }
  return username;
}
