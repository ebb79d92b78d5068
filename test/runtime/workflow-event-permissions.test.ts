import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../engine/definitions/index.js';
import { testDatabases } from '../support/database.js';
import { openShippedFactory, type ShippedFactory } from '../support/shipped-factory.js';

const text = (en: string) => ({ 'zh-CN': en, en });

/** A note on a sales order: `note` names no roles, `escalate` names the buyer, who may read orders but not change them. */
const orderNote: WorkflowDefinition = {
  kind: 'workflow',
  id: 'order-note',
  version: 1,
  title: text('Order note'),
  form: 'sales-order',
  start: { roles: ['sales-clerk', 'buyer', 'operator'] },
  initial: 'open',
  states: {
    open: { on: { note: { target: 'noted' }, escalate: { target: 'noted', roles: ['buyer'] } } },
    noted: { type: 'final' },
  },
} as WorkflowDefinition;

/*
 * Who may send a business event and start a workflow: a transition without roles is for those who
 * may change the record; named roles open it to them; start.roles only among those who may read it.
 */
for (const backend of testDatabases()) {
  describe(`workflow event and start permissions on ${backend.name}`, () => {
    let factory: ShippedFactory;

    beforeAll(async () => {
      factory = await openShippedFactory(backend, { usernames: ['li.na', 'chen.jie', 'liu.yang'], workflows: (shipped) => [...shipped, orderNote] });
    }, 60_000);
    afterAll(async () => {
      await factory?.database.close();
    });

    it('refuses an event without roles to a reader who may not change the record, and lets a named role send its own', async () => {
      const { services } = factory;
      const { instance } = await services.workflows.start(factory.as('chen.jie'), 'order-note', 'so-gz-nansha-port-0056');
      await expect(services.workflows.sendEvent(factory.as('chen.jie'), instance.id, { type: 'note' })).rejects.toMatchObject({ code: 'ORDO_ERR_FORBIDDEN' });
      expect((await services.workflows.get(factory.as('li.na'), instance.id)).state).toBe('open');
      await services.workflows.sendEvent(factory.as('chen.jie'), instance.id, { type: 'escalate' });
      expect((await services.workflows.get(factory.as('li.na'), instance.id)).state).toBe('noted');
    });

    it('lets someone who may change the record send an event without roles', async () => {
      const { services } = factory;
      const { instance } = await services.workflows.start(factory.as('li.na'), 'order-note', 'so-jx-ganbei-copper-1211');
      await services.workflows.sendEvent(factory.as('li.na'), instance.id, { type: 'note' });
      expect((await services.workflows.get(factory.as('li.na'), instance.id)).state).toBe('noted');
    });

    it('refuses to start for a role named in start.roles that may not read the form', async () => {
      await expect(factory.services.workflows.start(factory.as('liu.yang'), 'order-note', 'so-sz-pengcheng-tunnel-1210')).rejects.toMatchObject({ code: 'ORDO_ERR_FORBIDDEN' });
    });
  });
}
