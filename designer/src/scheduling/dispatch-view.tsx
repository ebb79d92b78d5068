import { useEffect, useState } from 'react';
import { isApiError, type DispatchList, type ScheduleRunView } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { href, navigate } from '../routing/index.js';
import { describeError } from '../shell/index.js';
import { durationText, factoryTime } from './factory-time.js';
import { LockIcon } from './lock-icon.js';

type ListState = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly list: DispatchList };

/** 派工单: a work center's operations in start order from the committed schedule, printable for the shop floor. */
export function DispatchView({ committed, workCenter }: { committed: ScheduleRunView | undefined; workCenter: string | undefined }) {
  const { t, locale, number, dateTime } = useI18n();
  const { api } = useSession();
  const centers = Object.entries(committed?.labels.workCenters ?? {}).sort(([, a], [, b]) => a.code.localeCompare(b.code));
  const chosen = workCenter ?? centers[0]?.[0];
  const [machine, setMachine] = useState('');
  const [state, setState] = useState<ListState>({ status: 'loading' });
  const runId = committed?.id;

  useEffect(() => {
    if (chosen === undefined || runId === undefined) return;
    let cancelled = false;
    setState({ status: 'loading' });
    api.dispatchList(chosen, machine || undefined).then(
      (list) => {
        if (!cancelled) setState({ status: 'ready', list });
      },
      (cause: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: isApiError(cause) ? describeError(cause, locale) : String(cause) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The locale only words an error; the run id refetches after a move or a commit.
  }, [api, chosen, machine, runId]);

  if (!committed || chosen === undefined) return <div className="empty-state">{t('scheduling.dispatch.none')}</div>;
  const center = committed.labels.workCenters[chosen];
  return (
    <section className="dispatch" data-testid="dispatch">
      <div className="filter-bar no-print">
        <label className="field-inline">
          <span>{t('scheduling.dispatch.workCenter')}</span>
          <select
            value={chosen}
            onChange={(event) => {
              setMachine('');
              navigate({ page: 'scheduling', view: 'dispatch', workCenter: event.target.value }, { replace: true });
            }}
            data-testid="dispatch-work-center"
          >
            {centers.map(([id, entry]) => (
              <option key={id} value={id}>
                {entry.code} {entry.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('scheduling.dispatch.machine')}</span>
          <select value={machine} onChange={(event) => setMachine(event.target.value)} data-testid="dispatch-machine">
            <option value="">{t('scheduling.dispatch.allMachines')}</option>
            {(center?.machines ?? []).map((entry) => (
              <option key={entry} value={entry}>
                {entry}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={() => window.print()} data-testid="dispatch-print">
          {t('scheduling.dispatch.print')}
        </button>
      </div>
      <div className="card dispatch-sheet">
        <header className="dispatch-head">
          <h2 data-testid="dispatch-title">{t('scheduling.dispatch.title', { code: center?.code ?? chosen, name: center?.name ?? '' })}</h2>
          <span className="muted">
            {machine ? `${machine} · ` : ''}
            {state.status === 'ready' ? t('scheduling.dispatch.generated', { when: dateTime(state.list.generatedAt) }) : null}
          </span>
          <a className="print-hide-link no-print" href={href({ page: 'scheduling', view: 'gantt' })}>
            {t('scheduling.view.gantt')}
          </a>
        </header>
        {state.status === 'loading' ? <div className="page-state">{t('app.loading')}</div> : null}
        {state.status === 'failed' ? <div className="notice notice-error">{state.message}</div> : null}
        {state.status === 'ready' && state.list.items.length === 0 ? <div className="empty-state">{t('scheduling.dispatch.empty')}</div> : null}
        {state.status === 'ready' && state.list.items.length > 0 ? (
          <table className="data-table dispatch-table" data-testid="dispatch-table">
            <thead>
              <tr>
                <th className="num">{t('scheduling.dispatch.seq')}</th>
                <th>{t('scheduling.dispatch.machine')}</th>
                <th>{t('scheduling.dispatch.order')}</th>
                <th>{t('scheduling.dispatch.item')}</th>
                <th className="num">{t('scheduling.dispatch.qty')}</th>
                <th>{t('scheduling.dispatch.operation')}</th>
                <th>{t('scheduling.dispatch.start')}</th>
                <th>{t('scheduling.dispatch.end')}</th>
                <th className="num">{t('scheduling.dispatch.setup')}</th>
                <th>{t('scheduling.dispatch.status')}</th>
                <th className="signoff">{t('scheduling.dispatch.signoff')}</th>
              </tr>
            </thead>
            <tbody>
              {state.list.items.map((item, index) => (
                <tr key={item.operation} className={item.late ? 'row-late' : undefined} data-testid="dispatch-row">
                  <td className="num">{number(index + 1)}</td>
                  <td>{item.machine}</td>
                  <td>
                    <strong>{item.moNo}</strong>
                  </td>
                  <td className="wrap">
                    {item.item} <span className="muted">{item.itemName}</span>
                  </td>
                  <td className="num">{number(item.qty)}</td>
                  <td>
                    {item.opNo} {item.opName}
                  </td>
                  <td>{factoryTime(item.start, locale)}</td>
                  <td>{factoryTime(item.end, locale)}</td>
                  <td className="num">{item.setupMinutes > 0 ? durationText(item.setupMinutes, t) : '—'}</td>
                  <td>
                    {item.late ? <span className="badge badge-late">{t('scheduling.legend.late')}</span> : null}
                    {item.fixed ? <span className="badge badge-fixed">
                        <LockIcon /> {t('scheduling.legend.fixed')}
                      </span> : null}
                  </td>
                  <td className="signoff" />
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
