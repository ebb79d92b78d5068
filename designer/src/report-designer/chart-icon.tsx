import type { ChartType } from './report-model.js';

const PATHS: Record<ChartType, string> = {
  bar: 'M2 14h12M4 12V7M7 12V3M10 12V8M13 12V5',
  line: 'M2 14h12M2 11l3.5-4 3 2.5L14 3',
  pie: 'M8 2a6 6 0 1 0 6 6H8z M9.5 1.5v5h5a5 5 0 0 0-5-5z',
  table: 'M2 3h12v10H2z M2 6.5h12 M2 10h12 M6 3v10',
  pivot: 'M2 3h12v10H2z M2 6.5h12 M6 3v10 M10 6.5v6.5',
  kpi: 'M2 3h12v10H2z M5 10V6l-1 1 M8 6h2.5L8.5 10',
  timeline: 'M2 4h6 M5 8h7 M3 12h5',
};

/** A small line drawing of a chart type (fonts on factory PCs lack most symbol glyphs). */
export function ChartIcon({ type }: { type: ChartType }) {
  return (
    <svg className="rd-chart-icon" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[type]} />
    </svg>
  );
}
