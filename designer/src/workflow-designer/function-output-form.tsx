import { Prop } from '../definition-drafts/index.js';
import { useI18n } from '../i18n/index.js';
import type { DesignContext, FunctionEntry } from './design-context.js';
import { fieldsFor, outputRows, setOutputField } from './output-mapping.js';
import type { Json } from './workflow-graph.js';

/** Which record field each property of the function's result is written into (`invoke.output`). */
export function FunctionOutputForm({ fn, output, onChange, context }: { fn: FunctionEntry; output: unknown; onChange: (output: Json | undefined) => void; context: DesignContext }) {
  const { t, text } = useI18n();
  const { rows, kept } = outputRows(fn.outputSchema, output);
  const fieldTitle = (id: string) => text(context.fields.find((field) => field.id === id)?.title, id);
  return (
    <div className="wd-output-rows" data-testid="wd-function-output">
      {rows.length === 0 ? <p className="fd-hint">{t('wd.function.noOutput')}</p> : null}
      {rows.map((row) => {
        const offered = fieldsFor(context.fields, row.type);
        return (
          <Prop key={row.property} label={row.title === row.property ? row.property : `${row.title} (${row.property})`}>
            <select value={row.field ?? ''} onChange={(event) => onChange(setOutputField(output, row.property, event.target.value || undefined))} data-testid={`wd-output-${row.property}`}>
              <option value="">{t('wd.function.outputNone')}</option>
              {row.field !== undefined && !offered.some((field) => field.id === row.field) ? <option value={row.field}>{row.field}</option> : null}
              {offered.map((field) => (
                <option key={field.id} value={field.id}>
                  {text(field.title) === field.id ? field.id : `${text(field.title)} (${field.id})`}
                </option>
              ))}
            </select>
          </Prop>
        );
      })}
      {kept.map(([field, property]) => (
        <p key={field} className="fd-hint">
          {t('wd.function.outputKept', { property, field: fieldTitle(field) })}
        </p>
      ))}
    </div>
  );
}
