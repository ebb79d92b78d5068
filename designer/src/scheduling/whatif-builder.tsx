import type { ScheduleLabels } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { WHATIF_KINDS, type DraftChange, type WhatIfKind } from './whatif-draft.js';

export interface WhatIfBuilderProps {
  readonly changes: readonly DraftChange[];
  readonly labels: ScheduleLabels;
  onAdd(kind: WhatIfKind): void;
  onChange(change: DraftChange): void;
  onRemove(id: number): void;
}

/** The scenario as a list of changes, each edited in one line. */
export function WhatIfBuilder({ changes, labels, onAdd, onChange, onRemove }: WhatIfBuilderProps) {
  const { t } = useI18n();
  const centers = Object.entries(labels.workCenters).sort(([, a], [, b]) => a.code.localeCompare(b.code));
  const orders = Object.entries(labels.orders).sort(([, a], [, b]) => a.moNo.localeCompare(b.moNo));
  return (
    <div className="whatif-builder">
      <ul className="whatif-changes">
        {changes.map((change) => (
          <li key={change.id} className="whatif-change" data-testid="whatif-change" data-kind={change.kind}>
            <span className={`badge badge-change-${change.kind}`}>{t(`scheduling.whatif.kind.${change.kind}`)}</span>
            {change.kind === 'machine-down' ? (
              <>
                <label className="field-inline">
                  <span>{t('scheduling.whatif.machine')}</span>
                  <select value={change.machine} onChange={(event) => onChange({ ...change, machine: event.target.value })} data-testid="whatif-machine">
                    {centers.map(([id, center]) => (
                      <optgroup key={id} label={`${center.code} ${center.name}`}>
                        {center.machines.map((machine) => (
                          <option key={machine} value={machine}>
                            {machine}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </label>
                <label className="field-inline">
                  <span>{t('scheduling.whatif.from')}</span>
                  <input type="datetime-local" value={change.from} onChange={(event) => onChange({ ...change, from: event.target.value })} data-testid="whatif-from" />
                </label>
                <label className="field-inline">
                  <span>{t('scheduling.whatif.days')}</span>
                  <input type="number" min={1} max={60} className="input-days" value={change.days} onChange={(event) => onChange({ ...change, days: Number(event.target.value) })} data-testid="whatif-days" />
                </label>
              </>
            ) : null}
            {change.kind === 'rush-order' ? (
              <label className="field-inline">
                <span>{t('scheduling.whatif.order')}</span>
                <select value={change.recordId} onChange={(event) => onChange({ ...change, recordId: event.target.value })} data-testid="whatif-rush-order">
                  <option value="">—</option>
                  {orders
                    .filter(([, order]) => order.priority !== 'rush')
                    .map(([id, order]) => (
                      <option key={id} value={order.recordId}>
                        {order.moNo} {order.itemName} × {order.qty}
                      </option>
                    ))}
                </select>
              </label>
            ) : null}
            {change.kind === 'overtime' ? (
              <>
                <label className="field-inline">
                  <span>{t('scheduling.whatif.workCenter')}</span>
                  <select value={change.workCenter} onChange={(event) => onChange({ ...change, workCenter: event.target.value })}>
                    {centers.map(([id, center]) => (
                      <option key={id} value={id}>
                        {center.code} {center.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field-inline">
                  <span>{t('scheduling.whatif.from')}</span>
                  <input type="datetime-local" value={change.from} onChange={(event) => onChange({ ...change, from: event.target.value })} />
                </label>
                <label className="field-inline">
                  <span>{t('scheduling.whatif.to')}</span>
                  <input type="datetime-local" value={change.to} onChange={(event) => onChange({ ...change, to: event.target.value })} />
                </label>
              </>
            ) : null}
            {change.kind === 'material-late' ? (
              <>
                <label className="field-inline">
                  <span>{t('scheduling.whatif.order')}</span>
                  <select value={change.order} onChange={(event) => onChange({ ...change, order: event.target.value })}>
                    {orders.map(([id, order]) => (
                      <option key={id} value={id}>
                        {order.moNo} {order.itemName}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field-inline">
                  <span>{t('scheduling.whatif.release')}</span>
                  <input type="datetime-local" value={change.release} onChange={(event) => onChange({ ...change, release: event.target.value })} />
                </label>
              </>
            ) : null}
            <button type="button" className="btn btn-small btn-danger-ghost" onClick={() => onRemove(change.id)}>
              {t('scheduling.whatif.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="whatif-add">
        <span className="muted">{t('scheduling.whatif.add')}:</span>
        {WHATIF_KINDS.map((kind) => (
          <button key={kind} type="button" className="btn btn-small" onClick={() => onAdd(kind)} data-testid={`whatif-add-${kind}`}>
            + {t(`scheduling.whatif.kind.${kind}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
