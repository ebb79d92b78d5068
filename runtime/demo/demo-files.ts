import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OrdoError } from '../../engine/errors/index.js';

export interface DemoUser {
  username: string;
  displayName?: string;
  roles: string[];
  password: string;
  locale?: 'zh-CN' | 'en';
  /** The username of the user's manager. */
  manager?: string;
  /** Ids of the app's departments the user belongs to. */
  departments?: string[];
}

export interface DemoRecordFile {
  file: string;
  form: string;
  records: { id: string; data: Record<string, unknown> }[];
}

export interface DemoContent {
  users: DemoUser[];
  /** In load order: lookup targets before the records that point at them. */
  recordFiles: DemoRecordFile[];
}

/**
 * Reads definitions/mto/demo: users.json, records/*.json, and index.json's `order` (file names in
 * records/, with or without .json) when present; otherwise the record files load in name order.
 */
export async function readDemoContent(dir: string): Promise<DemoContent> {
  const users = await readJson(path.join(dir, 'users.json'));
  if (!Array.isArray(users) || !users.every(isDemoUser)) throw badFile(path.join(dir, 'users.json'), 'must be a list of {username, roles, password, manager?}');
  const recordsDir = path.join(dir, 'records');
  const names = (await readdir(recordsDir)).filter((name) => name.endsWith('.json')).sort();
  const order = await readOrder(path.join(dir, 'index.json'), names);
  const recordFiles: DemoRecordFile[] = [];
  for (const name of order) {
    const file = path.join(recordsDir, name);
    const content = await readJson(file);
    if (!isRecordFile(content)) throw badFile(file, 'must be {"form": "<id>", "records": [{"id": "<id>", "data": {...}}]}');
    recordFiles.push({ file, form: content.form, records: content.records });
  }
  return { users, recordFiles };
}

async function readOrder(indexFile: string, names: readonly string[]): Promise<string[]> {
  const index = await readJson(indexFile).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  });
  if (index === undefined) return [...names];
  const order = (index as { order?: unknown }).order;
  if (order === undefined) return [...names];
  if (!Array.isArray(order) || !order.every((entry) => typeof entry === 'string')) throw badFile(indexFile, '`order` must be a list of file names');
  const listed = order.map((entry) => (entry.endsWith('.json') ? entry : `${entry}.json`));
  const missing = listed.filter((name) => !names.includes(name));
  if (missing.length > 0) throw badFile(indexFile, `\`order\` names missing files: ${missing.join(', ')}`);
  // Files the order forgets still load, after the listed ones.
  return [...listed, ...names.filter((name) => !listed.includes(name))];
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badFile(file, error instanceof Error ? error.message : 'not JSON');
  }
}

function isDemoUser(value: unknown): value is DemoUser {
  const user = value as Partial<DemoUser> | null;
  return (
    typeof user === 'object' && user !== null && typeof user.username === 'string' && typeof user.password === 'string' &&
    Array.isArray(user.roles) && user.roles.every((role) => typeof role === 'string') &&
    (user.manager === undefined || typeof user.manager === 'string') &&
    (user.departments === undefined || (Array.isArray(user.departments) && user.departments.every((id: unknown) => typeof id === 'string')))
  );
}

function isRecordFile(value: unknown): value is Omit<DemoRecordFile, 'file'> {
  const content = value as { form?: unknown; records?: unknown } | null;
  return (
    typeof content === 'object' && content !== null && typeof content.form === 'string' && Array.isArray(content.records) &&
    content.records.every((record: { id?: unknown; data?: unknown } | null) =>
      typeof record === 'object' && record !== null && typeof record.id === 'string' && typeof record.data === 'object' && record.data !== null)
  );
}

function badFile(file: string, message: string): OrdoError {
  return new OrdoError('ORDO_ERR_DEFINITION_INVALID', `${file}: ${message}`);
}
