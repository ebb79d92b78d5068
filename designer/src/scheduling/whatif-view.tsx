import { useState } from 'react';
import { isApiError, type ScheduleRunView, type WhatIfChange } from '../api/index.js';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../shell/index.js';
import { BusyButton } from './busy-button.js';
import { GanttView } from './gantt-view.js';
import { WhatIfBuilder } from './whatif-builder.js';
import { WhatIfComparison } from './whatif-comparison.js';
import { newChange, toWhatIfChange, type DraftChange } from './whatif-draft.js';

/** 模拟分析: build a scenario on the committed schedule, run it as a draft that is never committed, compare side by side. */
export function WhatIfView({ committed }: { committed: ScheduleRunView | undefined }) {
  const { t, locale } = useI18n();
  const { api } = useSession();
  const [now] = useState(() => Date.now());
  const [changes, setChanges] = useState<readonly DraftChange[]>([]);
  const [nextId, setNextId] = useState(1);
  const [since, setSince] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ScheduleRunView | null>(null);
  if (!committed) return <div className="empty-state">{t('scheduling.whatif.needCommitted')}</div>;
  const ready = changes.map(toWhatIfChange).filter((change): change is WhatIfChange => change !== null);
  const complete = changes.length > 0 && ready.length === changes.length;
  const runScenario = () => {
    setError(null);
    setSince(Date.now());
    api
      .createScheduleRun({ kind: 'whatif', changes: ready })
      .then(setResult, (cause: unknown) => setError(isApiError(cause) ? describeError(cause, locale) : String(cause)))
      .finally(() => setSince(null));
  };
  return (
    <>
      <section className="card whatif-card" data-testid="whatif-builder">
        <div className="whatif-head">
          <div>
            <h2>{t('scheduling.whatif.title')}</h2>
            <p className="muted">{t('scheduling.whatif.hint')}</p>
          </div>
          <BusyButton since={since} busyText={(seconds) => t('scheduling.whatif.running', { seconds })} disabled={!complete} primary testId="run-whatif" onClick={runScenario}>
            {t('scheduling.whatif.run')}
          </BusyButton>
        </div>
        <WhatIfBuilder
          changes={changes}
          labels={committed.labels}
          onAdd={(kind) => {
            setChanges([...changes, newChange(kind, nextId, committed.labels, now)]);
            setNextId(nextId + 1);
          }}
          onChange={(change) => setChanges(changes.map((entry) => (entry.id === change.id ? change : entry)))}
          onRemove={(id) => setChanges(changes.filter((entry) => entry.id !== id))}
        />
        {changes.length === 0 ? <p className="muted">{t('scheduling.whatif.empty')}</p> : null}
      </section>
      {error ? (
        <div className="notice notice-error" role="alert" data-testid="whatif-error">
          {t('scheduling.failed', { message: error })}
        </div>
      ) : null}
      {result?.whatif ? (
        <>
          <WhatIfComparison run={result} />
          <div className="whatif-gantts">
            <GanttView
              schedules={[
                { key: 'base', title: t('scheduling.whatif.ganttBase'), result: result.whatif.base, testId: 'gantt-base' },
                { key: 'scenario', title: t('scheduling.whatif.ganttScenario'), result: result.result, testId: 'gantt-scenario' },
              ]}
              labels={result.labels}
              now={now}
            />
          </div>
        </>
      ) : null}
    </>
  );
}
