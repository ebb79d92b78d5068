import type { ReactNode } from 'react';
import { formatRoute, type Route } from '../routing/index.js';
import { OpenTaskCountProvider } from './open-task-count.js';
import { SideNav } from './side-nav.js';
import { TopBar } from './top-bar.js';

export function Layout({ route, children }: { route: Route; children: ReactNode }) {
  return (
    <OpenTaskCountProvider pageKey={formatRoute(route)}>
      <div className="app-frame">
        <TopBar />
        <div className="app-body">
          <SideNav route={route} />
          <main className="app-main">{children}</main>
        </div>
      </div>
    </OpenTaskCountProvider>
  );
}
