import { useMemo } from 'react';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { mayDesign } from '../form-designer/design-access.js';
import { mayPlan } from '../planning/planning-access.js';
import { ReportNavSection } from '../reports/report-nav.js';
import type { Route } from '../routing/index.js';
import { useDefinitions } from './definitions-context.js';
import { NavLink } from './nav-link.js';
import { buildNavigation } from './navigation.js';
import { useOpenTaskCount } from './open-task-count.js';

export interface SideNavProps {
  readonly route: Route;
}

export function SideNav({ route }: SideNavProps) {
  const { t, text } = useI18n();
  const { state } = useSession();
  const planning = state.status === 'signed-in' && mayPlan(state.user.roles);
  const { app, forms } = useDefinitions();
  const designing = state.status === 'signed-in' && mayDesign(state.user.roles, app);
  const designerActive = route.page === 'designer-forms' || route.page === 'form-designer';
  const inboxActive = route.page === 'inbox' || route.page === 'task';
  const activeForm = 'form' in route ? route.form : undefined;
  const sections = useMemo(() => buildNavigation(app, forms), [app, forms]);
  const openTasks = useOpenTaskCount().count;
  return (
    <nav className="side-nav" aria-label={t('nav.title')}>
      <section className="nav-section">
        <h2 className="nav-heading">{t('nav.workspace')}</h2>
        <ul>
          <NavLink to={{ page: 'inbox', box: 'todo' }} active={inboxActive} testId="nav-inbox" className="nav-inbox">
            <span>{t('nav.inbox')}</span>
            {openTasks ? (
              <span className="nav-badge" aria-label={t('nav.inboxCount', { count: openTasks })} data-testid="inbox-count">
                {openTasks > 99 ? '99+' : openTasks}
              </span>
            ) : null}
          </NavLink>
          {planning ? (
            <NavLink to={{ page: 'planning', view: 'orders' }} active={route.page === 'planning'} testId="nav-planning">
              {t('nav.planning')}
            </NavLink>
          ) : null}
          {planning ? (
            <NavLink to={{ page: 'scheduling', view: 'gantt' }} active={route.page === 'scheduling'} testId="nav-scheduling">
              {t('nav.scheduling')}
            </NavLink>
          ) : null}
        </ul>
      </section>
      <ReportNavSection route={route} />
      {designing ? (
        <section className="nav-section">
          <h2 className="nav-heading">{t('nav.design')}</h2>
          <ul>
            <NavLink to={{ page: 'designer-forms' }} active={designerActive} testId="nav-form-designer">
              {t('nav.formDesigner')}
            </NavLink>
            <NavLink to={{ page: 'designer-workflows' }} active={route.page === 'designer-workflows' || route.page === 'workflow-designer'} testId="nav-workflow-designer">
              {t('nav.workflowDesigner')}
            </NavLink>
            <NavLink to={{ page: 'designer-reports' }} active={route.page === 'designer-reports' || route.page === 'report-designer'} testId="nav-report-designer">
              {t('nav.reportDesigner')}
            </NavLink>
          </ul>
        </section>
      ) : null}
      {sections.length === 0 ? <p className="muted nav-empty">{t('nav.empty')}</p> : null}
      {sections.map((section, index) => (
        <section key={section.title ? section.title.en : `rest-${index}`} className="nav-section">
          <h2 className="nav-heading">{section.title ? text(section.title) : t('nav.other')}</h2>
          <ul>
            {section.forms.map((form) => (
              <NavLink key={form.id} to={{ page: 'list', form: form.id, search: '' }} active={form.id === activeForm} testId={`nav-${form.id}`}>
                {text(form.title)}
              </NavLink>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
