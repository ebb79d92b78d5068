import type { ReactNode } from 'react';
import { href, type Route } from '../routing/index.js';

/** One entry of the left navigation, marked as the current page when it is. */
export function NavLink({ to, active, testId, className, children }: { to: Route; active: boolean; testId: string; className?: string; children: ReactNode }) {
  const classes = ['nav-link', className, active ? 'active' : undefined].filter(Boolean).join(' ');
  return (
    <li>
      <a className={classes} href={href(to)} aria-current={active ? 'page' : undefined} data-testid={testId}>
        {children}
      </a>
    </li>
  );
}
