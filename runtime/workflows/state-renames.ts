import type { StateMap, WorkflowDefinition } from '../../engine/definitions/index.js';
import type { ApprovalRound, InstanceState } from '../../engine/workflows/index.js';
import type { WorkflowStateValue } from '../db/index.js';

/** Old state name -> new state name, for moving instances to another version; names not listed keep theirs. */
export type StateRenames = Readonly<Record<string, string>>;

export function renamedState(name: string, renames: StateRenames): string {
  return Object.hasOwn(renames, name) ? (renames[name] as string) : name;
}

/** Every state name of a definition, at any depth (names are unique across a workflow). */
export function stateNames(definition: WorkflowDefinition): Set<string> {
  const names = new Set<string>();
  const visit = (states: StateMap) => {
    for (const [name, node] of Object.entries(states)) {
      names.add(name);
      if (node.states !== undefined) visit(node.states);
    }
  };
  visit(definition.states);
  return names;
}

/** A slot id is `<node>.<round>.<n>`: a renamed node renames its slots. */
export function renamedSlot(slot: string, renames: StateRenames): string {
  const node = slot.slice(0, slot.indexOf('.'));
  return node === '' ? slot : `${renamedState(node, renames)}${slot.slice(node.length)}`;
}

/** Names that would end up twice in one place after renaming, as "a" and "b" both becoming "b". */
function collision(names: readonly string[], renames: StateRenames): string | undefined {
  const seen = new Map<string, string>();
  for (const name of names) {
    const next = renamedState(name, renames);
    const earlier = seen.get(next);
    if (earlier !== undefined) return `"${earlier}" and "${name}" would both become "${next}"`;
    seen.set(next, name);
  }
  return undefined;
}

/**
 * The state value with each state's name renamed. The children of a task state (`assigning`,
 * `deciding`) belong to the approval node, not to the definition, and keep their names.
 */
function renameValue(value: WorkflowStateValue, renames: StateRenames, isTask: (name: string) => boolean): WorkflowStateValue {
  if (typeof value === 'string') return renamedState(value, renames);
  return Object.fromEntries(
    Object.entries(value).map(([name, child]) => [renamedState(name, renames), isTask(name) ? child : renameValue(child, renames, isTask)]),
  );
}

function valueCollision(value: WorkflowStateValue, renames: StateRenames, isTask: (name: string) => boolean): string | undefined {
  if (typeof value === 'string') return undefined;
  const here = collision(Object.keys(value), renames);
  if (here !== undefined) return here;
  for (const [name, child] of Object.entries(value)) {
    const below = isTask(name) ? undefined : valueCollision(child, renames, isTask);
    if (below !== undefined) return below;
  }
  return undefined;
}

function renameRound(round: ApprovalRound, node: string, renames: StateRenames): ApprovalRound {
  return { ...round, node, slots: round.slots.map((slot) => ({ ...slot, id: renamedSlot(slot.id, renames) })) };
}

/**
 * Renames the states an instance is in and those its context remembers (visit counts, visited
 * tasks, approval rounds and their slot ids). Pure, so a migration and a replay of its log
 * compute the same instance. Refused when two names would merge where the instance keeps both.
 */
export function renameInstance(
  state: InstanceState,
  renames: StateRenames,
  isTask: (name: string) => boolean,
): { ok: true; state: InstanceState } | { ok: false; reason: string } {
  const value = state.value as WorkflowStateValue;
  const { context } = state;
  const clash = valueCollision(value, renames, isTask) ?? collision(Object.keys(context.rounds), renames) ?? collision(Object.keys(context.approvals), renames);
  if (clash !== undefined) return { ok: false, reason: clash };
  return {
    ok: true,
    state: {
      status: state.status,
      value: renameValue(value, renames, isTask),
      context: {
        ...context,
        rounds: Object.fromEntries(Object.entries(context.rounds).map(([node, count]) => [renamedState(node, renames), count])),
        visited: context.visited.map((node) => renamedState(node, renames)),
        approvals: Object.fromEntries(
          Object.entries(context.approvals).map(([node, round]) => {
            const next = renamedState(node, renames);
            return [next, renameRound(round, next, renames)];
          }),
        ),
      },
    },
  };
}
