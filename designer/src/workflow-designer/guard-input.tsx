import { useMemo } from 'react';
import { FormulaEditor, type FormulaField } from '../formula-editor/index.js';
import { useI18n } from '../i18n/index.js';
import type { DesignContext } from './design-context.js';

/** A guard: a yes/no formula over the record's fields, checked as you type by the runtime's own checker. */
export function GuardInput({ value, onChange, context }: { value: string; onChange: (text: string) => void; context: DesignContext }) {
  const { text } = useI18n();
  const fields = useMemo<FormulaField[]>(() => context.fields.map((field) => ({ name: field.id, label: text(field.title), type: field.type })), [context.fields, text]);
  return <FormulaEditor value={value} onChange={onChange} fields={fields} expect="boolean" testId="wd-edge-guard" />;
}
