import type { IChangeEvent } from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, RJSFValidationError, UiSchema, ValidatorType } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { canWrite, compileLiveForm, type EvaluationResult, type FieldStates, type LiveForm, type LookupRecords } from '../../../engine/forms/model/index.js';
import type { ApiError, OrdoRecord } from '../api/index.js';
import { useSession, useUser } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { differsOnlyInComputed, markComputedUi } from './computed-data.js';
import { createComputedValues } from './computed-values.js';
import { keepUnchangedErrors, pointerSegments, serverPointerToDataPointer, toErrorSchema, uniqueErrors, type DataError } from './error-schema.js';
import { fieldLabel } from './field-schema.js';
import { lockStates, lockUiSchema } from './field-lock.js';
import type { OrdoFormContext } from './ordo-form-context.js';
import { createStateValidator } from './state-validator.js';

export type FormData = Record<string, unknown>;

/** A labelled error for the summary above the form. */
export interface SummaryError extends DataError {
  readonly label: string;
}

export interface LiveFormOptions {
  readonly definition: FormDefinition;
  /** The data to start from (a stored record, a task's draft over it); a new record's defaults when absent. Keep its identity stable. */
  readonly data?: FormData;
  /** When given, only these top-level fields may change (a task's editableFields); the rest is read-only. */
  readonly editableFields?: readonly string[];
  /** The roles the form is filled in as; the signed-in user's when absent (the workflow simulator's sample record is filled as admin). */
  readonly roles?: readonly string[];
}

/** What LiveFormView hands to rjsf. */
export interface LiveFormProps {
  readonly schema: RJSFSchema;
  readonly uiSchema: UiSchema<FormData, RJSFSchema, OrdoFormContext>;
  readonly formData: FormData;
  readonly formContext: OrdoFormContext;
  readonly validator: ValidatorType<FormData, RJSFSchema>;
  readonly extraErrors: ErrorSchema | undefined;
  readonly liveValidate: 'onChange' | false;
  onChange(event: IChangeEvent<FormData>): void;
  onError(errors: RJSFValidationError[]): void;
}

export interface LiveFormState {
  readonly live: LiveForm;
  /** The current data, with computed fields and rules applied (read when needed: it follows every keystroke). */
  readonly data: FormData;
  readonly props: LiveFormProps;
  /** Client and server errors with field labels, for the summary. */
  readonly summary: readonly SummaryError[];
  /** Recomputes data as it will be sent. */
  evaluate(data: FormData): FormData;
  /** Marks the form as submitted once: from now on errors show while typing. Returns the errors the browser can tell. */
  check(data: FormData): DataError[];
  /** Shows a failed answer's field errors at their fields (pointers into the request's `data`). */
  showServerErrors(error: ApiError | undefined): void;
  /** Whether the person may write a top-level field of this form (roles and the editable list). */
  mayWrite(field: string): boolean;
}

/** The errors as they were when nothing changed, so that React skips the render. */
function sameErrors<E extends DataError>(before: readonly E[], after: readonly E[]): readonly E[] {
  return before.length === after.length && before.every((error, index) => error.pointer === after[index]?.pointer && error.message === after[index]?.message) ? before : after;
}

function sameStates(shown: FieldStates, next: FieldStates): boolean {
  const pointers = Object.keys(next);
  if (pointers.length !== Object.keys(shown).length) return false;
  return pointers.every((pointer) => {
    const [a, b] = [shown[pointer], next[pointer]];
    return a !== undefined && b !== undefined && a.visible === b.visible && a.required === b.required && a.readOnly === b.readOnly;
  });
}

function addLookup(lookups: LookupRecords, form: string, id: string, data: Readonly<Record<string, unknown>>): LookupRecords {
  return { ...lookups, [form]: { ...lookups[form], [id]: data } };
}

/**
 * The live form behind the record page and the task page: the form model evaluates every change
 * (computed fields, rules, lookup fill) in the browser, the same way the server will.
 */
export function useLiveForm({ definition, data, editableFields, roles: asRoles }: LiveFormOptions): LiveFormState {
  const { api } = useSession();
  const user = useUser();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const live = useMemo(() => compileLiveForm(definition), [definition]);
  const roles = asRoles ?? user.roles;
  const formContextBase = useMemo(() => ({ roles, locale }), [roles, locale]);
  const editable = useMemo(() => (editableFields === undefined ? undefined : new Set(editableFields)), [editableFields]);
  const lookupsRef = useRef<LookupRecords>({});
  const [lookupVersion, setLookupVersion] = useState(0);
  const [start] = useState(() => data ?? live.initialData(formContextBase));
  // `evaluated` is what rjsf was last handed; `latest` follows every change, also one that changed
  // computed values only, which reach their fields through `computedValues` without a form-wide render.
  const [evaluated, setEvaluated] = useState(() => live.evaluate(start, formContextBase, {}));
  const latest = useRef(evaluated);
  const [computedValues] = useState(() => createComputedValues(evaluated.data));
  // The render a lookup pick causes (new lookups in the context) reaches rjsf before the picked id does,
  // and rjsf re-derives its data from `formData` then: the change that follows must render, or the pick is lost.
  const lookupPicked = useRef(false);
  const show = useCallback(
    (next: EvaluationResult) => {
      latest.current = next;
      computedValues.publish(next.data);
      setEvaluated(next);
    },
    [computedValues],
  );
  const [serverErrors, setServerErrors] = useState<readonly DataError[]>([]);
  const [clientErrors, setClientErrors] = useState<readonly DataError[]>([]);
  const [attempted, setAttempted] = useState(false);

  const rjsf = useMemo(() => {
    const { schema, uiSchema: plain } = live.toRjsf(formContextBase);
    const uiSchema = markComputedUi(plain, live.model);
    return { schema, uiSchema: editable === undefined ? uiSchema : lockUiSchema(uiSchema, Object.keys(definition.schema.properties), editable) };
  }, [live, formContextBase, editable, definition]);

  const evaluate = useCallback((next: FormData) => live.evaluate(next, formContextBase, lookupsRef.current), [live, formContextBase]);

  // Records picked by lookups are fetched once so their titles show and `fill` can run.
  useEffect(() => {
    let cancelled = false;
    const requests = live.lookupRequests(start);
    Promise.all(
      requests.flatMap(({ form, ids }) =>
        ids.map((id) =>
          api.getRecord(form, id).then(
            (found) => ({ form, id, data: found.data }),
            () => undefined,
          ),
        ),
      ),
    ).then((found) => {
      if (cancelled) return;
      let lookups = lookupsRef.current;
      for (const entry of found) if (entry) lookups = addLookup(lookups, entry.form, entry.id, entry.data);
      lookupsRef.current = lookups;
      setLookupVersion((version) => version + 1);
      show(live.evaluate(start, formContextBase, lookups));
    });
    return () => {
      cancelled = true;
    };
  }, [api, live, start, formContextBase, show]);

  const labelOf = useCallback(
    (pointer: string) => {
      const segments = pointerSegments(pointer);
      const path = segments.filter((segment) => !/^\d+$/.test(segment)).join('.');
      const line = segments.find((segment) => /^\d+$/.test(segment));
      const label = path ? fieldLabel(definition, path, locale) : t('record.errorSummary');
      return line === undefined ? label : `${label} #${Number(line) + 1}`;
    },
    [definition, locale, t],
  );

  // The browser reports what the model can tell without ajv (required fields, missing lookups,
  // failed formulas); the server reports the rest on submit.
  const checkRef = useRef<(next: FormData) => DataError[]>(() => []);
  checkRef.current = (next: FormData) =>
    live
      .liveErrors(next, formContextBase, lookupsRef.current)
      .map((error) => ({ pointer: serverPointerToDataPointer(error.pointer), message: error.message }))
      .filter((error): error is DataError => error.pointer !== undefined);
  const validator = useMemo(() => createStateValidator((next) => checkRef.current(next)), []);

  const states = useMemo(() => (editable === undefined ? evaluated.states : lockStates(evaluated.states, editable)), [evaluated.states, editable]);
  const formContext = useMemo<OrdoFormContext>(
    () => ({
      formId: definition.id,
      states,
      computed: Object.keys(definition.computed ?? {}),
      computedValues,
      lookups: lookupsRef.current,
      i18n,
      api,
      rememberLookup: (form: string, picked: OrdoRecord) => {
        lookupsRef.current = addLookup(lookupsRef.current, form, picked.id, picked.data);
        lookupPicked.current = true;
        setLookupVersion((version) => version + 1);
      },
    }),
    // lookupVersion marks a change of lookupsRef, which React cannot see.
    [states, definition, i18n, api, lookupVersion, computedValues],
  );

  const extraErrors = useMemo(() => (serverErrors.length > 0 ? toErrorSchema(serverErrors) : undefined), [serverErrors]);

  const mayWrite = useCallback(
    (field: string) => {
      if (editable !== undefined && !editable.has(field)) return false;
      const node = live.model.byPath.get(field);
      return node !== undefined && canWrite(live.model, node, roles);
    },
    [editable, live, roles],
  );

  return {
    live,
    get data() {
      return latest.current.data;
    },
    props: {
      schema: rjsf.schema as RJSFSchema,
      uiSchema: rjsf.uiSchema as UiSchema<FormData, RJSFSchema, OrdoFormContext>,
      // rjsf re-derives its state from `formData` whenever any prop changes, so a render hands it the
      // latest data, also when the last keystrokes reached only the computed fields.
      formData: latest.current.data,
      formContext,
      validator,
      extraErrors,
      liveValidate: attempted ? 'onChange' : false,
      onChange(event) {
        const entered = event.formData ?? {};
        const next = evaluate(entered);
        const before = latest.current.data;
        if (serverErrors.length > 0) setServerErrors((errors) => sameErrors(errors, keepUnchangedErrors(errors, before, next.data)));
        const picked = lookupPicked.current;
        lookupPicked.current = false;
        if (!picked && differsOnlyInComputed(live.model, entered, next.data) && sameStates(evaluated.states, next.states)) {
          latest.current = next;
          computedValues.publish(next.data);
        } else {
          show(next);
        }
        if (attempted) setClientErrors((errors) => sameErrors(errors, checkRef.current(next.data)));
      },
      onError(errors) {
        setAttempted(true);
        setClientErrors(
          errors.map((error) => ({
            pointer: (error.property ?? '')
              .split('.')
              .filter(Boolean)
              .map((segment) => `/${segment}`)
              .join(''),
            message: error.message ?? '',
          })),
        );
      },
    },
    summary: uniqueErrors([...clientErrors, ...serverErrors]).map((error) => ({ ...error, label: labelOf(error.pointer) })),
    evaluate: (next) => evaluate(next).data,
    check(next) {
      setAttempted(true);
      const errors = checkRef.current(next);
      setClientErrors(errors);
      return errors;
    },
    showServerErrors(error) {
      setServerErrors(
        (error?.fieldErrors ?? [])
          .map((fieldError) => ({ pointer: serverPointerToDataPointer(fieldError.pointer), message: fieldError.message }))
          .filter((fieldError): fieldError is DataError => fieldError.pointer !== undefined),
      );
    },
    mayWrite,
  };
}
