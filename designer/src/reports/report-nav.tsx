import { useI18n } from '../i18n/index.js';
import type { Route } from '../routing/index.js';
import { NavLink } from '../shell/nav-link.js';
import { useReportCatalog } from './report-catalog.js';

/** The navigation's 报表 section: dashboards first, then the reports; absent when the user may run none. */
export function ReportNavSection({ route }: { route: Route }) {
  const { t, text } = useI18n();
  const { dashboards, reports } = useReportCatalog();
  if (dashboards.length === 0 && reports.length === 0) return null;
  const links = [
    ...dashboards.map((dashboard) => ({ route: { page: 'dashboard', id: dashboard.id } as const, title: text(dashboard.title), icon: 'nav-icon-dashboard' })),
    // KPI cards are pieces of dashboards: as a page of their own they would be one number.
    ...reports
      .filter((report) => report.chart.type !== 'kpi')
      .map((report) => ({ route: { page: 'report', id: report.id } as const, title: text(report.title), icon: 'nav-icon-report' })),
  ];
  return (
    <section className="nav-section" data-testid="nav-reports">
      <h2 className="nav-heading">{t('nav.reports')}</h2>
      <ul>
        {links.map((link) => {
          const active = route.page === link.route.page && 'id' in route && route.id === link.route.id;
          return (
            <NavLink key={`${link.route.page}/${link.route.id}`} to={link.route} active={active} testId={`nav-${link.route.page}-${link.route.id}`} className={link.icon}>
              {link.title}
            </NavLink>
          );
        })}
      </ul>
    </section>
  );
}
