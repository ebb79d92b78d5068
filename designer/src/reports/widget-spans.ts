const COLUMNS = 12;

/**
 * The grid columns each widget takes. A run of KPI cards side by side is a strip meant to fill its
 * row: when cards the user may not run are left out (a sales manager sees no NCR card), the rest
 * widen to fill it instead of leaving a hole; a lone card keeps its size. Other widgets keep their span (1..12).
 */
export function widgetSpans(widgets: readonly { readonly span: number }[], isKpi: (index: number) => boolean): number[] {
  const spans = widgets.map((widget) => Math.max(1, Math.min(COLUMNS, Math.round(widget.span))));
  let start = 0;
  while (start < widgets.length) {
    if (!isKpi(start)) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < widgets.length && isKpi(end)) end += 1;
    const run = spans.slice(start, end);
    const total = run.reduce((sum, span) => sum + span, 0);
    if (run.length > 1 && total < COLUMNS) {
      const each = Math.floor(COLUMNS / run.length);
      for (let index = start; index < end; index += 1) spans[index] = index === end - 1 ? COLUMNS - each * (run.length - 1) : each;
    }
    start = end;
  }
  return spans;
}
