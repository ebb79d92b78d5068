import insertRequestSchema from '../../schemas/schedule-insert-request.schema.json' with { type: 'json' };
import repairSchema from '../../schemas/schedule-repair.schema.json' with { type: 'json' };
import requestSchema from '../../schemas/schedule-request.schema.json' with { type: 'json' };
import rescheduleRequestSchema from '../../schemas/schedule-reschedule-request.schema.json' with { type: 'json' };
import resultSchema from '../../schemas/schedule-result.schema.json' with { type: 'json' };
import whatIfRequestSchema from '../../schemas/schedule-whatif-request.schema.json' with { type: 'json' };
import whatIfResultSchema from '../../schemas/schedule-whatif-result.schema.json' with { type: 'json' };

type Schema = Record<string, unknown>;

const FILES: ReadonlyArray<readonly [string, Schema]> = [
  ['schedule-request.schema.json', requestSchema],
  ['schedule-result.schema.json', resultSchema],
  ['schedule-insert-request.schema.json', insertRequestSchema],
  ['schedule-reschedule-request.schema.json', rescheduleRequestSchema],
  ['schedule-repair.schema.json', repairSchema],
  ['schedule-whatif-request.schema.json', whatIfRequestSchema],
  ['schedule-whatif-result.schema.json', whatIfResultSchema],
];

/** Every file's $defs and every file itself (under its title) as local definitions: their names are unique across the files. */
const DEFS: Schema = Object.fromEntries(
  FILES.flatMap(([file, schema]) => {
    const { $defs, $id: _id, $schema: _schema, ...body } = localRefs(schema, file) as Schema;
    return [...Object.entries(($defs ?? {}) as Schema), [String(body['title']), body]];
  }),
);

/** Refs to another file (`x.schema.json#/$defs/Name`, `x.schema.json`) and within a file, rewritten to the shared local $defs. */
function localRefs(value: unknown, file: string): unknown {
  if (Array.isArray(value)) return value.map((inner) => localRefs(inner, file));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => {
      if (key !== '$ref' || typeof inner !== 'string') return [key, localRefs(inner, file)];
      const [target, fragment] = inner.split('#');
      if (fragment !== undefined && fragment.startsWith('/$defs/')) return [key, `#${fragment}`];
      const title = FILES.find(([name]) => name === (target === '' ? file : target))?.[1]['title'];
      return [key, `#/$defs/${String(title)}`];
    }),
  );
}

/** A schema that stands alone (for ajv, the API documentation and the designer): the file with every definition it may reach. */
function selfContained(schema: Schema, file: string): Readonly<Schema> {
  const { $id: _id, $defs: _defs, ...body } = localRefs(schema, file) as Schema;
  return Object.freeze({ ...body, $defs: DEFS });
}

export const SCHEDULE_REQUEST_SCHEMA = selfContained(requestSchema, 'schedule-request.schema.json');
export const SCHEDULE_RESULT_SCHEMA = selfContained(resultSchema, 'schedule-result.schema.json');
export const SCHEDULE_INSERT_REQUEST_SCHEMA = selfContained(insertRequestSchema, 'schedule-insert-request.schema.json');
export const SCHEDULE_RESCHEDULE_REQUEST_SCHEMA = selfContained(rescheduleRequestSchema, 'schedule-reschedule-request.schema.json');
export const SCHEDULE_REPAIR_SCHEMA = selfContained(repairSchema, 'schedule-repair.schema.json');
export const SCHEDULE_WHATIF_REQUEST_SCHEMA = selfContained(whatIfRequestSchema, 'schedule-whatif-request.schema.json');
export const SCHEDULE_WHATIF_RESULT_SCHEMA = selfContained(whatIfResultSchema, 'schedule-whatif-result.schema.json');
