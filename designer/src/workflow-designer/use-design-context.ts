import { useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/index.js';
import { fieldSchema, topLevelFields } from '../forms/index.js';
import { useDefinitions } from '../shell/index.js';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import type { DesignContext, FieldOption, FunctionEntry } from './design-context.js';

/** The field's type as the formula checker names it (`date` for a string of format date, `table` for a sub-table). */
function formulaType(node: { type?: unknown; format?: unknown } | undefined): string {
  if (node?.format === 'date') return 'date';
  if (node?.format === 'date-time') return 'datetime';
  if (node?.type === 'array') return 'table';
  return typeof node?.type === 'string' ? node.type : 'any';
}

function fieldOptions(definition: FormDefinition): FieldOption[] {
  return topLevelFields(definition).map((name) => {
    const schema = fieldSchema(definition, name);
    const kind = schema?.['x-ordo-field'];
    return { id: name, title: definition.labels?.[name] ?? { 'zh-CN': name, en: name }, type: formulaType(schema), kind: typeof kind === 'string' ? kind : undefined };
  });
}

/** The roles, the form's fields, the function catalogue and the other workflows, for the properties panels. */
export function useDesignContext(formId: string, workflowId: string): DesignContext {
  const { api } = useSession();
  const { app, forms, form, workflows } = useDefinitions();
  const [functions, setFunctions] = useState<readonly FunctionEntry[] | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.functions().then(
      (answer) => {
        if (!cancelled) setFunctions(answer.items);
      },
      // Without the catalogue a function node still shows and keeps its function; the list is just empty.
      () => {
        if (!cancelled) setFunctions([]);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const definition = form(formId);
  return useMemo(
    () => ({
      form: formId,
      roles: app.roles.map((role) => ({ id: role.id, title: role.title })),
      departments: app.departments ?? [],
      fields: definition === undefined ? [] : fieldOptions(definition),
      forms: forms.map((candidate) => ({ id: candidate.id, title: candidate.title, fields: fieldOptions(candidate) })),
      functions,
      workflows: workflows
        .filter((workflow) => workflow.id !== workflowId)
        .map((workflow) => {
          const childForm = form(workflow.form);
          return { id: workflow.id, title: workflow.title, form: workflow.form, firstField: childForm === undefined ? undefined : topLevelFields(childForm)[0] };
        }),
    }),
    [app, definition, formId, forms, form, functions, workflows, workflowId],
  );
}
