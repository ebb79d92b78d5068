import { randomUUID } from 'node:crypto';
import { OrdoError } from '../../engine/errors/index.js';
import type { AppDefinition } from '../../engine/definitions/index.js';
import type { CompiledForm } from '../../engine/forms/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { findPlanRun, insertPlanRun, listPlanFirmings, listPlanRuns, type PlanRunSummaryRow } from '../stores/index.js';
import type { WorkflowService } from '../workflows/types.js';
import { firmPlannedOrders } from './firm-planned-orders.js';
import { PLAN_FUNCTION, requireFunctionAccess } from './function-access.js';
import type { FunctionRunner } from './function-runner.js';
import type { PlanningLabels } from './scenario-from-records.js';
import type { PlanningService, PlanRunSummary } from './types.js';

export interface PlanningServiceDependencies {
  database: OrdoDatabase;
  runner: FunctionRunner;
  app(): AppDefinition | undefined;
  form(id: string): CompiledForm;
  workflows: Pick<WorkflowService, 'startWithin'>;
  now: () => Date;
}

/** Functions whose result is a factory plan worth keeping: a call stores it as a plan run. */
const STORED_AS_RUN = new Set([PLAN_FUNCTION]);

export function createPlanningService(deps: PlanningServiceDependencies): PlanningService {
  const { database, runner } = deps;
  const { db } = database;

  return {
    functions() {
      return [...runner.functions.values()]
        .filter((fn) => fn.retiredFor === undefined)
        .map((fn) => ({
          name: fn.name,
          title: fn.title,
          inputSchema: fn.inputSchema,
          outputSchema: fn.outputSchema,
          ...(fn.needs === undefined ? {} : { needs: fn.needs }),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    },

    async call(actor, name, input) {
      const fn = runner.find(name);
      requireFunctionAccess(deps.app(), actor.roles, name);
      const { output, loaded, planMs } = await runner.run(db, fn, input, { at: '/body' });
      const now = deps.now();
      if (!STORED_AS_RUN.has(name) || loaded === undefined) return { output };
      const id = randomUUID();
      const summary = summaryOf(output);
      await insertPlanRun(db, { id, at: now, by: actor.username, loadMs: loaded.loadMs, planMs, summary, plan: output, labels: { ...loaded.labels } });
      return { output, runId: id };
    },

    async runs(actor, limit) {
      requireFunctionAccess(deps.app(), actor.roles, PLAN_FUNCTION);
      return (await listPlanRuns(db, limit)).map(summaryDto);
    },

    async run(actor, id) {
      requireFunctionAccess(deps.app(), actor.roles, PLAN_FUNCTION);
      const row = await findPlanRun(db, id);
      if (row === undefined) throw new OrdoError('ORDO_ERR_PLAN_RUN_NOT_FOUND', id === 'latest' ? 'No plan has been run yet' : `No plan run ${id}`);
      const firmed = await listPlanFirmings(db, row.id);
      return {
        ...summaryDto(row),
        plan: row.plan,
        firmed: firmed.map((firming) => ({
          plannedOrder: firming.planned_order,
          form: firming.form as 'purchase-requisition' | 'production-order',
          recordId: firming.record_id,
          title: firming.title,
        })),
        labels: row.labels as unknown as PlanningLabels,
      };
    },

    async firm(actor, runId, plannedOrders, options = {}) {
      requireFunctionAccess(deps.app(), actor.roles, PLAN_FUNCTION);
      return firmPlannedOrders({ database, form: deps.form, workflows: deps.workflows }, actor, runId, plannedOrders, options);
    },
  };
}

/** The plan's own summary, with the counts a list of runs shows beside it. */
function summaryOf(plan: Record<string, unknown>): Record<string, unknown> {
  const summary = typeof plan['summary'] === 'object' && plan['summary'] !== null ? (plan['summary'] as Record<string, unknown>) : {};
  const count = (key: string) => (Array.isArray(plan[key]) ? (plan[key] as unknown[]).length : 0);
  return { ...summary, exceptions: count('exceptions'), rescheduleMessages: count('rescheduleMessages') };
}

function summaryDto(row: PlanRunSummaryRow): PlanRunSummary {
  return { id: row.id, createdAt: row.created_at.toISOString(), createdBy: row.created_by, loadMs: row.load_ms, planMs: row.plan_ms, summary: row.summary };
}
