import type { ReactNode } from 'react';
import { SideNav } from './side-nav.js';
import { TopBar } from './top-bar.js';

export function Layout({ activeForm, children }: { activeForm: string | undefined; children: ReactNode }) {
  return (
    <div className="app-frame">
      <TopBar />
      <div className="app-body">
        <SideNav activeForm={activeForm} />
        <main className="app-main">{children}</main>
      </div>
    </div>
  );
}
