import { useId, type ReactNode } from 'react';
import { useEscapeKey } from '../shell/index.js';

export interface ModalDialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly testId: string;
  /** Extra classes on the dialog box: `fd-dialog-wide` for a comparison, a designer's own width. */
  readonly className?: string;
  readonly children: ReactNode;
}

/** A designer's modal dialog: titled for screen readers, closed by Escape or a press on the backdrop. */
export function ModalDialog({ title, onClose, testId, className, children }: ModalDialogProps) {
  const titleId = useId();
  useEscapeKey(onClose);
  return (
    <div className="fd-backdrop" role="presentation" onPointerDown={(event) => (event.target === event.currentTarget ? onClose() : undefined)}>
      <div className={className === undefined ? 'fd-dialog card' : `fd-dialog card ${className}`} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
