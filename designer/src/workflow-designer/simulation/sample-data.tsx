import type { FormDefinition } from '../../../../engine/definitions/generated/definition-types.js';
import { LiveFormView, useLiveForm, type FormData } from '../../forms/index.js';
import { useI18n } from '../../i18n/index.js';

/** Sample data is the designer's to make up: every field may be filled, whoever designs. */
const SAMPLE_ROLES: readonly string[] = ['admin'];

/**
 * The workflow's form as staff fill it in (the same live renderer: computed fields, rules,
 * lookups), holding the sample record; `onUse` gets the data as the runtime would store it.
 */
export function SampleData({ form, data, action, onUse }: { form: FormDefinition; data?: FormData; action: string; onUse: (data: FormData) => void }) {
  const { t } = useI18n();
  const live = useLiveForm({ definition: form, roles: SAMPLE_ROLES, ...(data === undefined ? {} : { data }) });
  return (
    <div className="sim-sample" data-testid="sim-sample">
      <p className="sim-note">{t('sim.sampleHint')}</p>
      <div className="sim-sample-form">
        <LiveFormView form={live.props} readonly={false} />
      </div>
      <button type="button" className="btn btn-small btn-primary" onClick={() => onUse(live.evaluate(live.data))} data-testid="sim-use-sample">
        {action}
      </button>
    </div>
  );
}
