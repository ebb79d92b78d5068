import { useState } from 'react';
import type { ScheduleLabels } from '../api/index.js';
import { useI18n } from '../i18n/index.js';
import { useOpenOrders } from './use-open-orders.js';

export interface InsertOrderPanelProps {
  readonly labels: ScheduleLabels;
  readonly busy: boolean;
  onInsert(recordId: string): void;
  onClose(): void;
}

/** 插单: pick a released production order the schedule lacks; the server inserts it into the committed schedule as a draft. */
export function InsertOrderPanel({ labels, busy, onInsert, onClose }: InsertOrderPanelProps) {
  const { t } = useI18n();
  const { orders } = useOpenOrders(labels);
  const [chosen, setChosen] = useState('');
  const value = chosen || orders?.[0]?.recordId || '';
  return (
    <section className="card insert-panel" data-testid="insert-panel">
      <h2>{t('scheduling.insertTitle')}</h2>
      <p className="muted">{t('scheduling.insertHint')}</p>
      {orders === null ? <p className="muted">{t('app.loading')}</p> : null}
      {orders !== null && orders.length === 0 ? <p className="notice notice-info">{t('scheduling.insertNone')}</p> : null}
      <div className="insert-row">
        {orders !== null && orders.length > 0 ? (
          <label className="field-inline">
            <span>{t('scheduling.insertChoose')}</span>
            <select value={value} onChange={(event) => setChosen(event.target.value)} data-testid="insert-order">
              {orders.map((order) => (
                <option key={order.recordId} value={order.recordId}>
                  {order.text}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <button type="button" className="btn btn-primary" disabled={busy || !value} onClick={() => onInsert(value)} data-testid="insert-submit">
          {t('scheduling.insertSubmit')}
        </button>
        <button type="button" className="btn" onClick={onClose}>
          {t('scheduling.cancel')}
        </button>
      </div>
    </section>
  );
}
