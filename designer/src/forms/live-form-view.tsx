import Form from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import type { ReactNode } from 'react';
import { AttachmentsField } from './attachments-field.js';
import { CheckboxWidget } from './checkbox-widget.js';
import { ComputedField } from './computed-field.js';
import { DateTimeWidget } from './date-time-widget.js';
import { DescriptionTemplate } from './description-template.js';
import { FieldTemplate } from './field-template.js';
import { LookupField } from './lookup-field.js';
import { DepartmentField, MemberField } from './member-field.js';
import { ObjectTemplate } from './object-template.js';
import type { OrdoFormContext } from './ordo-form-context.js';
import { SubTableItemTemplate, SubTableTemplate } from './sub-table-template.js';
import type { FormData, LiveFormProps } from './use-live-form.js';
import { useRjsfStrings } from './use-rjsf-strings.js';
import './field-kinds.css';

const TEMPLATES = {
  FieldTemplate,
  ObjectFieldTemplate: ObjectTemplate,
  ArrayFieldTemplate: SubTableTemplate,
  ArrayFieldItemTemplate: SubTableItemTemplate,
  DescriptionFieldTemplate: DescriptionTemplate,
};
const FIELDS = { lookup: LookupField, member: MemberField, department: DepartmentField, attachments: AttachmentsField, computed: ComputedField };
// rjsf's own date-time widget converts with the browser's zone; Ordo's uses the factory's. A read-only
// yes/no shows a ✓ / ✗ badge rather than a grey checkbox.
const WIDGETS = { DateTimeWidget, CheckboxWidget };
// Choices are `oneOf` consts (for their labels); by default rjsf would preselect the first one, so an
// untouched choice would be saved, and one the role may not write refused with 403.
const DEFAULTS_BEHAVIOR = { constAsDefaults: 'skipOneOf' } as const;

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
      widgets={WIDGETS}
      experimental_defaultFormStateBehavior={DEFAULTS_BEHAVIOR}
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
