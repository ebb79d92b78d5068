import type { ReactNode } from 'react';
import { formatRoute, type Route } from '../routing/index.js';
import { OpenTaskCountProvider } from './open-task-count.js';
import { SideNav } from './side-nav.js';
import { TopBar } from './top-bar.js';

function formOf(route: Route): string | undefined {
  return 'form' in route ? route.form : undefined;
}

export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  return (
    <OpenTaskCountProvider pageKey={formatRoute(route)}>
      <div className="app-frame">
        <TopBar />
        <div className="app-body">
          <SideNav
            activeForm={formOf(route)}
            inboxActive={route.page === 'inbox' || route.page === 'task'}
            planningActive={route.page === 'planning'}
            schedulingActive={route.page === 'scheduling'}
            route={route}
          />
          <main className="app-main">{children}</main>
        </div>
      </div>
    </OpenTaskCountProvider>
  );
}
