import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { createStateValidator } from '../forms/index.js';
import { useI18n } from '../i18n/index.js';
import type { FunctionEntry } from './design-context.js';
import { isJson, type Json } from './workflow-graph.js';

const NO_ERRORS = createStateValidator(() => []);

/**
 * A native function's input form, made from its input schema: every input property becomes a text box
 * for a formula over the record's fields (the workflow fills the input from the record when it runs).
 */
export function formulaSchema(fn: FunctionEntry): { schema: RJSFSchema; uiSchema: UiSchema } {
  const properties = isJson(fn.inputSchema.properties) ? fn.inputSchema.properties : {};
  const required = Array.isArray(fn.inputSchema.required) ? fn.inputSchema.required.filter((name): name is string => typeof name === 'string') : [];
  const schema: RJSFSchema = {
    type: 'object',
    properties: Object.fromEntries(
      Object.entries(properties).map(([name, property]) => {
        const source = isJson(property) ? property : {};
        return [name, { type: 'string', title: typeof source.title === 'string' ? source.title : name, ...(typeof source.description === 'string' ? { description: source.description } : {}) }];
      }),
    ),
  };
  const uiSchema: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  for (const name of required) uiSchema[name] = { 'ui:placeholder': '*' };
  return { schema, uiSchema };
}

export function FunctionInputForm({ fn, input, onChange }: { fn: FunctionEntry; input: Json; onChange: (input: Json) => void }) {
  const { t } = useI18n();
  const { schema, uiSchema } = useMemo(() => formulaSchema(fn), [fn]);
  if (Object.keys(schema.properties ?? {}).length === 0) return <p className="fd-hint">{t('wd.function.noInput')}</p>;
  return (
    <div className="wd-function-form" data-testid="wd-function-input">
      <Form<Json>
        schema={schema}
        uiSchema={uiSchema}
        formData={input}
        validator={NO_ERRORS}
        showErrorList={false}
        noHtml5Validate
        onChange={(event) => {
          const data = event.formData ?? {};
          onChange(Object.fromEntries(Object.entries(data).filter(([, value]) => typeof value === 'string' && value !== '')));
        }}
      />
    </div>
  );
}
