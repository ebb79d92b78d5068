import type { Assignee, ChildWorkflows, FormDefinition, StateNode, WorkflowDefinition } from '../definitions/generated/definition-types.js';
import { escapePointer } from '../definitions/meta-schema-validator.js';
import { checkExpression, type FieldScope, type ScalarType } from '../expressions/index.js';
import { formFieldScope, formLineScope, ordoFieldKindOf } from '../forms/model/index.js';
import type { NativeFunction } from '../functions/index.js';
import { matchAssignee } from './assignees.js';
import { parseDuration } from './durations.js';
import { stateEntries, transitionsOf, workflowLevelTransitions, type LocatedTransition, type StateEntry } from './state-tree.js';
import { graphProblems, targetRequired } from './workflow-graph-checks.js';
import { STRUCTURAL_PROBLEM_CODES, type WorkflowProblem, type WorkflowProblemCode } from './workflow-problem.js';


export interface CheckEnvironment {
  readonly forms: ReadonlyMap<string, FormDefinition>;
  readonly functions: ReadonlyMap<string, NativeFunction>;
  readonly roles?: ReadonlySet<string>;
  /** Ids of the app's departments; department assignees are unchecked when absent. */
  readonly departments?: ReadonlySet<string>;
  /** Other workflows, for the children a spawn state starts; unchecked when absent. */
  readonly workflows?: ReadonlyMap<string, WorkflowDefinition>;
}

const SPECIAL_RETURNS = new Set(['previous', 'initiator']);

const STRUCTURAL: ReadonlySet<WorkflowProblemCode> = new Set(STRUCTURAL_PROBLEM_CODES);

/**
 * Everything that would make a workflow fail at run time, found at load time: unknown targets,
 * unreachable states, dead ends, formulas that do not compile against the form, unknown fields,
 * functions, forms and roles, and task settings that contradict each other.
 */
export function checkWorkflow(definition: WorkflowDefinition, environment: CheckEnvironment): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const add = (pointer: string, code: WorkflowProblemCode, message: string) => problems.push({ pointer, code, message });
  const entries = stateEntries(definition);
  const byName = new Map<string, StateEntry>();
  for (const entry of entries) {
    if (byName.has(entry.name)) add(entry.pointer, 'duplicateState', `state "${entry.name}" is defined twice; state names are unique across the workflow`);
    else byName.set(entry.name, entry);
  }

  const form = environment.forms.get(definition.form);
  if (form === undefined) add('/form', 'unknownForm', `no form "${definition.form}" is defined`);
  const scope = form === undefined ? undefined : formFieldScope(form);
  const formula = (source: string, pointer: string, expect?: ScalarType, code: WorkflowProblemCode = 'invalidFormula') => {
    if (scope === undefined) return;
    for (const diagnostic of checkExpression(source, scope, expect === undefined ? {} : { expect })) add(pointer, code, diagnostic.message);
  };
  const field = (fieldName: string, pointer: string, inScope: FieldScope | undefined = scope, formId = definition.form) => {
    if (inScope !== undefined && !Object.hasOwn(inScope, fieldName)) add(pointer, 'unknownField', `no field "${fieldName}" in form "${formId}"`);
  };
  /** Due times and waits read a date from the record; any other type would give no instant. */
  const dateField = (fieldName: string, pointer: string) => {
    if (scope === undefined) return;
    const type = Object.hasOwn(scope, fieldName) ? scope[fieldName]?.type : undefined;
    if (type === undefined) add(pointer, 'unknownField', `no field "${fieldName}" in form "${definition.form}"`);
    else if (type !== 'date' && type !== 'datetime') add(pointer, 'notDateField', `field "${fieldName}" is not a date or date-time field`);
  };
  const role = (id: string, pointer: string) => {
    if (environment.roles !== undefined && !environment.roles.has(id)) add(pointer, 'unknownRole', `no role "${id}" in the app`);
  };
  definition.start?.roles?.forEach((id, i) => role(id, `/start/roles/${i}`));

  const checkTransition = (located: LocatedTransition, allowGuard: boolean) => {
    const { transition, pointer } = located;
    if (transition.target !== undefined && !byName.has(transition.target)) add(`${pointer}/target`, 'unknownState', `no state "${transition.target}"`);
    if (transition.target === undefined && targetRequired(located)) add(pointer, 'missingTarget', 'this transition needs a `target`: without one the workflow would stay where it is for good');
    if (transition.guard !== undefined) {
      if (allowGuard) formula(transition.guard, `${pointer}/guard`, 'boolean', 'invalidGuard');
      else add(`${pointer}/guard`, 'guardOnOutcome', 'this transition is taken by an outcome, not chosen by a guard');
    }
    transition.roles?.forEach((id, i) => role(id, `${pointer}/roles/${i}`));
    transition.actions?.forEach((action, i) => checkAction(action, `${pointer}/actions/${i}`));
  };

  const department = (id: string, pointer: string) => {
    if (environment.departments !== undefined && !environment.departments.has(id)) add(pointer, 'unknownDepartment', `no department "${id}" in the app`);
  };
  /** `departmentOf` reads a department id from the record, so only a department field will do. */
  const departmentField = (fieldName: string, pointer: string) => {
    if (form === undefined || scope === undefined) return;
    if (!Object.hasOwn(scope, fieldName)) return add(pointer, 'unknownField', `no field "${fieldName}" in form "${definition.form}"`);
    const schema = Object.hasOwn(form.schema.properties, fieldName) ? form.schema.properties[fieldName] : undefined;
    if (schema === undefined || ordoFieldKindOf(schema) !== 'department') add(pointer, 'notDepartmentField', `field "${fieldName}" is not a department field`);
  };
  const checkAssignee = (assignee: Assignee, at: string): void =>
    matchAssignee(assignee, {
      role: (id) => role(id, `${at}/role`),
      user: () => undefined,
      field: (name) => field(name, `${at}/field`),
      expression: (source) => formula(source, `${at}/expression`),
      managerOf: (of) => checkAssignee(of, `${at}/managerOf`),
      department: (id, within) => {
        department(id, `${at}/department`);
        if (within.kind === 'members' && within.role !== undefined) role(within.role, `${at}/role`);
      },
      departmentOf: (name, within) => {
        departmentField(name, `${at}/departmentOf`);
        if (within.kind === 'members' && within.role !== undefined) role(within.role, `${at}/role`);
      },
    });
  const checkAssignees = (assignees: readonly Assignee[], pointer: string) => assignees.forEach((assignee, i) => checkAssignee(assignee, `${pointer}/${i}`));

  const checkAction = (action: NonNullable<StateNode['entry']>[number], pointer: string) => {
    switch (action.type) {
      case 'setFields':
        for (const [name, source] of Object.entries(action.fields)) {
          field(name, `${pointer}/fields/${escapePointer(name)}`);
          formula(source, `${pointer}/fields/${escapePointer(name)}`);
        }
        break;
      case 'createRecord':
      case 'updateRecord': {
        const target = environment.forms.get(action.form);
        if (target === undefined) add(`${pointer}/form`, 'unknownForm', `no form "${action.form}" is defined`);
        const targetScope = target === undefined ? undefined : formFieldScope(target);
        const values = action.type === 'createRecord' ? action.data : action.fields;
        const key = action.type === 'createRecord' ? 'data' : 'fields';
        for (const [name, source] of Object.entries(values)) {
          field(name, `${pointer}/${key}/${escapePointer(name)}`, targetScope, action.form);
          formula(source, `${pointer}/${key}/${escapePointer(name)}`);
        }
        if (action.type === 'updateRecord') formula(action.record, `${pointer}/record`);
        break;
      }
      case 'notify':
        checkAssignees(action.to, `${pointer}/to`);
        break;
      case 'emit':
        for (const [name, source] of Object.entries(action.data ?? {})) formula(source, `${pointer}/data/${escapePointer(name)}`);
        break;
    }
  };

  /** The scope of a line of a sub-table (its columns, then the header); undefined when it cannot be known. */
  const lineScopeOf = (table: string, pointer: string): FieldScope | undefined => {
    if (scope === undefined || form === undefined) return undefined;
    if (scope[table]?.type === 'table') return formLineScope(form, table);
    add(pointer, 'notSubTable', `"${table}" is not a sub-table of form "${definition.form}"`);
    return undefined;
  };

  const checkSpawn = (spawn: ChildWorkflows, at: string) => {
    const target = environment.forms.get(spawn.form);
    if (target === undefined) add(`${at}/form`, 'unknownForm', `no form "${spawn.form}" is defined`);
    const child = environment.workflows?.get(spawn.workflow);
    if (environment.workflows !== undefined && child === undefined) add(`${at}/workflow`, 'unknownWorkflow', `no workflow "${spawn.workflow}" is defined`);
    if (child !== undefined && child.form !== spawn.form) add(`${at}/form`, 'childFormMismatch', `workflow "${spawn.workflow}" drives form "${child.form}", not "${spawn.form}"`);
    if (child !== undefined && spawn.cancelEvent !== undefined && !eventsOf(child).has(spawn.cancelEvent)) {
      add(`${at}/cancelEvent`, 'unknownEvent', `workflow "${spawn.workflow}" has no event "${spawn.cancelEvent}"`);
    }
    if (spawn.workflow === definition.id) add(`${at}/workflow`, 'spawnsItself', 'a workflow cannot spawn itself');
    const targetScope = target === undefined ? undefined : formFieldScope(target);
    const lineScope = spawn.forEach === undefined ? scope : (lineScopeOf(spawn.forEach, `${at}/forEach`) ?? scope);
    if (spawn.link !== undefined) field(spawn.link, `${at}/link`, targetScope, spawn.form);
    for (const [name, source] of Object.entries(spawn.data)) {
      const pointer = `${at}/data/${escapePointer(name)}`;
      field(name, pointer, targetScope, spawn.form);
      if (lineScope !== undefined) for (const diagnostic of checkExpression(source, lineScope)) add(pointer, 'invalidFormula', diagnostic.message);
    }
  };

  const duration = (text: string | undefined, pointer: string) => {
    if (text === undefined) return;
    try {
      parseDuration(text);
    } catch {
      add(pointer, 'invalidDuration', `"${text}" is not a duration`);
    }
  };

  if (!Object.hasOwn(definition.states, definition.initial)) add('/initial', 'unknownInitial', `"${definition.initial}" is not a top-level state`);
  for (const located of workflowLevelTransitions(definition)) checkTransition(located, true);

  for (const entry of entries) {
    const { node, pointer } = entry;
    const kinds = (['task', 'invoke', 'wait', 'spawn', 'states'] as const).filter((key) => node[key] !== undefined);
    if (kinds.length > 1)
      add(pointer, 'stateKinds', `a state is one of: a task, an invocation, a wait, a spawn of children, or a parent of states; this one has ${kinds.join(' and ')}`);
    if (node.type === 'final' && (kinds.length > 0 || node.on !== undefined || node.always !== undefined)) {
      add(pointer, 'finalWithContent', 'a final state has no children, tasks, waits, invocations or transitions');
    }
    if (node.type === 'parallel' && node.states === undefined) add(`${pointer}/type`, 'parallelWithoutRegions', 'a parallel state needs regions in `states`');
    if (node.states !== undefined && node.type !== 'parallel') {
      if (node.initial === undefined) add(`${pointer}/initial`, 'missingInitial', 'a state with children names its initial child');
      else if (!Object.hasOwn(node.states, node.initial)) add(`${pointer}/initial`, 'unknownInitial', `"${node.initial}" is not a child of "${entry.name}"`);
    } else if (node.initial !== undefined && node.states === undefined) {
      add(`${pointer}/initial`, 'unexpectedInitial', 'only a state with children has an initial child');
    }
    if (node.onDone !== undefined && node.states === undefined) add(`${pointer}/onDone`, 'onDoneWithoutChildren', 'only a state with children is ever done');
    for (const located of transitionsOf(entry)) {
      const outcomeOnly = /\/(task\/on(Approved|Rejected)|invoke\/on(Done|Error)|wait\/then|spawn\/onDone)$/.test(located.pointer);
      checkTransition(located, !outcomeOnly);
    }
    node.entry?.forEach((action, i) => checkAction(action, `${pointer}/entry/${i}`));
    node.exit?.forEach((action, i) => checkAction(action, `${pointer}/exit/${i}`));

    const task = node.task;
    if (task !== undefined) {
      const at = `${pointer}/task`;
      checkAssignees(task.assignees, `${at}/assignees`);
      checkAssignees(task.cc ?? [], `${at}/cc`);
      if (task.mode === 'ratio' && task.ratio === undefined) add(`${at}/ratio`, 'ratioMissing', 'ratio mode needs the share of approvals in `ratio`');
      if (task.mode !== 'ratio' && task.ratio !== undefined) add(`${at}/ratio`, 'ratioUnused', 'only ratio mode uses `ratio`');
      task.editableFields?.forEach((name, i) => field(name, `${at}/editableFields/${i}`));
      task.returnTo?.forEach((target, i) => {
        if (SPECIAL_RETURNS.has(target)) return;
        const state = byName.get(target);
        if (state === undefined) add(`${at}/returnTo/${i}`, 'unknownState', `no state "${target}"`);
        else if (state.node.task === undefined && target !== definition.initial)
          add(`${at}/returnTo/${i}`, 'invalidReturnTo', `"${target}" is neither a task nor the initial state`);
      });
      const due = task.due;
      if (due !== undefined) {
        if ((due.after === undefined) === (due.field === undefined)) add(`${at}/due`, 'dueSpec', 'give exactly one of `after` and `field`');
        duration(due.after, `${at}/due/after`);
        duration(due.remindBefore, `${at}/due/remindBefore`);
        if (due.field !== undefined) dateField(due.field, `${at}/due/field`);
        if (due.onDue !== undefined) {
          const needsTo = due.onDue.action === 'notify' || due.onDue.action === 'reassign';
          if (needsTo && due.onDue.to === undefined) add(`${at}/due/onDue/to`, 'escalationTarget', `${due.onDue.action} needs \`to\``);
          checkAssignees(due.onDue.to ?? [], `${at}/due/onDue/to`);
        }
      }
    }
    if (node.wait !== undefined) {
      const at = `${pointer}/wait`;
      if ((node.wait.after === undefined) === (node.wait.untilField === undefined)) add(at, 'waitSpec', 'give exactly one of `after` and `untilField`');
      duration(node.wait.after, `${at}/after`);
      if (node.wait.untilField !== undefined) dateField(node.wait.untilField, `${at}/untilField`);
    }
    if (node.spawn !== undefined) checkSpawn(node.spawn, `${pointer}/spawn`);
    if (node.invoke !== undefined) {
      const at = `${pointer}/invoke`;
      if (!environment.functions.has(node.invoke.function)) add(`${at}/function`, 'unknownFunction', `no native function "${node.invoke.function}"`);
      for (const [name, source] of Object.entries(node.invoke.input ?? {})) formula(source, `${at}/input/${escapePointer(name)}`);
      for (const [name, list] of Object.entries(node.invoke.inputLists ?? {})) {
        const listAt = `${at}/inputLists/${escapePointer(name)}`;
        if (node.invoke.input?.[name] !== undefined) add(listAt, 'inputTwice', `"${name}" is also given in \`input\``);
        const lineScope = lineScopeOf(list.forEach, `${listAt}/forEach`);
        if (lineScope === undefined) continue;
        for (const [column, source] of Object.entries(list.input)) {
          for (const diagnostic of checkExpression(source, lineScope)) add(`${listAt}/input/${escapePointer(column)}`, 'invalidFormula', diagnostic.message);
        }
      }
      for (const name of Object.keys(node.invoke.output ?? {})) field(name, `${at}/output/${escapePointer(name)}`);
    }
  }

  // The graph is only read once every name resolves and every state is one thing; a formula's problem does not hide it.
  if (!problems.some((problem) => STRUCTURAL.has(problem.code))) problems.push(...graphProblems(definition, entries, byName));
  return problems;
}

/** The business events a workflow lists anywhere. */
function eventsOf(definition: WorkflowDefinition): Set<string> {
  const located = [...workflowLevelTransitions(definition), ...stateEntries(definition).flatMap(transitionsOf)];
  return new Set(located.flatMap((item) => (item.event === undefined ? [] : [item.event])));
}
