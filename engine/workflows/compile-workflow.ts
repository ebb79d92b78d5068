import type { AnyStateMachine } from 'xstate';
import type { FormDefinition, UserTask, WorkflowDefinition } from '../definitions/generated/definition-types.js';
import { OrdoError } from '../errors/index.js';
import { NATIVE_FUNCTIONS, type NativeFunction } from '../functions/index.js';
import { checkWorkflow } from './check-workflow.js';
import { buildMachine } from './machine/machine-config.js';
import { stateEntries, transitionsOf, workflowLevelTransitions } from './state-tree.js';
import type { WorkflowProblem } from './workflow-problem.js';

export interface CompiledWorkflow {
  readonly definition: WorkflowDefinition;
  readonly machine: AnyStateMachine;
  /** States that are user tasks, in definition order. */
  readonly taskStates: readonly string[];
  taskOf(state: string): UserTask | undefined;
  /** Event names the definition lists, for the API and the web app's buttons. */
  readonly businessEvents: readonly string[];
  /**
   * The roles every transition on this event names, together; undefined when some transition names
   * none, which leaves it to whoever may change the record.
   */
  eventRoles(event: string): ReadonlySet<string> | undefined;
}

export interface WorkflowEnvironment {
  /** Forms by id: the workflow's own form and those its actions write to. */
  readonly forms: ReadonlyMap<string, FormDefinition>;
  readonly functions?: ReadonlyMap<string, NativeFunction>;
  /** The app's roles; unknown roles are reported when given. */
  readonly roles?: ReadonlySet<string>;
  /** The app's department ids; unknown departments are reported when given. */
  readonly departments?: ReadonlySet<string>;
  /** Workflows by id, for the children spawn states start; unchecked when absent. */
  readonly workflows?: ReadonlyMap<string, WorkflowDefinition>;
}

/**
 * Checks a workflow definition and builds its machine. Throws one ORDO_ERR_DEFINITION_INVALID
 * whose `fields` list every problem with its JSON pointer.
 */
export function compileWorkflow(definition: WorkflowDefinition, environment: WorkflowEnvironment): CompiledWorkflow {
  const functions = environment.functions ?? NATIVE_FUNCTIONS;
  const problems: WorkflowProblem[] = checkWorkflow(definition, { ...environment, functions });
  if (problems.length > 0) {
    const summary = problems.map((problem) => `${problem.pointer}: ${problem.message}`).join('; ');
    throw new OrdoError('ORDO_ERR_DEFINITION_INVALID', `workflow "${definition.id}" is not valid: ${summary}`, {
      fields: problems.map((problem) => ({ pointer: problem.pointer, code: problem.code, message: problem.message })),
    });
  }
  const entries = stateEntries(definition);
  const tasks = new Map(entries.flatMap((entry) => (entry.node.task === undefined ? [] : [[entry.name, entry.node.task] as const])));
  const events = new Set<string>();
  const eventRoles = new Map<string, Set<string> | undefined>();
  for (const located of [...workflowLevelTransitions(definition), ...entries.flatMap(transitionsOf)]) {
    if (located.event === undefined) continue;
    const seen = eventRoles.has(located.event) ? eventRoles.get(located.event) : new Set<string>();
    const roles = located.transition.roles;
    eventRoles.set(located.event, seen === undefined || roles === undefined ? undefined : new Set([...seen, ...roles]));
    events.add(located.event);
  }
  return Object.freeze({
    definition,
    machine: buildMachine(definition, [...tasks.keys()], functions),
    taskStates: Object.freeze([...tasks.keys()]),
    taskOf: (state: string) => tasks.get(state),
    businessEvents: Object.freeze([...events]),
    eventRoles: (event: string) => eventRoles.get(event),
  });
}
