import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DashboardSummary, ReportSummary } from '../api/index.js';
import { useSession } from '../auth/index.js';

/** The dashboards and reports the signed-in user may run, for the navigation and the pages. */
export interface ReportCatalog {
  readonly loaded: boolean;
  readonly dashboards: readonly DashboardSummary[];
  readonly reports: readonly ReportSummary[];
  report(id: string): ReportSummary | undefined;
  /** Lists again: a report designer just published a report. */
  reload(): void;
}

const EMPTY: ReportCatalog = { loaded: false, dashboards: [], reports: [], report: () => undefined, reload: () => undefined };

const ReportCatalogContext = createContext<ReportCatalog>(EMPTY);

/**
 * Loads GET /api/dashboards and GET /api/reports once per sign-in. A failure leaves the lists empty:
 * the navigation then has no report section, and a report page says it cannot open the report.
 */
export function ReportCatalogProvider({ children }: { children: ReactNode }) {
  const { api } = useSession();
  const [catalog, setCatalog] = useState<ReportCatalog>(EMPTY);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((count) => count + 1), []);

  useEffect(() => {
    let cancelled = false;
    const listed = <T,>(promise: Promise<{ items: readonly T[] }>) =>
      promise.then(
        (answer) => answer.items,
        (): readonly T[] => [],
      );
    void Promise.all([listed(api.dashboards()), listed(api.reports())]).then(([dashboards, reports]) => {
      if (cancelled) return;
      const byId = new Map(reports.map((report) => [report.id, report]));
      setCatalog({ loaded: true, dashboards, reports, report: (id) => byId.get(id), reload });
    });
    return () => {
      cancelled = true;
    };
  }, [api, attempt, reload]);

  const value = useMemo(() => catalog, [catalog]);
  return <ReportCatalogContext.Provider value={value}>{children}</ReportCatalogContext.Provider>;
}

export function useReportCatalog(): ReportCatalog {
  return useContext(ReportCatalogContext);
}
