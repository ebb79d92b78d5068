import type { Migration } from 'kysely';
import { initialMigration } from './0001-initial.js';
import { workflowsMigration } from './0002-workflows.js';
import { planRunsMigration } from './0003-plan-runs.js';
import { scheduleRunsMigration } from './0004-schedule-runs.js';
import { definitionDraftsMigration } from './0005-definition-drafts.js';
import { attachmentsDepartmentsMigration } from './0006-attachments-departments.js';
import { draftLayoutsMigration } from './0007-draft-layouts.js';

/** Every migration, by name in the order they run. Imported, not scanned from a folder, so bundling and tsx agree. */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-initial': initialMigration,
  '0002-workflows': workflowsMigration,
  '0003-plan-runs': planRunsMigration,
  '0004-schedule-runs': scheduleRunsMigration,
  '0005-definition-drafts': definitionDraftsMigration,
  '0006-attachments-departments': attachmentsDepartmentsMigration,
  '0007-draft-layouts': draftLayoutsMigration,
});
