import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AppDefinition } from '../../engine/definitions/index.js';
import { OrdoError } from '../../engine/errors/index.js';
import type { PlannedOperation, ScheduleRequest, ScheduleResult } from '../../engine/planning/index.js';
import { applyChanges, compare, insertOrderRun, moveOperation, planFactory, rescheduleRun } from '../../engine/planning/scheduling/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { roundMs } from '../planning/index.js';
import { requireFunctionAccess } from '../planning/function-access.js';
import type { Actor } from '../services/types.js';
import {
  commitScheduleRun,
  findCommittedRunId,
  findScheduleRun,
  insertScheduleRun,
  isUniqueViolation,
  listScheduleRuns,
  type Executor,
  type NewScheduleRunRow,
  type ScheduleRunRow,
} from '../stores/index.js';
import { dispatchList } from './dispatch-list.js';
import { emptySchedule } from './empty-schedule.js';
import { loadShopFloor } from './load-shop-floor.js';
import type { ScheduleChanges, ScheduleLabels, ScheduleRunView, ScheduleService, UnscheduledOrder } from './types.js';
import { scenarioRequest } from './what-if-scenario.js';

/** Who may plan may do everything with schedules: the roles of schedule.plan in the app definition. */
export const SCHEDULE_FUNCTION = 'schedule.plan';
const DEFAULT_SEED = 1;

export interface ScheduleServiceDependencies {
  database: OrdoDatabase;
  app(): AppDefinition | undefined;
  now: () => Date;
}

interface StoredLabels extends ScheduleLabels {
  unscheduled: UnscheduledOrder[];
}

type NewRun = Omit<NewScheduleRunRow, 'id' | 'at' | 'by' | 'status'>;

export function createScheduleService(deps: ScheduleServiceDependencies): ScheduleService {
  const { db } = deps.database;
  const allow = (actor: Actor) => requireFunctionAccess(deps.app(), actor.roles, SCHEDULE_FUNCTION);

  async function committedRun(executor: Executor = db): Promise<ScheduleRunRow> {
    const row = await findScheduleRun(executor, 'committed');
    if (row === undefined) throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', 'No schedule is committed yet: plan one and commit it first');
    return row;
  }

  async function store(actor: Actor, run: NewRun, status: 'draft' | 'committed'): Promise<ScheduleRunView> {
    const id = randomUUID();
    const row = { ...run, id, at: deps.now(), by: actor.username, status: 'draft' as const };
    if (status === 'draft') await insertScheduleRun(db, row);
    else {
      // A move or an event replaces the committed run it started from, or fails as a whole.
      await db.transaction().execute(async (trx) => {
        await insertScheduleRun(trx, row);
        if (!(await commitScheduleRun(trx, id, run.baseRunId))) throw stale();
      });
    }
    return viewOf((await findScheduleRun(db, id))!);
  }

  function operationOf(run: ScheduleRunRow, operation: string, pointer: string): PlannedOperation {
    const placed = resultOf(run).operations.find((candidate) => candidate.operation === operation);
    if (placed === undefined) throw badRequest(pointer, `operation ${operation} is not in the committed schedule`);
    return placed;
  }

  return {
    async create(actor, command) {
      allow(actor);
      const now = deps.now();
      const committed = await findScheduleRun(db, 'committed');
      const current = committed === undefined ? undefined : resultOf(committed).operations;
      const floor = await loadShopFloor(db, { now, ...(current === undefined ? {} : { committed: current }) });
      const labels: StoredLabels = { ...floor.labels, unscheduled: floor.unscheduled };
      const baseRunId = committed?.id ?? null;

      if (command.kind === 'plan') {
        const limits = {
          seed: command.seed ?? DEFAULT_SEED,
          ...(command.timeLimitSeconds === undefined ? {} : { timeLimitSeconds: command.timeLimitSeconds }),
        };
        const request: ScheduleRequest = { ...floor.request, limits };
        const { value: result, ms } = timed(() => schedule(request));
        return store(
          actor,
          { kind: 'plan', baseRunId, loadMs: floor.loadMs, solveMs: ms, request: { ...request }, result: { ...result }, labels: { ...labels } },
          'draft',
        );
      }

      if (command.kind === 'insert') {
        const baseRun = committed ?? (await committedRun());
        const base = requestOf(baseRun);
        const order = floor.request.orders.find((candidate) => candidate.id === command.order);
        if (base.orders.some((candidate) => candidate.id === command.order))
          throw badRequest('/body/order', `${command.order} is already in the committed schedule`);
        if (order === undefined) {
          const why = floor.unscheduled.find((entry) => entry.recordId === command.order)?.message ?? 'it is not a released or in-progress production order';
          throw badRequest('/body/order', `${command.order} cannot be scheduled: ${why}`);
        }
        const request: ScheduleRequest = { ...base, now: floor.request.now! };
        const { value: inserted, ms } = timed(() => insertOrderRun({ request, current: resultOf(baseRun).operations, order }));
        const baseLabels = labelsOf(baseRun);
        const merged: StoredLabels = {
          orders: { ...baseLabels.orders, [order.id]: floor.labels.orders[order.id]! },
          operations: {
            ...baseLabels.operations,
            ...Object.fromEntries(order.operations.map((operation) => [operation.id, floor.labels.operations[operation.id]!])),
          },
          workCenters: baseLabels.workCenters,
          unscheduled: baseLabels.unscheduled,
        };
        return store(
          actor,
          {
            kind: 'insert',
            baseRunId,
            loadMs: floor.loadMs,
            solveMs: ms,
            request: { ...inserted.request },
            result: { ...inserted.repair.schedule },
            changes: changesOf(inserted.repair),
            labels: { ...merged },
          },
          'draft',
        );
      }

      const request: ScheduleRequest = { ...floor.request, limits: { seed: DEFAULT_SEED } };
      const scenario = scenarioRequest(request, floor.labels, command.changes);
      const { value, ms } = timed(() => {
        const base = schedule(request);
        const changed = schedule(scenario.scenario);
        return { base, changed, comparison: compare(base, changed) };
      });
      return store(
        actor,
        {
          kind: 'whatif',
          baseRunId,
          loadMs: floor.loadMs,
          solveMs: ms,
          request: { ...scenario.scenario },
          result: { ...value.changed },
          comparison: { base: value.base, comparison: value.comparison },
          labels: { ...scenario.labels, unscheduled: floor.unscheduled },
        },
        'draft',
      );
    },

    async runs(actor, limit) {
      allow(actor);
      return (await listScheduleRuns(db, limit)).map((row) => ({
        id: row.id,
        kind: row.kind,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        createdBy: row.created_by,
        solveMs: row.solve_ms,
        kpis: row.kpis as ScheduleResult['kpis'],
      }));
    },

    async run(actor, id) {
      allow(actor);
      if (id === 'committed') return viewOf(await committedRun());
      const row = await findScheduleRun(db, id);
      if (row === undefined) throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', `No schedule run ${id}`);
      return viewOf(row);
    },

    async commit(actor, id) {
      allow(actor);
      try {
        await db.transaction().execute(async (trx) => {
          const row = await findScheduleRun(trx, id);
          if (row === undefined) throw new OrdoError('ORDO_ERR_SCHEDULE_RUN_NOT_FOUND', `No schedule run ${id}`);
          if (row.kind === 'whatif')
            throw new OrdoError('ORDO_ERR_SCHEDULE_NOT_COMMITTABLE', 'A what-if run only compares; plan or insert to change the schedule');
          if (row.status === 'committed') return;
          const current = (await findCommittedRunId(trx)) ?? null;
          if (row.status === 'superseded' || current !== row.base_run_id || !(await commitScheduleRun(trx, id, current))) throw stale();
        });
      } catch (error) {
        // Two commits from the same base: the committed-run index lets only the first through.
        if (isUniqueViolation(error)) throw stale();
        throw error;
      }
      return viewOf((await findScheduleRun(db, id))!);
    },

    async move(actor, move) {
      allow(actor);
      checkInstant(move.start, '/body/start');
      const committed = await committedRun();
      const placed = operationOf(committed, move.operation, '/body/operation');
      const request = requestOf(committed);
      const outcome = moveOperation({
        request,
        current: resultOf(committed).operations,
        order: placed.order,
        operation: move.operation,
        ...(move.machine === undefined ? {} : { machine: move.machine }),
        start: move.start,
        now: deps.now().toISOString(),
      });
      if (!outcome.feasible) {
        const violations = outcome.violations.map((violation) => ({ kind: violation.kind, operation: move.operation, message: violation.message }));
        throw new OrdoError('ORDO_ERR_SCHEDULE_MOVE_INFEASIBLE', violations[0]!.message, { extra: { violations } });
      }
      return store(
        actor,
        {
          kind: 'move',
          baseRunId: committed.id,
          loadMs: 0,
          solveMs: 0,
          request: { ...request },
          result: { ...outcome.repair.schedule },
          changes: changesOf(outcome.repair),
          labels: { ...labelsOf(committed) },
        },
        'committed',
      );
    },

    async event(actor, event) {
      allow(actor);
      const committed = await committedRun();
      const current = resultOf(committed).operations;
      const request: ScheduleRequest = { ...requestOf(committed), now: new Date(Math.floor(deps.now().getTime() / 60_000) * 60_000).toISOString() };
      if (event.kind === 'machine-down') {
        checkInstant(event.from, '/body/from');
        checkInstant(event.to, '/body/to');
        if (Date.parse(event.to) <= Date.parse(event.from)) throw badRequest('/body/to', 'the machine must be down for some time: `to` comes after `from`');
        if (applyChanges(request, [{ kind: 'machine-down', machine: event.machine, from: event.from, to: event.to }]).problems.length > 0)
          throw badRequest('/body/machine', `machine ${event.machine} does not exist`);
        const events = [{ kind: 'breakdown' as const, machine: event.machine, from: event.from, until: event.to }];
        return storeEvent(
          actor,
          committed,
          timed(() => rescheduleRun({ request, current, events })),
        );
      }
      checkInstant(event.end, '/body/end');
      const placed = operationOf(committed, event.operation, '/body/operation');
      if (Date.parse(event.end) < Date.parse(placed.start))
        throw badRequest('/body/end', `operation ${event.operation} started at ${placed.start}: it cannot end before`);
      const events = [{ kind: 'finished' as const, order: placed.order, operation: event.operation, end: event.end }];
      return storeEvent(
        actor,
        committed,
        timed(() => rescheduleRun({ request, current, events })),
      );
    },

    async dispatchList(actor, workCenter, machine) {
      allow(actor);
      const committed = await committedRun();
      return dispatchList({ id: committed.id, result: resultOf(committed), labels: labelsOf(committed), generatedAt: deps.now() }, workCenter, machine);
    },
  };

  /**
   * The stored request is the one the engine rescheduled: the breakdown kept as downtime (later moves and
   * events know the machine is down) and what it kept (started, or in the frozen window) fixed, so the
   * stored schedule stays feasible for its request whenever it is read, however far the clock has moved.
   */
  function storeEvent(actor: Actor, committed: ScheduleRunRow, solved: { value: ReturnType<typeof rescheduleRun>; ms: number }) {
    return store(
      actor,
      {
        kind: 'event',
        baseRunId: committed.id,
        loadMs: 0,
        solveMs: solved.ms,
        request: { ...solved.value.request },
        result: { ...solved.value.repair.schedule },
        changes: changesOf(solved.value.repair),
        labels: { ...labelsOf(committed) },
      },
      'committed',
    );
  }
}

function schedule(request: ScheduleRequest): ScheduleResult {
  return request.orders.length === 0 ? emptySchedule(request) : planFactory(request);
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: roundMs(performance.now() - started) };
}

function changesOf(repair: ScheduleChanges): Record<string, unknown> {
  return { moved: repair.moved, finishChanged: repair.finishChanged };
}

function stale(): OrdoError {
  return new OrdoError('ORDO_ERR_SCHEDULE_STALE', 'The committed schedule changed since this run was made: plan or insert again from the new one');
}

function badRequest(pointer: string, message: string): OrdoError {
  return new OrdoError('ORDO_ERR_REQUEST_INVALID', message, { fields: [{ pointer, code: 'invalid', message }] });
}

/** The route's pattern checks the shape; this, that the day exists (2026-02-30T08:00Z does not). */
function checkInstant(value: string, pointer: string): void {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  if (Number.isNaN(Date.parse(value)) || date.getUTCMonth() !== month! - 1 || date.getUTCDate() !== day)
    throw badRequest(pointer, `${value} is not a date-time`);
}

function requestOf(row: ScheduleRunRow): ScheduleRequest {
  return row.request as unknown as ScheduleRequest;
}

function resultOf(row: ScheduleRunRow): ScheduleResult {
  return row.result as unknown as ScheduleResult;
}

function labelsOf(row: ScheduleRunRow): StoredLabels {
  return row.labels as unknown as StoredLabels;
}

function viewOf(row: ScheduleRunRow): ScheduleRunView {
  const { unscheduled, ...labels } = labelsOf(row);
  const comparison = row.comparison as ScheduleRunView['whatif'] | null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    ...(row.base_run_id === null ? {} : { baseRunId: row.base_run_id }),
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    loadMs: row.load_ms,
    solveMs: row.solve_ms,
    result: resultOf(row),
    ...(row.changes === null ? {} : { changes: row.changes as unknown as ScheduleChanges }),
    ...(comparison === null ? {} : { whatif: comparison }),
    labels,
    unscheduled: unscheduled ?? [],
  };
}
