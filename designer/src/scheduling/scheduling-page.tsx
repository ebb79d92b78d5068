import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { href, SCHEDULING_VIEWS, type SchedulingView } from '../routing/index.js';
import { BusyButton } from './busy-button.js';
import { DispatchView } from './dispatch-view.js';
import { GanttTab } from './gantt-tab.js';
import { InsertOrderPanel } from './insert-order-panel.js';
import { RunSummary } from './run-summary.js';
import { useSchedule } from './use-schedule.js';
import { WhatIfView } from './whatif-view.js';
import './scheduling.css';

export interface SchedulingPageProps {
  readonly view: SchedulingView;
  readonly workCenter: string | undefined;
}

/** 排程: plan the released orders on the machines, commit, move operations in the Gantt, try what-ifs, print dispatch lists. */
export function SchedulingPage({ view, workCenter }: SchedulingPageProps) {
  const { t } = useI18n();
  const control = useSchedule();
  const { committed, draft, busy, error } = control;
  const [inserting, setInserting] = useState(false);
  const committedRun = committed.status === 'ready' ? committed.run : undefined;
  const shown = draft ?? committedRun;
  const since = (action: 'plan' | 'commit' | 'insert') => (busy?.action === action ? busy.since : null);
  return (
    <div className="page scheduling-page">
      <div className="page-header no-print">
        <h1 data-testid="page-title">{t('scheduling.title')}</h1>
        <div className="header-actions">
          {committedRun ? (
            <button type="button" className="btn" onClick={() => setInserting((open) => !open)} disabled={busy !== null} data-testid="open-insert">
              {t('scheduling.insert')}
            </button>
          ) : null}
          <BusyButton since={since('plan')} busyText={(seconds) => t('scheduling.planning', { seconds })} disabled={busy !== null} primary={!draft} testId="run-schedule" onClick={control.plan}>
            {t('scheduling.plan')}
          </BusyButton>
          {draft ? (
            <>
              <button type="button" className="btn" onClick={control.discard} disabled={busy !== null} data-testid="discard-draft">
                {t('scheduling.discard')}
              </button>
              <BusyButton since={since('commit')} busyText={() => t('scheduling.committing')} disabled={busy !== null} primary testId="commit-schedule" onClick={control.commit}>
                {t('scheduling.commit')}
              </BusyButton>
            </>
          ) : null}
        </div>
      </div>
      {error ? (
        <div className="notice notice-error" role="alert" data-testid="schedule-error">
          {t('scheduling.failed', { message: error })}
        </div>
      ) : null}
      {control.justCommitted ? (
        <div className="notice notice-success" role="status" data-testid="committed-notice">
          {t('scheduling.committedNow')}
        </div>
      ) : null}
      {inserting && committedRun ? (
        <InsertOrderPanel
          labels={committedRun.labels}
          busy={busy !== null}
          onInsert={(recordId) => {
            control.insert(recordId);
            setInserting(false);
          }}
          onClose={() => setInserting(false)}
        />
      ) : null}
      {committed.status === 'loading' ? <div className="page-state">{t('app.loading')}</div> : null}
      {committed.status === 'failed' ? (
        <div className="notice notice-error" role="alert">
          {committed.message}{' '}
          <button type="button" className="btn btn-small" onClick={control.reload}>
            {t('app.retry')}
          </button>
        </div>
      ) : null}
      {committed.status === 'none' && !draft ? (
        <div className="empty-state" data-testid="no-schedule">
          {t('scheduling.noRun')}
        </div>
      ) : null}
      {shown ? (
        <>
          <div className="no-print">
            <RunSummary run={shown} committed={committedRun} />
          </div>
          <nav className="tabs no-print" role="tablist" aria-label={t('scheduling.title')}>
            {SCHEDULING_VIEWS.map((name) => (
              <a
                key={name}
                role="tab"
                aria-selected={name === view}
                className={name === view ? 'tab active' : 'tab'}
                href={href({ page: 'scheduling', view: name })}
                data-testid={`scheduling-tab-${name}`}
              >
                {t(`scheduling.view.${name}`)}
              </a>
            ))}
          </nav>
          {view === 'gantt' ? <GanttTab run={shown} committed={committedRun} control={control} /> : null}
          {view === 'whatif' ? <WhatIfView committed={committedRun} /> : null}
          {view === 'dispatch' ? <DispatchView committed={committedRun} workCenter={workCenter} /> : null}
        </>
      ) : null}
    </div>
  );
}
