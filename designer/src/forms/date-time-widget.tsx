import type { WidgetProps } from '@rjsf/utils';
import { fromFactoryLocal, toFactoryLocal } from '../scheduling/factory-time.js';
import type { OrdoFormContext } from './ordo-form-context.js';

/**
 * 日期时间: the stored value is an ISO instant; people see and type it on the factory's clock
 * (Asia/Shanghai), whatever time zone the browser is in, so a night shift's entry reads the same to
 * the inspector on site and to the buyer travelling abroad.
 */
export function DateTimeWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, onFocus, disabled, readonly, registry } = props;
  const context = registry.formContext as OrdoFormContext;
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return (
    <div className="date-time">
      <input
        id={id}
        type="datetime-local"
        className="form-control"
        value={Number.isNaN(ms) ? '' : toFactoryLocal(ms)}
        disabled={disabled || readonly}
        onChange={(event) => onChange(event.target.value === '' ? undefined : fromFactoryLocal(event.target.value) || undefined)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <span className="date-time-zone">{context.i18n.t('field.factoryTime')}</span>
    </div>
  );
}
