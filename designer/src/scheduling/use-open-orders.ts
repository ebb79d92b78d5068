import { useEffect, useState } from 'react';
import type { OrdoRecord, ScheduleLabels } from '../api/index.js';
import { useSession } from '../auth/index.js';

export interface OpenOrder {
  readonly recordId: string;
  readonly text: string;
}

/** The released production orders the schedule does not hold yet: what can be inserted or tried as a rush order. */
export function useOpenOrders(labels: ScheduleLabels | undefined): { readonly orders: readonly OpenOrder[] | null } {
  const { api } = useSession();
  const [records, setRecords] = useState<readonly OrdoRecord[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.listRecords('production-order', { filters: [{ field: 'status', op: 'eq', value: 'released' }], sort: '-moNo', limit: 200 }).then(
      (list) => {
        if (!cancelled) setRecords(list.items);
      },
      () => {
        if (!cancelled) setRecords([]);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api]);
  if (records === null) return { orders: null };
  const scheduled = new Set(Object.values(labels?.orders ?? {}).map((order) => order.recordId));
  const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
  return {
    orders: records
      .filter((record) => !scheduled.has(record.id))
      .map((record) => ({
        recordId: record.id,
        text: [text(record.data.moNo) || record.id, text(record.data.itemName) || text(record.data.item), text(record.data.qty) ? `× ${text(record.data.qty)}` : '', text(record.data.dueDate)].filter(Boolean).join('  '),
      })),
  };
}
