import type { LocalizedText } from '../../../engine/definitions/generated/definition-types.js';
import { Prop } from './prop-field.js';

/** A text definitions carry in both languages (titles, labels), Chinese and English side by side. */
export function LocalizedTextInputs({ value, onChange, labels, testId }: { value: LocalizedText; onChange: (next: LocalizedText) => void; labels: readonly [string, string]; testId: string }) {
  return (
    <div className="fd-prop-pair">
      <Prop label={labels[0]}>
        <input value={value['zh-CN']} onChange={(event) => onChange({ ...value, 'zh-CN': event.target.value })} data-testid={`${testId}-zh`} />
      </Prop>
      <Prop label={labels[1]}>
        <input value={value.en} onChange={(event) => onChange({ ...value, en: event.target.value })} data-testid={`${testId}-en`} />
      </Prop>
    </div>
  );
}
