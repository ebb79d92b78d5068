import Form, { type IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, RJSFValidationError, UiSchema } from '@rjsf/utils';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormDefinition } from '../../../engine/definitions/generated/definition-types.js';
import { canWrite, compileLiveForm, type LookupRecords } from '../../../engine/forms/model/index.js';
import { isApiError, newIdempotencyKey, type OrdoRecord } from '../api/index.js';
import { useSession, useUser } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/describe-error.js';
import { keepUnchangedErrors, pointerSegments, serverPointerToDataPointer, toErrorSchema, type DataError } from './error-schema.js';
import { fieldLabel } from './field-schema.js';
import { DescriptionTemplate } from './description-template.js';
import { FieldTemplate } from './field-template.js';
import { LookupField } from './lookup-field.js';
import { ObjectTemplate } from './object-template.js';
import type { OrdoFormContext } from './ordo-form-context.js';
import { changedTopLevel } from './record-diff.js';
import { createStateValidator } from './state-validator.js';
import { SubTableItemTemplate, SubTableTemplate } from './sub-table-template.js';
import { useRjsfStrings } from './use-rjsf-strings.js';

type FormData = Record<string, unknown>;

export interface RecordFormProps {
  readonly definition: FormDefinition;
  /** The stored record; absent when creating one. */
  readonly record?: OrdoRecord;
  readonly editable: boolean;
  readonly onSaved: (record: OrdoRecord, created: boolean) => void;
  /** Asked for when the server reports that someone else changed the record first. */
  readonly onReload: () => void;
  /** Told when a save starts, so the page can drop an earlier confirmation. */
  readonly onSaving?: () => void;
}

const TEMPLATES = {
  FieldTemplate,
  ObjectFieldTemplate: ObjectTemplate,
  ArrayFieldTemplate: SubTableTemplate,
  ArrayFieldItemTemplate: SubTableItemTemplate,
  DescriptionFieldTemplate: DescriptionTemplate,
};
const FIELDS = { lookup: LookupField };

/** A labelled error for the summary above the form. */
interface SummaryError extends DataError {
  readonly label: string;
}

function addLookup(lookups: LookupRecords, form: string, id: string, data: Readonly<Record<string, unknown>>): LookupRecords {
  return { ...lookups, [form]: { ...lookups[form], [id]: data } };
}

export function RecordForm({ definition, record, editable, onSaved, onReload, onSaving }: RecordFormProps) {
  const { api } = useSession();
  const user = useUser();
  const i18n = useI18n();
  const { t, locale } = i18n;
  const translateString = useRjsfStrings();
  const live = useMemo(() => compileLiveForm(definition), [definition]);
  const formContextBase = useMemo(() => ({ roles: user.roles, locale }), [user.roles, locale]);
  const lookupsRef = useRef<LookupRecords>({});
  const [lookupVersion, setLookupVersion] = useState(0);
  const [evaluated, setEvaluated] = useState(() => live.evaluate(record?.data ?? live.initialData(formContextBase), formContextBase, {}));
  const [serverErrors, setServerErrors] = useState<readonly DataError[]>([]);
  const [clientErrors, setClientErrors] = useState<readonly DataError[]>([]);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());

  const rjsf = useMemo(() => live.toRjsf(formContextBase), [live, formContextBase]);

  const evaluate = useCallback((data: FormData) => live.evaluate(data, formContextBase, lookupsRef.current), [live, formContextBase]);

  // Records picked by lookups are fetched once so their titles show and `fill` can run.
  useEffect(() => {
    let cancelled = false;
    const data = record?.data ?? {};
    const requests = live.lookupRequests(data);
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
      setEvaluated(live.evaluate(data, formContextBase, lookups));
    });
    return () => {
      cancelled = true;
    };
  }, [api, live, record, formContextBase]);

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
  const checkRef = useRef<(data: FormData) => DataError[]>(() => []);
  checkRef.current = (data: FormData) =>
    live
      .liveErrors(data, formContextBase, lookupsRef.current)
      .map((error) => ({ pointer: serverPointerToDataPointer(error.pointer), message: error.message }))
      .filter((error): error is DataError => error.pointer !== undefined);
  const validator = useMemo(() => createStateValidator((data) => checkRef.current(data)), []);

  const formContext = useMemo<OrdoFormContext>(
    () => ({
      states: evaluated.states,
      computed: Object.keys(definition.computed ?? {}),
      lookups: lookupsRef.current,
      i18n,
      api,
      rememberLookup: (form: string, picked: OrdoRecord) => {
        lookupsRef.current = addLookup(lookupsRef.current, form, picked.id, picked.data);
        setLookupVersion((version) => version + 1);
      },
    }),
    // lookupVersion marks a change of lookupsRef, which React cannot see.
    [evaluated.states, definition, i18n, api, lookupVersion],
  );

  const extraErrors = useMemo(() => (serverErrors.length > 0 ? toErrorSchema(serverErrors) : undefined), [serverErrors]);

  function onChange(event: IChangeEvent<FormData>) {
    const next = evaluate(event.formData ?? {});
    setServerErrors((errors) => keepUnchangedErrors(errors, evaluated.data, next.data));
    setEvaluated(next);
    if (attempted) setClientErrors(checkRef.current(next.data));
  }

  function onError(errors: RJSFValidationError[]) {
    setAttempted(true);
    setClientErrors(
      errors.map((error) => ({
        pointer: (error.property ?? '').split('.').filter(Boolean).map((segment) => `/${segment}`).join(''),
        message: error.message ?? '',
      })),
    );
  }

  async function onSubmit(event: IChangeEvent<FormData>) {
    setAttempted(true);
    setClientErrors([]);
    setFailure(null);
    setConflict(null);
    const data = evaluate(event.formData ?? {}).data;
    onSaving?.();
    setBusy(true);
    try {
      if (!record) {
        const created = await api.createRecord(definition.id, data, idempotencyKey.current);
        onSaved(created, true);
        return;
      }
      const changes = changedTopLevel(record.data, data, (field) => {
        const node = live.model.byPath.get(field);
        return node !== undefined && canWrite(live.model, node, user.roles);
      });
      if (Object.keys(changes).length === 0) {
        onSaved(record, false);
        return;
      }
      onSaved(await api.updateRecord(definition.id, record.id, record.revision, changes), false);
    } catch (caught) {
      if (!isApiError(caught)) {
        setFailure(String(caught));
        return;
      }
      // A retry after a network failure must replay the same create; after an answer it is a new request.
      if (caught.code !== 'NETWORK') idempotencyKey.current = newIdempotencyKey();
      if (caught.code === 'ORDO_ERR_REVISION_CONFLICT') {
        const current = caught.extra.currentRevision;
        setConflict(typeof current === 'number' ? current : record ? record.revision + 1 : 0);
        return;
      }
      const fieldErrors = caught.fieldErrors
        .map((error) => ({ pointer: serverPointerToDataPointer(error.pointer), message: error.message }))
        .filter((error): error is DataError => error.pointer !== undefined);
      setServerErrors(fieldErrors);
      setFailure(describeError(caught, locale));
    } finally {
      setBusy(false);
    }
  }

  const summary: SummaryError[] = [...clientErrors, ...serverErrors].map((error) => ({ ...error, label: labelOf(error.pointer) }));

  return (
    <div className="record-form">
      {conflict !== null ? (
        <div className="notice notice-warning" role="alert" data-testid="conflict">
          <p>{t('record.conflict', { revision: conflict })}</p>
          <p className="muted">{t('record.conflictHint')}</p>
          <button type="button" className="btn btn-primary btn-small" onClick={onReload} data-testid="conflict-reload">
            {t('record.conflictReload')}
          </button>
        </div>
      ) : null}
      {failure || summary.length > 0 ? (
        <div className="notice notice-error" role="alert" data-testid="error-summary">
          {failure ? <p className="summary-title">{failure}</p> : null}
          {summary.length > 0 ? (
            <>
              {!failure ? <p className="summary-title">{t('record.errorSummary')}</p> : null}
              <ul>
                {summary.map((error, index) => (
                  <li key={`${error.pointer}:${index}`}>
                    <strong>{error.label}</strong>: {error.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
      <Form<FormData, RJSFSchema, OrdoFormContext>
        schema={rjsf.schema as RJSFSchema}
        uiSchema={rjsf.uiSchema as UiSchema<FormData, RJSFSchema, OrdoFormContext>}
        formData={evaluated.data}
        formContext={formContext}
        validator={validator}
        templates={TEMPLATES}
        fields={FIELDS}
        translateString={translateString}
        extraErrors={extraErrors}
        liveValidate={attempted ? 'onChange' : false}
        showErrorList={false}
        noHtml5Validate
        focusOnFirstError
        readonly={!editable}
        onChange={onChange}
        onError={onError}
        onSubmit={(event) => void onSubmit(event)}
        className="ordo-form"
      >
        {editable ? (
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="save-record">
              {busy ? t('record.saving') : t('record.save')}
            </button>
          </div>
        ) : (
          <></>
        )}
      </Form>
    </div>
  );
}
