import type { DescriptionFieldProps } from '@rjsf/utils';

/** Descriptions are the definition's help texts: shown as plain text, never parsed as markdown or HTML. */
export function DescriptionTemplate({ id, description }: DescriptionFieldProps) {
  if (description === undefined || description === null || description === '') return null;
  return (
    <p id={id} className="field-help">
      {typeof description === 'string' ? description : null}
    </p>
  );
}
