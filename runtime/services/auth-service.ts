import { randomUUID } from 'node:crypto';
import { OrdoError, type Locale } from '../../engine/errors/index.js';
import type { OrdoDatabase } from '../db/index.js';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findSessionWithUser,
  findUserByUsername,
  insertAudit,
  insertSession,
  insertUser,
  isUniqueViolation,
  listPickableUsers,
  type SessionUser,
  type UserRow,
} from '../stores/index.js';
import { hashPassword, spendPasswordCheck, verifyPassword } from './password-hash.js';
import { hashSessionToken, newSessionToken } from './session-token.js';
import type { Actor, AuthService, PublicUser } from './types.js';

export interface AuthDependencies {
  database: OrdoDatabase;
  now: () => Date;
  idleMinutes: number;
  maxMinutes: number;
  /** Roles of the published app (admin included), or undefined while none is published. */
  knownRoles: () => readonly string[] | undefined;
  /** Department ids of the published app; undefined before an app is published. */
  knownDepartments?: () => readonly string[] | undefined;
}

const MINUTE = 60_000;
// Extending a session on every request would write on every read; a minute of slack is invisible to users.
const EXTEND_SLACK_MS = MINUTE;
const MIN_PASSWORD_LENGTH = 8;
const USERNAME = /^[^\s\p{C}]{1,64}$/u;

export function createAuthService(deps: AuthDependencies): AuthService {
  const { db } = deps.database;

  return {
    async login(username, password) {
      const at = deps.now();
      const user = await findUserByUsername(db, username);
      const valid = user === undefined ? (await spendPasswordCheck(password), false) : await verifyPassword(password, user.password_hash);
      if (user === undefined || !valid) {
        await insertAudit(db, { at, actor: { id: user?.id ?? null, username: String(username).slice(0, 128) }, action: 'login.failed' });
        throw new OrdoError('ORDO_ERR_LOGIN_FAILED');
      }
      const token = newSessionToken();
      const idleExpiresAt = new Date(at.getTime() + deps.idleMinutes * MINUTE);
      const absoluteExpiresAt = new Date(at.getTime() + deps.maxMinutes * MINUTE);
      const firstExpiry = idleExpiresAt < absoluteExpiresAt ? idleExpiresAt : absoluteExpiresAt;
      await db.transaction().execute(async (trx) => {
        await deleteExpiredSessions(trx, at);
        await insertSession(trx, {
          token_hash: hashSessionToken(token),
          user_id: user.id,
          created_at: at,
          idle_expires_at: firstExpiry,
          absolute_expires_at: absoluteExpiresAt,
        });
        await insertAudit(trx, { at, actor: { id: user.id, username: user.username }, action: 'login' });
      });
      return { token, expiresAt: firstExpiry.toISOString(), user: publicUser(user) };
    },

    async authenticate(token) {
      if (typeof token !== 'string' || token.length === 0 || token.length > 256) throw new OrdoError('ORDO_ERR_UNAUTHENTICATED');
      const tokenHash = hashSessionToken(token);
      const found = await findSessionWithUser(db, tokenHash);
      if (found === undefined) throw new OrdoError('ORDO_ERR_UNAUTHENTICATED');
      const { session, user } = found;
      const now = deps.now();
      if (now >= session.idle_expires_at || now >= session.absolute_expires_at) {
        await deleteSession(db, tokenHash);
        throw new OrdoError('ORDO_ERR_SESSION_EXPIRED');
      }
      const wanted = Math.min(now.getTime() + deps.idleMinutes * MINUTE, session.absolute_expires_at.getTime());
      if (wanted - session.idle_expires_at.getTime() > EXTEND_SLACK_MS) await extendSession(db, tokenHash, new Date(wanted));
      return actorOf(user);
    },

    async logout(token) {
      if (typeof token === 'string' && token.length > 0) await deleteSession(db, hashSessionToken(token));
    },

    async addUser(input) {
      const username = typeof input.username === 'string' ? input.username.trim() : '';
      const problems: { pointer: string; code: string; message: string }[] = [];
      if (!USERNAME.test(username)) problems.push({ pointer: '/username', code: 'pattern', message: 'must be 1 to 64 characters without spaces' });
      if (typeof input.password !== 'string' || input.password.length < MIN_PASSWORD_LENGTH) {
        problems.push({ pointer: '/password', code: 'minLength', message: `must have at least ${MIN_PASSWORD_LENGTH} characters` });
      }
      if (!Array.isArray(input.roles) || input.roles.length === 0) {
        problems.push({ pointer: '/roles', code: 'minItems', message: 'must name at least one role' });
      }
      const known = deps.knownRoles();
      (Array.isArray(input.roles) ? input.roles : []).forEach((role, index) => {
        if (typeof role !== 'string' || (known !== undefined && !known.includes(role))) {
          problems.push({ pointer: `/roles/${index}`, code: 'enum', message: `is not a role of the app: ${String(role)}` });
        }
      });
      if (input.locale !== undefined && input.locale !== 'zh-CN' && input.locale !== 'en') {
        problems.push({ pointer: '/locale', code: 'enum', message: 'must be zh-CN or en' });
      }
      const manager = typeof input.manager === 'string' ? input.manager.trim() : input.manager;
      if (manager !== undefined && (typeof manager !== 'string' || !USERNAME.test(manager) || manager === username)) {
        problems.push({ pointer: '/manager', code: 'pattern', message: 'must be the user name of another user' });
      }
      const departments = input.departments ?? [];
      const knownDepartments = deps.knownDepartments?.();
      departments.forEach((department, index) => {
        if (typeof department !== 'string' || (knownDepartments !== undefined && !knownDepartments.includes(department))) {
          problems.push({ pointer: `/departments/${index}`, code: 'enum', message: `is not a department of the app: ${String(department)}` });
        }
      });
      if (problems.length > 0) {
        throw new OrdoError('ORDO_ERR_REQUEST_INVALID', problems.map((p) => `${p.pointer}: ${p.message}`).join('; '), { fields: problems });
      }
      const at = deps.now();
      const passwordHash = await hashPassword(input.password);
      try {
        const row = await db.transaction().execute(async (trx) => {
          const inserted = await insertUser(trx, {
            id: randomUUID(),
            username,
            displayName: input.displayName?.trim() || username,
            roles: [...new Set(input.roles)],
            locale: input.locale ?? 'zh-CN',
            passwordHash,
            manager: manager ?? null,
            departments: [...new Set(departments)],
            at,
          });
          await insertAudit(trx, {
            at,
            actor: { id: null, username: 'system' },
            action: 'user.add',
            target: { kind: 'user', id: inserted.id },
            detail: { username, roles: input.roles, ...(manager === undefined ? {} : { manager }), ...(departments.length === 0 ? {} : { departments }) },
          });
          return inserted;
        });
        return publicUser(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new OrdoError('ORDO_ERR_DUPLICATE', `The user ${username} already exists`);
        throw error;
      }
    },

    pickableUsers() {
      return listPickableUsers(db);
    },
  };
}

function localeOf(value: string): Locale {
  return value === 'en' ? 'en' : 'zh-CN';
}

export function publicUser(row: UserRow): PublicUser {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: [...row.roles], locale: localeOf(row.locale) };
}

function actorOf(row: SessionUser): Actor {
  return { userId: row.id, username: row.username, displayName: row.display_name, roles: [...row.roles], locale: localeOf(row.locale) };
}
