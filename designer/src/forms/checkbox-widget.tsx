import { getDefaultRegistry } from '@rjsf/core';
import { labelValue, type Widget, type WidgetProps } from '@rjsf/utils';
import { YesNoBadge } from './yes-no-badge.js';

function rjsfCheckbox(): Widget {
  const widget = getDefaultRegistry().widgets.CheckboxWidget;
  if (widget === undefined) throw new Error('@rjsf/core no longer has a CheckboxWidget');
  return widget;
}

const DefaultCheckbox = rjsfCheckbox();

/** A yes/no field: rjsf's checkbox where it can be changed, a ✓ / ✗ badge where it is read-only or computed. */
export function CheckboxWidget(props: WidgetProps) {
  const { id, value, readonly, disabled, label, hideLabel } = props;
  if (!readonly && !disabled) return <DefaultCheckbox {...props} />;
  return (
    <div className="checkbox is-readonly">
      <YesNoBadge value={value} id={id} />
      {labelValue(<span className="checkbox-label">{label}</span>, hideLabel)}
    </div>
  );
}
