import { OrdoError } from '../../engine/errors/index.js';
import type { Actor, Services } from '../../runtime/services/index.js';

export interface RecordingServices {
  services: Services;
  /** `group.method` of every call, in order. */
  calls: string[];
  /** The arguments of the latest call. */
  lastArguments: unknown[];
}

const ANN: Actor = { userId: 'u-ann', username: 'ann', displayName: 'Ann', roles: ['clerk'], locale: 'en' };
const RECORD = {
  id: 'r1',
  form: 'work-order',
  formVersion: 1,
  revision: 1,
  data: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'ann',
  createdByName: 'Ann',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'ann',
  updatedByName: 'Ann',
};

/**
 * Services without a database for tests of the HTTP layer alone: each call is recorded, so a test
 * can assert that a refused request never reached a handler. `good-token` is the only valid token.
 */
export function recordingServices(): RecordingServices {
  const state: RecordingServices = { services: undefined as unknown as Services, calls: [], lastArguments: [] };
  function record(name: string, args: unknown[]): void {
    state.calls.push(name);
    state.lastArguments = args;
  }
  state.services = {
    auth: {
      async login(...args) {
        record('auth.login', args);
        return { token: 'good-token', expiresAt: '2026-01-01T08:00:00.000Z', user: { ...ANN, id: ANN.userId } };
      },
      async authenticate(...args) {
        record('auth.authenticate', args);
        if (args[0] !== 'good-token') throw new OrdoError('ORDO_ERR_SESSION_EXPIRED');
        return ANN;
      },
      async logout(...args) {
        record('auth.logout', args);
      },
      async addUser(...args) {
        record('auth.addUser', args);
        return { ...ANN, id: ANN.userId };
      },
    },
    definitions: {
      app: () => undefined,
      forms: () => [],
      form(id) {
        throw new OrdoError('ORDO_ERR_FORM_NOT_FOUND', `No form ${id}`);
      },
      async publish() {
        return { published: [], unchanged: [] };
      },
      async exportAll() {
        return { forms: [] };
      },
    },
    records: {
      async list(...args) {
        record('records.list', args);
        return { items: [], total: 0, limit: args[2].limit, offset: args[2].offset, display: {} };
      },
      async get(...args) {
        record('records.get', args);
        return RECORD;
      },
      async create(...args) {
        record('records.create', args);
        return { record: RECORD, replayed: false };
      },
      async update(...args) {
        record('records.update', args);
        return RECORD;
      },
      async remove(...args) {
        record('records.remove', args);
      },
      async history(...args) {
        record('records.history', args);
        return { items: [] };
      },
      async validate(...args) {
        record('records.validate', args);
        return { data: {}, states: {}, errors: [] };
      },
    },
  };
  return state;
}
