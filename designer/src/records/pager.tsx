import { useI18n } from '../i18n/index.js';

/** A page of any list the server pages (records, the inbox). */
export interface PagedList {
  readonly items: readonly unknown[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

export function Pager({ list, onPage }: { list: PagedList; onPage: (offset: number) => void }) {
  const { t } = useI18n();
  const from = list.total === 0 ? 0 : list.offset + 1;
  const to = list.offset + list.items.length;
  return (
    <div className="pager">
      <span className="muted" data-testid="list-total">
        {t('list.range', { from, to, total: list.total })}
      </span>
      <div className="pager-buttons">
        <button type="button" className="btn btn-small" disabled={list.offset === 0} onClick={() => onPage(Math.max(0, list.offset - list.limit))} data-testid="page-previous">
          ‹ {t('list.previous')}
        </button>
        <button type="button" className="btn btn-small" disabled={to >= list.total} onClick={() => onPage(list.offset + list.limit)} data-testid="page-next">
          {t('list.next')} ›
        </button>
      </div>
    </div>
  );
}
