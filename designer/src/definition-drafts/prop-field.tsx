import type { ReactNode } from 'react';

/** One labelled property in a designer's properties panel, with an optional hint below. */
export function Prop({ label, hint, children, testId }: { label: string; hint?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <label className="fd-prop" data-testid={testId}>
      <span className="fd-prop-label">{label}</span>
      {children}
      {hint !== undefined && hint !== null ? <span className="fd-hint">{hint}</span> : null}
    </label>
  );
}
