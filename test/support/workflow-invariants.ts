import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../../runtime/db/index.js';

/*
 * Set-based checks of the whole workflow store, cheap enough for thousands of instances after a
 * crash or a timer storm (runtime-anchors R20): each returns one line per broken instance or row.
 */

interface InstanceFacts {
  id: string;
  status: string;
  revision: number;
  last_seq: number;
  events: number;
  distinct_seqs: number;
  min_seq: number | null;
  max_seq: number | null;
  /** Events that began a command: all but the assignments the runtime adds inside one. */
  commands: number;
  last_state_matches: boolean | null;
}

/** Every name in a state value: `"draft"`, `{approval: {review: "deciding"}}` -> approval, review, deciding. */
function activeNames(value: unknown): Set<string> {
  const names = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node === 'string') names.add(node);
    else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        names.add(key);
        walk(child);
      }
    }
  };
  walk(value);
  return names;
}

/**
 * - the log of each instance is seq 1..last_seq, no gap, no duplicate, and ends in the stored state;
 * - the revision counts the commands (each command writes the instance once and appends its event
 *   first, followed by any `ordo.task.assigned` it caused);
 * - no event without an instance;
 * - every open or waiting task is of a running instance, in a state the instance is in, of the
 *   node's current round;
 * - no timer is left for an instance that is not running.
 */
export async function workflowInvariantViolations(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const violations: string[] = [];
  const facts = await sql<InstanceFacts>`
    select i.id, i.status, i.revision, i.last_seq,
      count(e.seq)::int as events,
      count(distinct e.seq)::int as distinct_seqs,
      min(e.seq) as min_seq,
      max(e.seq) as max_seq,
      (count(e.seq) filter (where e.type <> 'ordo.task.assigned'))::int as commands,
      (select last.state_after = i.state_value from ordo_workflow_events last
        where last.instance_id = i.id order by last.seq desc limit 1) as last_state_matches
    from ordo_workflow_instances i
    left join ordo_workflow_events e on e.instance_id = i.id
    group by i.id`.execute(db);
  for (const row of facts.rows) {
    if (row.events !== row.last_seq || row.distinct_seqs !== row.events || (row.events > 0 && (row.min_seq !== 1 || row.max_seq !== row.last_seq))) {
      violations.push(`${row.id}: events ${row.events} (${row.distinct_seqs} distinct, ${row.min_seq}..${row.max_seq}) but last_seq ${row.last_seq}`);
    }
    if (row.last_state_matches !== true) violations.push(`${row.id}: the last event does not leave the instance in its stored state`);
    if (row.commands !== row.revision) violations.push(`${row.id}: revision ${row.revision} but ${row.commands} commands in the log`);
  }

  const orphans = await sql<{ instance_id: string; n: number }>`
    select e.instance_id, count(*)::int as n from ordo_workflow_events e
    where not exists (select 1 from ordo_workflow_instances i where i.id = e.instance_id)
    group by e.instance_id`.execute(db);
  for (const row of orphans.rows) violations.push(`${row.instance_id}: ${row.n} events without an instance`);

  const open = await sql<{ id: string; slot: string; node: string; round: number; instance_id: string; status: string; state_value: unknown; current_round: number | null }>`
    select t.id, t.slot, t.node, t.round, t.instance_id, i.status, i.state_value,
      (i.context -> 'rounds' ->> t.node)::int as current_round
    from ordo_tasks t join ordo_workflow_instances i on i.id = t.instance_id
    where t.status in ('open', 'waiting')`.execute(db);
  for (const task of open.rows) {
    if (task.status !== 'running') violations.push(`${task.instance_id}: task ${task.slot} is open but the instance is ${task.status}`);
    else if (!activeNames(task.state_value).has(task.node)) violations.push(`${task.instance_id}: task ${task.slot} is open but the instance is in ${JSON.stringify(task.state_value)}`);
    else if (task.current_round !== task.round) violations.push(`${task.instance_id}: task ${task.slot} is open for round ${task.round}, the node is in round ${task.current_round}`);
  }

  const timers = await sql<{ instance_id: string; kind: string; status: string | null }>`
    select t.instance_id, t.kind, i.status from ordo_timers t
    left join ordo_workflow_instances i on i.id = t.instance_id
    where i.status is distinct from 'running'`.execute(db);
  for (const timer of timers.rows) violations.push(`${timer.instance_id}: a ${timer.kind} timer is left for an instance that is ${timer.status ?? 'missing'}`);
  return violations;
}
