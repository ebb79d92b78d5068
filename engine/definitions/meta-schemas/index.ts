import appSchema from './app.schema.json' with { type: 'json' };
import commonSchema from './common.schema.json' with { type: 'json' };
import formSchema from './form.schema.json' with { type: 'json' };
import printTemplateSchema from './print-template.schema.json' with { type: 'json' };
import workflowSchema from './workflow.schema.json' with { type: 'json' };

/** The meta-schema of each definition kind, and the shared one they reference by $id. */
export const META_SCHEMAS = Object.freeze({
  common: commonSchema,
  form: formSchema,
  app: appSchema,
  workflow: workflowSchema,
  'print-template': printTemplateSchema,
});

export const DEFINITION_KINDS = Object.freeze(['form', 'app', 'workflow', 'print-template'] as const);
export type DefinitionKind = (typeof DEFINITION_KINDS)[number];
