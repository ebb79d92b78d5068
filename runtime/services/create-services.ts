import { NATIVE_FUNCTIONS } from '../../engine/functions/index.js';
import type { OrdoDatabase } from '../db/index.js';
import { createFunctionRunner } from '../planning/function-runner.js';
import { createPlanningService } from '../planning/planning-service.js';
import { createScheduleService } from '../scheduling/schedule-service.js';
import { createReportService } from '../reports/report-service.js';
import { createWorkflowService } from '../workflows/workflow-service.js';
import { createAttachmentService } from '../attachments/index.js';
import { createAuthService } from './auth-service.js';
import { createDefinitionService } from './definition-service.js';
import { createRecordReads } from './record-reads.js';
import { createRecordWrites, type CreateOptions } from './record-writes.js';
import type { Actor, RecordDto, Services, ServicesOptions } from './types.js';

const DEFAULT_IDLE_MINUTES = 8 * 60;
const DEFAULT_MAX_MINUTES = 24 * 60;

type CreateWithId = (actor: Actor, form: string, data: unknown, options: CreateOptions) => Promise<{ record: RecordDto; replayed: boolean }>;

// The explicit-id create is reachable only through importRecord, so no API route can pass an id.
const explicitIdCreates = new WeakMap<Services, CreateWithId>();

/** Builds the services the HTTP layer, the CLI and the demo loader call. Loads the published definitions once. */
export async function createServices(database: OrdoDatabase, options: ServicesOptions = {}): Promise<Services> {
  const now = options.now ?? (() => new Date());
  const definitions = await createDefinitionService(database, now);
  const form = (id: string) => definitions.service.form(id);
  const latestDefinition = (id: string) => {
    try {
      return definitions.service.form(id).definition;
    } catch {
      return undefined;
    }
  };
  const departments = () => new Set((definitions.service.app()?.departments ?? []).map((department) => department.id));
  const writes = createRecordWrites({ database, now, form, departments });
  const departmentTitle = (id: string, locale: 'zh-CN' | 'en') => definitions.service.app()?.departments?.find((department) => department.id === id)?.title[locale];
  const reads = createRecordReads({ database, now, form, latestDefinition, departmentTitle });
  const runner = createFunctionRunner({ functions: NATIVE_FUNCTIONS, now });
  const workflows = createWorkflowService({ database, definitions: definitions.service, invoke: runner.invoke });
  const services: Services = {
    auth: createAuthService({
      database,
      now,
      idleMinutes: options.sessionTtlMinutes ?? DEFAULT_IDLE_MINUTES,
      maxMinutes: options.sessionMaxMinutes ?? DEFAULT_MAX_MINUTES,
      knownRoles: definitions.knownRoles,
      knownDepartments: () => definitions.service.app()?.departments?.map((department) => department.id),
    }),
    definitions: definitions.service,
    records: {
      ...reads,
      create: (actor, formId, data, createOptions) =>
        writes.create(actor, formId, data, createOptions?.idempotencyKey === undefined ? {} : { idempotencyKey: createOptions.idempotencyKey }),
      update: writes.update,
      remove: writes.remove,
    },
    workflows,
    planning: createPlanningService({ database, runner, app: () => definitions.service.app(), form, workflows, now }),
    scheduling: createScheduleService({ database, app: () => definitions.service.app(), now }),
    reports: createReportService({ database, definitions: definitions.service, now }),
    attachments: createAttachmentService({ database, form, now }),
  };
  explicitIdCreates.set(services, writes.create);
  return services;
}

/** Creates a record with a fixed id (the demo factory's records refer to each other by id). */
export async function importRecord(services: Services, actor: Actor, form: string, record: { id: string; data: unknown }): Promise<RecordDto> {
  const create = explicitIdCreates.get(services);
  if (create === undefined) throw new TypeError('importRecord needs services made by createServices');
  return (await create(actor, form, record.data, { id: record.id })).record;
}
