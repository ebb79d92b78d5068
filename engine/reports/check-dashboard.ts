import type { DashboardDefinition, ReportDefinition } from '../definitions/index.js';
import { OrdoError, type FieldError } from '../errors/index.js';
import { compileParameters, type ParametersSchema } from './report-parameters.js';

/**
 * A dashboard's widgets must name existing reports, and each parameterMap must map a parameter the
 * report declares to one the dashboard declares. Throws ORDO_ERR_DEFINITION_INVALID with pointers.
 */
export function checkDashboard(definition: DashboardDefinition, reports: ReadonlyMap<string, ReportDefinition>): void {
  const fields: FieldError[] = [];
  const problem = (pointer: string, message: string) => fields.push({ pointer, code: 'dashboard', message });
  try {
    compileParameters(definition.parameters as ParametersSchema | undefined);
  } catch (error) {
    if (!(error instanceof OrdoError)) throw error;
    fields.push(...error.fields);
  }
  const shared = new Set(Object.keys(definition.parameters?.properties ?? {}));
  definition.widgets.forEach((widget, index) => {
    const report = reports.get(widget.report);
    if (report === undefined) return problem(`/widgets/${index}/report`, `report "${widget.report}" does not exist`);
    const own = new Set(Object.keys(report.parameters?.properties ?? {}));
    for (const [reportParameter, dashboardParameter] of Object.entries(widget.parameterMap ?? {})) {
      const at = `/widgets/${index}/parameterMap/${reportParameter}`;
      if (!own.has(reportParameter)) problem(at, `report ${widget.report} has no parameter "${reportParameter}"`);
      if (!shared.has(dashboardParameter)) problem(at, `the dashboard has no parameter "${dashboardParameter}"`);
    }
  });
  if (fields.length > 0) {
    throw new OrdoError('ORDO_ERR_DEFINITION_INVALID', `Dashboard ${definition.id} is not valid`, { fields });
  }
}
