import { useCallback, useEffect, useState } from 'react';
import { type InboxBox, type InboxItems } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { takeFlash } from '../records/flash.js';
import { Pager } from '../records/pager.js';
import { href, INBOX_BOXES } from '../routing/index.js';
import { describeFailure, FlashNotice, RetryNotice, useOpenTaskCount } from '../shell/index.js';
import { BatchOutcomeNotice, CcTable, DoneTable, InitiatedTable, TodoTable, type BatchOutcome } from './inbox-tables.js';
import { useRecordTitles } from './use-record-titles.js';

const PAGE_SIZE = 50;

interface LoadedPage<B extends InboxBox> {
  readonly box: B;
  readonly items: readonly InboxItems[B][];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

type AnyPage = { [B in InboxBox]: LoadedPage<B> }[InboxBox];

type LoadState = { readonly status: 'loading' } | { readonly status: 'failed'; readonly message: string } | { readonly status: 'ready'; readonly page: AnyPage };

/** 待办: the four boxes as tabs, each a table of the user's tasks, instances or copies. Keyed by box, so a tab starts at its first page. */
export function InboxPage({ box }: { box: InboxBox }) {
  const { api } = useSession();
  const { t, locale } = useI18n();
  const { refresh: refreshCount } = useOpenTaskCount();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [offset, setOffset] = useState(0);
  const [reload, setReload] = useState(0);
  const [flash, setFlashMessage] = useState<string | null>(() => takeFlash());
  const [batchOutcome, setBatchOutcome] = useState<BatchOutcome | null>(null);
  const items = state.status === 'ready' ? state.page.items : undefined;
  const titleOf = useRecordTitles(items);

  useEffect(() => {
    let cancelled = false;
    setState((previous) => (previous.status === 'ready' && previous.page.box === box ? previous : { status: 'loading' }));
    api.inbox(box, { limit: PAGE_SIZE, offset }).then(
      (page) => {
        if (!cancelled) setState({ status: 'ready', page: { ...page, box } as AnyPage });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'failed', message: describeFailure(error, locale) });
      },
    );
    return () => {
      cancelled = true;
    };
    // The locale only words an error; a language switch must not refetch.
  }, [api, box, offset, reload]);

  const afterBatch = useCallback(
    (outcome: BatchOutcome) => {
      setBatchOutcome(outcome);
      setFlashMessage(null);
      setReload((count) => count + 1);
      refreshCount();
    },
    [refreshCount],
  );

  return (
    <div className="page">
      <div className="page-header">
        <h1 data-testid="page-title">{t('inbox.title')}</h1>
        <button type="button" className="btn" onClick={() => setReload((count) => count + 1)} data-testid="inbox-refresh">
          {t('inbox.refresh')}
        </button>
      </div>
      <nav className="tabs" role="tablist" aria-label={t('inbox.title')}>
        {INBOX_BOXES.map((name) => (
          <a
            key={name}
            role="tab"
            aria-selected={name === box}
            className={name === box ? 'tab active' : 'tab'}
            href={href({ page: 'inbox', box: name })}
            data-testid={`inbox-tab-${name}`}
          >
            {t(`inbox.box.${name}`)}
            {name === box && state.status === 'ready' ? <span className="tab-count">{state.page.total}</span> : null}
          </a>
        ))}
      </nav>
      {flash ? <FlashNotice message={flash} onClose={() => setFlashMessage(null)} /> : null}
      {batchOutcome ? <BatchOutcomeNotice outcome={batchOutcome} /> : null}
      {state.status === 'loading' ? <div className="page-state">{t('app.loading')}</div> : null}
      {state.status === 'failed' ? <RetryNotice message={state.message} onRetry={() => setReload((count) => count + 1)} /> : null}
      {state.status === 'ready' && state.page.items.length === 0 ? (
        <div className="empty-state" data-testid="inbox-empty">
          {t(`inbox.empty.${state.page.box}`)}
        </div>
      ) : null}
      {state.status === 'ready' && state.page.items.length > 0 ? (
        <>
          {state.page.box === 'todo' ? <TodoTable tasks={state.page.items} titleOf={titleOf} onBatchDone={afterBatch} /> : null}
          {state.page.box === 'done' ? <DoneTable tasks={state.page.items} titleOf={titleOf} /> : null}
          {state.page.box === 'initiated' ? <InitiatedTable instances={state.page.items} titleOf={titleOf} /> : null}
          {state.page.box === 'cc' ? <CcTable notifications={state.page.items} titleOf={titleOf} /> : null}
          <Pager list={state.page} onPage={setOffset} />
        </>
      ) : null}
    </div>
  );
}
