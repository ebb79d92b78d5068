import { sql } from 'kysely';
import type { LocalizedText } from '../../engine/definitions/index.js';
import type { Executor } from './executor.js';

export interface NodeRename {
  from: string;
  to: string;
  /** The task's title in the version the instance moves to. */
  title: LocalizedText;
}

/** A node name no state can have (state names start with a letter), so no rename can clash with it mid-way. */
function parked(i: number): string {
  return `.migrating-${i}`;
}

/**
 * Renames nodes in an instance's task rows (node, slot id `<node>.<round>.<n>`, title) and timers.
 * Two passes through parking names, so swapping two names works under the (instance, slot)
 * uniqueness that PostgreSQL checks row by row.
 */
export async function renameInstanceNodes(db: Executor, instanceId: string, renames: readonly NodeRename[]): Promise<void> {
  const passes = [
    renames.map((rename, i) => ({ from: rename.from, to: parked(i), title: undefined })),
    renames.map((rename, i) => ({ from: parked(i), to: rename.to, title: rename.title })),
  ];
  for (const pass of passes) {
    for (const { from, to, title } of pass) {
      await db
        .updateTable('ordo_tasks')
        .set({
          node: to,
          slot: sql<string>`cast(${to} as text) || substr(slot, cast(${from.length + 1} as integer))`,
          ...(title === undefined ? {} : { title: JSON.stringify(title) }),
        })
        .where('instance_id', '=', instanceId)
        .where('node', '=', from)
        .execute();
      await db.updateTable('ordo_timers').set({ node: to }).where('instance_id', '=', instanceId).where('node', '=', from).execute();
    }
  }
}
