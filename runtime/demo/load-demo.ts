import { OrdoError, isOrdoError } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { importRecord, type Actor, type Services } from '../services/index.js';
import { findRecordIdsOutside, findUserByUsername, recordIdExists } from '../stores/index.js';
import { readDemoContent } from './demo-files.js';
import { readDemoHistory, runDemoHistory } from './demo-history.js';

export interface DemoLoadResult {
  /** False when the database already holds other data, so the demo stayed out. */
  loaded: boolean;
  users: number;
  records: number;
}

const SYSTEM_ADMIN: Actor = { userId: 'system', username: 'system', displayName: 'System', roles: ['admin'], locale: 'zh-CN' };

/**
 * Loads the demo factory through the normal services (computed fields and serials are real), then
 * runs the workflows of history.json so the demo has approval history. Only into
 * a database with no records but the demo's own; users and records already there are skipped, so a
 * second run, or a run after an interrupted one, completes the set without duplicating it.
 */
export async function loadDemo(services: Services, database: OrdoDatabase, dir: string): Promise<DemoLoadResult> {
  const content = await readDemoContent(dir);
  const history = await readDemoHistory(dir);
  const demoIds = content.recordFiles.flatMap((file) => file.records.map((record) => record.id));
  if ((await findRecordIdsOutside(database.db, demoIds, 1)).length > 0) return { loaded: false, users: 0, records: 0 };

  let users = 0;
  for (const user of content.users) {
    if ((await findUserByUsername(database.db, user.username)) !== undefined) continue;
    await services.auth.addUser({
      username: user.username,
      roles: user.roles,
      password: user.password,
      ...(user.displayName === undefined ? {} : { displayName: user.displayName }),
      ...(user.locale === undefined ? {} : { locale: user.locale }),
      ...(user.manager === undefined ? {} : { manager: user.manager }),
      ...(user.departments === undefined ? {} : { departments: user.departments }),
    });
    users += 1;
  }

  const actor = await adminActor(database, content.users.find((user) => user.roles.includes('admin'))?.username);
  let records = 0;
  for (const file of content.recordFiles) {
    for (const record of file.records) {
      if (await recordIdExists(database.db, record.id)) continue;
      try {
        await importRecord(services, actor, file.form, record);
      } catch (error) {
        if (!isOrdoError(error)) throw error;
        const where = error.fields.map((field) => ` ${field.pointer}: ${field.message}`).join(';');
        throw new OrdoError(error.code, `${file.file}: record ${record.id}: ${error.message}${where}`, { fields: error.fields, cause: error });
      }
      records += 1;
    }
  }
  await runDemoHistory(services, database, history, actor);
  return { loaded: true, users, records };
}

async function adminActor(database: OrdoDatabase, username: string | undefined): Promise<Actor> {
  const row = username === undefined ? undefined : await findUserByUsername(database.db, username);
  if (row === undefined) return SYSTEM_ADMIN;
  return { userId: row.id, username: row.username, displayName: row.display_name, roles: [...row.roles], locale: row.locale === 'en' ? 'en' : 'zh-CN' };
}
