import type { StateKind } from './workflow-graph.js';

/** Line icons drawn here rather than glyphs, which not every system font has (a clock, stacked boxes). */
const PATHS: Record<StateKind, string> = {
  state: 'M7 2.5a4.5 4.5 0 1 0 0 9a4.5 4.5 0 1 0 0-9z',
  task: 'M2.5 7.5l3 3l6-7',
  final: 'M7 2a5 5 0 1 0 0 10a5 5 0 1 0 0-10zM7 5a2 2 0 1 0 0 4a2 2 0 1 0 0-4z',
  decision: 'M7 1.5l5.5 5.5l-5.5 5.5l-5.5-5.5z',
  function: 'M9.5 2.5c-2 0-2.5 1-2.8 3L5.8 10c-.3 1.5-1 2-2.3 2M4.5 6h5',
  child: 'M2 4h7v7H2zM5 2h7v7',
  timer: 'M7 2.5a5 5 0 1 0 0 10a5 5 0 1 0 0-10zM7 5v2.6l1.8 1.2M5.5 1h3',
  compound: 'M1.5 2.5h11v9h-11zM1.5 5h11',
  parallel: 'M4 2v10M10 2v10M1.5 2.5h11M1.5 11.5h11',
};

export function KindIcon({ kind }: { kind: StateKind }) {
  return (
    <span className={`wd-node-icon wd-icon-${kind}`} aria-hidden="true">
      <svg width="14" height="14" viewBox="0 0 14 14" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
        <path d={PATHS[kind]} />
      </svg>
    </span>
  );
}
