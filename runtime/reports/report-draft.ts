import { validateAgainstMetaSchema, type FormDefinition, type ReportDefinition } from '../../engine/definitions/index.js';
import { isOrdoError, OrdoError, type FieldError } from '../../engine/errors/index.js';
import { compileParameters, planReport, type ParametersSchema, type ParametersValidator, type ReportPlan } from '../../engine/reports/index.js';
import { checkJsonBody } from '../http/json-body-limits.js';

export interface CheckedReportDraft {
  definition: ReportDefinition;
  plan: ReportPlan;
  parameters: ParametersValidator;
}

/**
 * The checks publishing runs for one report definition (meta-schema, then the planner against the
 * published forms), over draft text. Every problem is ORDO_ERR_DRAFT_INVALID with pointers into the
 * draft, so the designer can mark the part of the report that is wrong.
 */
export function checkReportDraft(body: string, forms: ReadonlyMap<string, FormDefinition>): CheckedReportDraft {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw draftInvalid([{ pointer: '', code: 'json', message: `not JSON: ${(error as Error).message}` }]);
  }
  checkJsonBody(value);
  const schemaProblems = validateAgainstMetaSchema('report', value);
  if (schemaProblems.length > 0) throw draftInvalid(schemaProblems.map((problem) => ({ pointer: problem.pointer, code: 'schema', message: problem.message })));
  const definition = value as ReportDefinition;
  try {
    return { definition, plan: planReport(definition, forms), parameters: compileParameters(definition.parameters as ParametersSchema | undefined) };
  } catch (error) {
    if (isOrdoError(error) && error.code === 'ORDO_ERR_DEFINITION_INVALID') throw draftInvalid([...error.fields]);
    throw error;
  }
}

function draftInvalid(fields: FieldError[]): OrdoError {
  const first = fields[0];
  const summary = first === undefined ? '' : `: ${first.pointer === '' ? '/' : first.pointer} ${first.message}`;
  return new OrdoError('ORDO_ERR_DRAFT_INVALID', `The report draft has ${fields.length} problem(s)${summary}`, { fields });
}
