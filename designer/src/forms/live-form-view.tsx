import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import type { ReactNode } from 'react';
import { DescriptionTemplate } from './description-template.js';
import { FieldTemplate } from './field-template.js';
import { LookupField } from './lookup-field.js';
import { ObjectTemplate } from './object-template.js';
import type { OrdoFormContext } from './ordo-form-context.js';
import { SubTableItemTemplate, SubTableTemplate } from './sub-table-template.js';
import type { FormData, LiveFormProps } from './use-live-form.js';
import { useRjsfStrings } from './use-rjsf-strings.js';

const TEMPLATES = {
  FieldTemplate,
  ObjectFieldTemplate: ObjectTemplate,
  ArrayFieldTemplate: SubTableTemplate,
  ArrayFieldItemTemplate: SubTableItemTemplate,
  DescriptionFieldTemplate: DescriptionTemplate,
};
const FIELDS = { lookup: LookupField };

export interface LiveFormViewProps {
  readonly form: LiveFormProps;
  readonly readonly: boolean;
  /** Called with the data after rjsf found no error; absent when the page submits by its own buttons. */
  readonly onSubmit?: (data: FormData) => void;
  /** Rendered inside the form, after the fields (a submit button). */
  readonly children?: ReactNode;
}

/** rjsf with Ordo's templates and widgets, fed by useLiveForm. */
export function LiveFormView({ form, readonly, onSubmit, children }: LiveFormViewProps) {
  const translateString = useRjsfStrings();
  return (
    <Form<FormData, RJSFSchema, OrdoFormContext>
      {...form}
      templates={TEMPLATES}
      fields={FIELDS}
      translateString={translateString}
      showErrorList={false}
      noHtml5Validate
      focusOnFirstError
      readonly={readonly}
      onSubmit={(event) => onSubmit?.(event.formData ?? {})}
      className="ordo-form"
    >
      {children ?? <></>}
    </Form>
  );
}
