import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { createServices, hashPassword, verifyPassword, type Services } from '../../runtime/services/index.js';
import { findUserByUsername } from '../../runtime/stores/index.js';
import { resetDatabase, testDatabases } from '../support/database.js';
import { codeOf } from '../support/error-code.js';
import { RUNTIME_APP, RUNTIME_FORMS } from '../support/runtime-fixture.js';


describe('password hashes', () => {
  it('verify the password they were made from and no other', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (password, other) => {
        const stored = await hashPassword(password);
        expect(await verifyPassword(password, stored)).toBe(true);
        expect(await verifyPassword(other, stored)).toBe(other.normalize('NFC') === password.normalize('NFC'));
      }),
      { numRuns: 5 },
    );
  });

  it('are salted, self-describing scrypt strings', async () => {
    const a = await hashPassword('same password');
    const b = await hashPassword('same password');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('same password', 'md5$abc')).toBe(false);
  });
});

for (const backend of testDatabases()) {
  describe(`sign-in on ${backend.name}`, () => {
    let database: OrdoDatabase;
    let services: Services;
    let clock: Date;
    const minutes = (n: number) => new Date(clock.getTime() + n * 60_000);

    beforeAll(async () => {
      database = await backend.open();
    });
    afterAll(async () => {
      await database.close();
    });
    beforeEach(async () => {
      await resetDatabase(database);
      clock = new Date('2026-05-01T08:00:00Z');
      services = await createServices(database, { now: () => clock, sessionTtlMinutes: 30, sessionMaxMinutes: 120 });
      await services.definitions.publish({ app: RUNTIME_APP, forms: RUNTIME_FORMS }, 'system');
      await services.auth.addUser({ username: 'li.na', displayName: '李娜', roles: ['sales'], password: 'secret-pass', locale: 'zh-CN' });
    });

    it('signs in, authenticates the token and logs out', async () => {
      const { token, expiresAt, user } = await services.auth.login('li.na', 'secret-pass');
      expect(token).toMatch(/^[\w-]{43}$/);
      expect(expiresAt).toBe(minutes(30).toISOString());
      expect(user).toMatchObject({ username: 'li.na', displayName: '李娜', roles: ['sales'], locale: 'zh-CN' });
      expect(user).not.toHaveProperty('password_hash');
      const actor = await services.auth.authenticate(token);
      expect(actor).toEqual({ userId: user.id, username: 'li.na', displayName: '李娜', roles: ['sales'], locale: 'zh-CN' });
      await services.auth.logout(token);
      expect(await codeOf(services.auth.authenticate(token))).toBe('ORDO_ERR_UNAUTHENTICATED');
    });

    it('stores only a hash of the token', async () => {
      const { token } = await services.auth.login('li.na', 'secret-pass');
      const rows = await database.db.selectFrom('ordo_sessions').select('token_hash').execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]?.token_hash).not.toContain(token);
      expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('fails the same way for a wrong password and an unknown user, and audits both', async () => {
      expect(await codeOf(services.auth.login('li.na', 'wrong'))).toBe('ORDO_ERR_LOGIN_FAILED');
      expect(await codeOf(services.auth.login('nobody', 'secret-pass'))).toBe('ORDO_ERR_LOGIN_FAILED');
      await services.auth.login('li.na', 'secret-pass');
      const audit = await database.db.selectFrom('ordo_audit').select(['action', 'actor_username']).where('action', 'like', 'login%').orderBy('seq').execute();
      expect(audit).toEqual([
        { action: 'login.failed', actor_username: 'li.na' },
        { action: 'login.failed', actor_username: 'nobody' },
        { action: 'login', actor_username: 'li.na' },
      ]);
    });

    it('slides the idle expiry while in use and ends the session after idling', async () => {
      const { token } = await services.auth.login('li.na', 'secret-pass');
      clock = minutes(25);
      await services.auth.authenticate(token);
      clock = minutes(25);
      await services.auth.authenticate(token);
      clock = minutes(31);
      expect(await codeOf(services.auth.authenticate(token))).toBe('ORDO_ERR_SESSION_EXPIRED');
      expect(await codeOf(services.auth.authenticate(token))).toBe('ORDO_ERR_UNAUTHENTICATED');
    });

    it('ends even an active session at the absolute limit', async () => {
      const { token } = await services.auth.login('li.na', 'secret-pass');
      for (let i = 0; i < 5; i += 1) {
        clock = minutes(20);
        await services.auth.authenticate(token);
      }
      clock = minutes(20);
      expect(clock.getTime() - new Date('2026-05-01T08:00:00Z').getTime()).toBe(120 * 60_000);
      expect(await codeOf(services.auth.authenticate(token))).toBe('ORDO_ERR_SESSION_EXPIRED');
    });

    it('keeps the manager a user is added with, who may be added later', async () => {
      await services.auth.addUser({ username: 'zhao.min', roles: ['sales'], password: 'secret-pass', manager: ' wang.qiang ' });
      expect((await findUserByUsername(database.db, 'zhao.min'))?.manager).toBe('wang.qiang');
      expect((await findUserByUsername(database.db, 'li.na'))?.manager).toBeNull();
    });

    it('refuses a duplicate user, an unknown role and a short password, a bad manager', async () => {
      expect(await codeOf(services.auth.addUser({ username: 'li.na', roles: ['sales'], password: 'another-pass' }))).toBe('ORDO_ERR_DUPLICATE');
      expect(await codeOf(services.auth.addUser({ username: 'x', roles: ['pilot'], password: 'another-pass' }))).toBe('ORDO_ERR_REQUEST_INVALID');
      expect(await codeOf(services.auth.addUser({ username: 'y', roles: ['sales'], password: 'short' }))).toBe('ORDO_ERR_REQUEST_INVALID');
      expect(await codeOf(services.auth.addUser({ username: 'z', roles: ['sales'], password: 'another-pass', manager: 'z' }))).toBe('ORDO_ERR_REQUEST_INVALID');
      expect(await codeOf(services.auth.addUser({ username: 'z', roles: ['sales'], password: 'another-pass', manager: 'two words' }))).toBe(
        'ORDO_ERR_REQUEST_INVALID',
      );
      expect(await codeOf(services.auth.authenticate(''))).toBe('ORDO_ERR_UNAUTHENTICATED');
      expect(await codeOf(services.auth.authenticate('not-a-token'))).toBe('ORDO_ERR_UNAUTHENTICATED');
    });
  });
}
