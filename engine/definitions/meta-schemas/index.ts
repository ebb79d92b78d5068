import appSchema from './app.schema.json' with { type: 'json' };
import commonSchema from './common.schema.json' with { type: 'json' };
import dashboardSchema from './dashboard.schema.json' with { type: 'json' };
import formSchema from './form.schema.json' with { type: 'json' };
import reportSchema from './report.schema.json' with { type: 'json' };
import printTemplateSchema from './print-template.schema.json' with { type: 'json' };
import workflowSchema from './workflow.schema.json' with { type: 'json' };

/** The meta-schema of each definition kind, and the shared one they reference by $id. */
export const META_SCHEMAS = Object.freeze({
  common: commonSchema,
  form: formSchema,
  app: appSchema,
  workflow: workflowSchema,
  report: reportSchema,
  dashboard: dashboardSchema,
  'print-template': printTemplateSchema,
});

export const DEFINITION_KINDS = Object.freeze(['form', 'app', 'workflow', 'report', 'dashboard', 'print-template'] as const);
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];
