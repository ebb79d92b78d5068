import { sql, type Kysely, type Migration } from 'kysely';

/** The workflow runtime's tables: instances, their event log, inbox tasks, durable timers, notifications, outbox. */
export const workflowsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('ordo_workflow_instances')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('workflow', 'text', (c) => c.notNull())
      .addColumn('workflow_version', 'integer', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('state_value', 'jsonb', (c) => c.notNull())
      .addColumn('context', 'jsonb', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('last_seq', 'integer', (c) => c.notNull())
      .addColumn('initiator', 'text', (c) => c.notNull())
      .addColumn('initiator_id', 'text')
      .addColumn('parent_id', 'text')
      .addColumn('started_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('ended_at', 'timestamptz')
      .execute();
    // The business key: two users starting the same workflow on one record at once get one instance.
    await db.schema
      .createIndex('ordo_workflow_instances_running_uq')
      .unique()
      .on('ordo_workflow_instances')
      .columns(['workflow', 'record_id'])
      .where(sql.ref('status'), '=', 'running')
      .execute();
    await db.schema.createIndex('ordo_workflow_instances_record_idx').on('ordo_workflow_instances').column('record_id').execute();
    await db.schema
      .createIndex('ordo_workflow_instances_initiator_idx')
      .on('ordo_workflow_instances')
      .columns(['initiator', 'started_at'])
      .execute();

    await db.schema
      .createTable('ordo_workflow_events')
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('actor_username', 'text', (c) => c.notNull())
      .addColumn('actor_display_name', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('state_before', 'jsonb')
      .addColumn('state_after', 'jsonb', (c) => c.notNull())
      .addColumn('record_revision', 'integer')
      // Two writers that both read last_seq = n collide here instead of leaving a gap or a duplicate.
      .addPrimaryKeyConstraint('ordo_workflow_events_pk', ['instance_id', 'seq'])
      .execute();

    await db.schema
      .createTable('ordo_tasks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('workflow', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('node', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('assignee', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('title', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('due_at', 'timestamptz')
      .addColumn('acted_at', 'timestamptz')
      .addColumn('acted_by', 'text')
      .addColumn('comment', 'text')
      .addColumn('draft', 'jsonb')
      .addUniqueConstraint('ordo_tasks_instance_slot_uq', ['instance_id', 'slot'])
      .execute();
    // The inbox (mine, by status, newest first), the done list (acted by me, by time), and an instance's tasks.
    await db.schema.createIndex('ordo_tasks_assignee_idx').on('ordo_tasks').columns(['assignee', 'status', 'created_at']).execute();
    await db.schema.createIndex('ordo_tasks_acted_idx').on('ordo_tasks').columns(['acted_by', 'acted_at']).execute();
    await db.schema.createIndex('ordo_tasks_instance_idx').on('ordo_tasks').column('instance_id').execute();

    await db.schema
      .createTable('ordo_timers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('node', 'text', (c) => c.notNull())
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('due_at', 'timestamptz', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    // The claim query's order: due time, then id so that equal due times claim in a stable order.
    await db.schema.createIndex('ordo_timers_due_idx').on('ordo_timers').columns(['due_at', 'id']).execute();

    await db.schema
      .createTable('ordo_notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text')
      .addColumn('form', 'text')
      .addColumn('record_id', 'text')
      .addColumn('message', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('read_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('ordo_notifications_user_idx').on('ordo_notifications').columns(['username', 'created_at']).execute();

    await db.schema
      .createTable('ordo_outbox')
      .addColumn('seq', 'bigint', (c) => c.generatedAlwaysAsIdentity().primaryKey())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('data', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('delivered_at', 'timestamptz')
      .execute();

    // The managerOf assignee rule reads it; a username rather than an id, like every other user reference.
    await db.schema.alterTable('ordo_users').addColumn('manager', 'text').execute();
  },
};
