import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitions } from '../../runtime/cli/load-definitions.js';
import { demoDir, shippedDefinitionsDir } from '../../runtime/cli/paths.js';
import type { OrdoDatabase } from '../../runtime/db/index.js';
import { loadDemo, readDemoContent, type DemoContent } from '../../runtime/demo/index.js';
import { createServices, type Actor, type RecordDto, type Services } from '../../runtime/services/index.js';
import { createDatabase } from '../../runtime/db/index.js';

type Line = { item: string; qty: number; unitPrice: number; discountPct?: number; amount: number };

/** Excel's ROUND on the decimal value, in integer hundredths, so the check does not share the engine's code. */
function round2(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9) / 100;
}

describe('the shipped make-to-order application and its KBZ demo factory', () => {
  let database: OrdoDatabase;
  let services: Services;
  let demo: DemoContent;
  let clerk: Actor;
  let finance: Actor;
  let admin: Actor;
  let planner: Actor;
  let workflowIds: string[];

  beforeAll(async () => {
    const loaded = await loadDefinitions(shippedDefinitionsDir);
    if (!loaded.ok) throw new Error(`shipped definitions are invalid:\n${loaded.problems.join('\n')}`);
    database = await createDatabase({ dataDir: 'memory://' });
    services = await createServices(database);
    const { app, forms, workflows } = loaded.definitions;
    workflowIds = workflows.map((workflow) => `${workflow.id} -> ${workflow.form}`).sort();
    await services.definitions.publish({ ...(app === undefined ? {} : { app }), forms: [...forms], workflows: [...workflows] }, 'system');
    demo = await readDemoContent(demoDir);
    await loadDemo(services, database, demoDir);
    clerk = await services.auth.authenticate((await services.auth.login('li.na', 'ordo-demo')).token);
    finance = await services.auth.authenticate((await services.auth.login('sun.wei', 'ordo-demo')).token);
    admin = await services.auth.authenticate((await services.auth.login('admin', 'ordo-demo')).token);
    planner = await services.auth.authenticate((await services.auth.login('zhao.min', 'ordo-demo')).token);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function all(actor: Actor, form: string): Promise<RecordDto[]> {
    return (await services.records.list(actor, form, { filters: [], limit: 200, offset: 0 })).items;
  }

  it('loads every demo record and user through the record service', async () => {
    for (const file of demo.recordFiles) {
      expect((await all(admin, file.form)).length, file.form).toBe(file.records.length);
    }
    for (const user of demo.users) {
      await expect(services.auth.login(user.username, user.password)).resolves.toMatchObject({ user: { username: user.username } });
    }
  });

  it('computes every sales order line and total as a plain calculation does', async () => {
    const orders = await all(clerk, 'sales-order');
    expect(orders.length).toBeGreaterThanOrEqual(10);
    for (const order of orders) {
      const lines = order.data['lines'] as Line[];
      let total = 0;
      for (const line of lines) {
        expect(line.amount).toBe(round2(line.qty * line.unitPrice * (1 - (line.discountPct ?? 0) / 100)));
        total += Math.round(line.amount * 100);
      }
      expect(order.data['totalAmount']).toBe(total / 100);
      const tax = round2((total / 100) * 0.13);
      expect(order.data['taxAmount']).toBe(tax);
      expect(order.data['grandTotal']).toBe((total + Math.round(tax * 100)) / 100);
    }
  });

  it('numbers sales orders SO-<year>-NNNN without gaps or repeats', async () => {
    const numbers = (await all(clerk, 'sales-order')).map((order) => String(order.data['orderNo'])).sort();
    expect(new Set(numbers).size).toBe(numbers.length);
    numbers.forEach((number, i) => expect(number).toMatch(new RegExp(`^SO-\\d{4}-${String(i + 1).padStart(4, '0')}$`)));
  });

  it('fills each order line from its item: name, unit and list price', async () => {
    const items = new Map((await all(clerk, 'item')).map((item) => [item.id, item.data]));
    for (const order of await all(clerk, 'sales-order')) {
      for (const line of order.data['lines'] as (Line & { itemName: string; unit: string })[]) {
        const item = items.get(line.item);
        expect(item, `${order.id} names item ${line.item}`).toBeDefined();
        expect(line.itemName).toBe(item?.['name']);
        expect(line.unit).toBe(item?.['unit']);
        expect(line.unitPrice).toBe(item?.['listPrice']);
      }
    }
  });

  it('keeps standard cost from the sales clerk and shows it to finance', async () => {
    const asClerk = await all(clerk, 'item');
    const asFinance = await all(finance, 'item');
    expect(asClerk.some((item) => 'standardCost' in item.data)).toBe(false);
    expect(asFinance.filter((item) => typeof item.data['standardCost'] === 'number').length).toBeGreaterThan(20);
  });

  it('has a multi-level BOM whose components all exist, and an item with an obsolete and a released version', async () => {
    const items = new Set((await all(finance, 'item')).map((item) => item.id));
    const boms = await all(finance, 'bom');
    for (const bom of boms) {
      for (const line of bom.data['lines'] as { component: string }[]) expect(items.has(line.component), line.component).toBe(true);
    }
    const parents = new Set(boms.map((bom) => bom.data['item']));
    const nested = boms.some((bom) => (bom.data['lines'] as { component: string }[]).some((line) => parents.has(line.component)));
    expect(nested).toBe(true);
    const versionsByItem = new Map<unknown, string[]>();
    for (const bom of boms) versionsByItem.set(bom.data['item'], [...(versionsByItem.get(bom.data['item']) ?? []), String(bom.data['status'])]);
    expect([...versionsByItem.values()].some((statuses) => statuses.includes('obsolete') && statuses.includes('released'))).toBe(true);
  });

  it('checks each order against its customer\'s credit limit, which sales and finance see and the planner does not', async () => {
    const limits = new Map((await all(finance, 'customer')).map((customer) => [customer.id, customer.data['creditLimit']]));
    const orders = await all(finance, 'sales-order');
    for (const order of orders) {
      const limit = limits.get(String(order.data['customer']));
      expect(order.data['customerCreditLimit'], order.id).toBe(limit);
      expect(order.data['creditCheck'], order.id).toBe(Number(order.data['grandTotal']) > Number(limit) ? 'over-limit' : 'ok');
      expect(order.data['salesRep'], order.id).toBe('li.na');
    }
    const asPlanner = await all(planner, 'sales-order');
    expect(asPlanner.some((order) => 'customerCreditLimit' in order.data)).toBe(false);
    expect(asPlanner.every((order) => typeof order.data['creditCheck'] === 'string')).toBe(true);
  });

  it('numbers the quality and purchasing records and totals the requisition lines', async () => {
    // The demo's first NCR; the ones after it are past months' history for the quality reports.
    const ncr = (await all(admin, 'ncr')).find((record) => record.id === 'ncr-hengtong-impeller-porosity');
    expect(ncr?.data['ncrNo']).toMatch(/^NCR-\d{4}-0001$/);
    expect(ncr?.data['supplierName']).toBe('泊头市恒通铸造有限公司');
    const [requisition] = await all(admin, 'purchase-requisition');
    expect(requisition?.data['prNo']).toMatch(/^PR-\d{4}-0001$/);
    expect(requisition?.data['totalAmount']).toBe(4 * 1650 + 20 * 95);
  });

  it('gives the demo approval history: a reviewed then cancelled order and closed NCRs worked through by the demo users, nothing left open', async () => {
    const quality = await services.auth.authenticate((await services.auth.login('zhou.hui', 'ordo-demo')).token);
    const done = await services.workflows.listTasks(quality, { box: 'done', limit: 100, offset: 0 } as Parameters<typeof services.workflows.listTasks>[1]);
    const tasks = done.items as { node: string; recordId: string; actedBy: string | null }[];
    expect(new Set(tasks.map((task) => task.recordId))).toEqual(new Set(['ncr-seal-leak-0714', 'ncr-paint-thickness-0924', 'ncr-shaft-runout-1015']));
    expect(new Set(tasks.map((task) => task.node))).toEqual(new Set(['containment', 'root-cause', 'disposition-proposal', 'material-review', 'verification']));
    expect(tasks.every((task) => task.actedBy === 'zhou.hui')).toBe(true);
    for (const id of ['ncr-seal-leak-0714', 'ncr-paint-thickness-0924', 'ncr-shaft-runout-1015']) {
      const [instance] = await services.workflows.listForRecord(admin, 'ncr', id);
      expect(instance, id).toMatchObject({ workflow: 'ncr', status: 'done' });
      expect((await services.records.get(admin, 'ncr', id)).data).toMatchObject({ status: 'closed', verificationResult: 'effective' });
    }
    const todo = await services.workflows.listTasks(quality, { box: 'todo', limit: 100, offset: 0 } as Parameters<typeof services.workflows.listTasks>[1]);
    expect(todo.total).toBe(0);
    // The sales manager reviewed the order that was later cancelled: it stays cancelled, with its review in his done box.
    const manager = await services.auth.authenticate((await services.auth.login('wang.qiang', 'ordo-demo')).token);
    const reviewed = (await services.workflows.listTasks(manager, { box: 'done', limit: 100, offset: 0 } as Parameters<typeof services.workflows.listTasks>[1])).items as { node: string; recordId: string }[];
    expect(reviewed.map((task) => [task.node, task.recordId])).toEqual([['review', 'so-huainan-mining-0917']]);
    expect((await services.records.get(admin, 'sales-order', 'so-huainan-mining-0917')).data).toMatchObject({ status: 'cancelled', promisedDate: '2027-01-12' });
    expect(await loadDemo(services, database, demoDir)).toMatchObject({ loaded: true, records: 0 });
    expect(await services.workflows.listForRecord(admin, 'ncr', 'ncr-seal-leak-0714')).toHaveLength(1);
  });

  it('ships the lifecycle workflows, each on its form', () => {
    expect(workflowIds).toEqual([
      'engineering-change -> engineering-change',
      'ncr -> ncr',
      'production-order -> production-order',
      'purchase-requisition -> purchase-requisition',
      'sales-order-lifecycle -> sales-order',
    ]);
  });
});
