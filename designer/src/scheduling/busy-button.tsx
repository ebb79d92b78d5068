import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

export interface BusyButtonProps {
  readonly since: number | null;
  readonly busyText: (seconds: string) => string;
  readonly disabled?: boolean;
  readonly primary?: boolean;
  readonly testId: string;
  readonly children: ReactNode;
  onClick(): void;
}

/** A button that, while its work lasts, is disabled and counts the seconds, so a long solve is seen to be working. */
export function BusyButton({ since, busyText, disabled, primary, testId, children, onClick }: BusyButtonProps) {
  const { locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 100);
    return () => window.clearInterval(timer);
  }, [since]);
  const seconds = since === null ? 0 : Math.max(0, now - since) / 1000;
  return (
    <button type="button" className={primary ? 'btn btn-primary' : 'btn'} onClick={onClick} disabled={disabled || since !== null} aria-busy={since !== null} data-testid={testId}>
      {since === null ? (
        children
      ) : (
        <>
          <span className={primary ? 'spinner' : 'spinner spinner-dark'} aria-hidden="true" />
          {busyText(seconds.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }))}
        </>
      )}
    </button>
  );
}
