import { useI18n } from '../i18n/index.js';

/**
 * A yes/no value that nobody edits here (a computed pass/fail, a read-only record, a list cell): a green
 * ✓ or a red ✗, with 是 / 否 for screen readers, instead of a grey disabled checkbox whose state is hard
 * to read. An empty value shows the dash every other empty value shows.
 */
export function YesNoBadge({ value, id }: { value: unknown; id?: string }) {
  const { t } = useI18n();
  const state = value === true ? 'yes' : value === false ? 'no' : 'empty';
  const text = state === 'yes' ? t('value.yes') : state === 'no' ? t('value.no') : t('value.empty');
  return (
    <span id={id} className={`yes-no is-${state}`} data-value={state === 'empty' ? '' : String(value)} data-testid={id === undefined ? undefined : `yes-no-${id}`}>
      <span className="yes-no-mark" aria-hidden="true">
        {state === 'yes' ? '✓' : state === 'no' ? '✗' : text}
      </span>
      {state === 'empty' ? null : <span className="sr-only">{text}</span>}
    </span>
  );
}
