import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.js';

/** 运行MRP: while the run lasts the button is disabled and counts the seconds, so a long run is seen to be working. */
export function RunMrpButton({ runningSince, onRun }: { runningSince: number | null; onRun: () => void }) {
  const { t, locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (runningSince === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 100);
    return () => window.clearInterval(timer);
  }, [runningSince]);
  const seconds = runningSince === null ? 0 : Math.max(0, now - runningSince) / 1000;
  return (
    <button type="button" className="btn btn-primary" onClick={onRun} disabled={runningSince !== null} aria-busy={runningSince !== null} data-testid="run-mrp">
      {runningSince === null ? (
        t('planning.run')
      ) : (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('planning.running', { seconds: seconds.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}
        </>
      )}
    </button>
  );
}
