import { useMemo } from 'react';
import { useSession } from '../auth/index.js';
import { useI18n } from '../i18n/index.js';
import { mayDesign } from '../form-designer/design-access.js';
import { mayPlan } from '../planning/planning-access.js';
import { ReportNavSection } from '../reports/report-nav.js';
import { href, type Route } from '../routing/index.js';
import { useDefinitions } from './definitions-context.js';
import { buildNavigation } from './navigation.js';
import { useOpenTaskCount } from './open-task-count.js';

export interface SideNavProps {
  readonly activeForm: string | undefined;
  readonly inboxActive: boolean;
  readonly planningActive: boolean;
  readonly schedulingActive: boolean;
  readonly route: Route;
}

export function SideNav({ activeForm, inboxActive, planningActive, schedulingActive, route }: SideNavProps) {
  const { t, text } = useI18n();
  const { state } = useSession();
  const planning = state.status === 'signed-in' && mayPlan(state.user.roles);
  const { app, forms } = useDefinitions();
  const designing = state.status === 'signed-in' && mayDesign(state.user.roles, app);
  const designerActive = route.page === 'designer-forms' || route.page === 'form-designer';
  const sections = useMemo(() => buildNavigation(app, forms), [app, forms]);
  const openTasks = useOpenTaskCount().count;
  return (
    <nav className="side-nav" aria-label={t('nav.title')}>
      <section className="nav-section">
        <h2 className="nav-heading">{t('nav.workspace')}</h2>
        <ul>
          <li>
            <a
              className={inboxActive ? 'nav-link nav-inbox active' : 'nav-link nav-inbox'}
              href={href({ page: 'inbox', box: 'todo' })}
              aria-current={inboxActive ? 'page' : undefined}
              data-testid="nav-inbox"
            >
              <span>{t('nav.inbox')}</span>
              {openTasks ? (
                <span className="nav-badge" aria-label={t('nav.inboxCount', { count: openTasks })} data-testid="inbox-count">
                  {openTasks > 99 ? '99+' : openTasks}
                </span>
              ) : null}
            </a>
          </li>
          {planning ? (
            <li>
              <a
                className={planningActive ? 'nav-link active' : 'nav-link'}
                href={href({ page: 'planning', view: 'orders' })}
                aria-current={planningActive ? 'page' : undefined}
                data-testid="nav-planning"
              >
                {t('nav.planning')}
              </a>
            </li>
          ) : null}
          {planning ? (
            <li>
              <a
                className={schedulingActive ? 'nav-link active' : 'nav-link'}
                href={href({ page: 'scheduling', view: 'gantt' })}
                aria-current={schedulingActive ? 'page' : undefined}
                data-testid="nav-scheduling"
              >
                {t('nav.scheduling')}
              </a>
            </li>
          ) : null}
        </ul>
      </section>
      <ReportNavSection route={route} />
      {designing ? (
        <section className="nav-section">
          <h2 className="nav-heading">{t('nav.design')}</h2>
          <ul>
            <li>
              <a className={designerActive ? 'nav-link active' : 'nav-link'} href={href({ page: 'designer-forms' })} aria-current={designerActive ? 'page' : undefined} data-testid="nav-form-designer">
                {t('nav.formDesigner')}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
      {sections.length === 0 ? <p className="muted nav-empty">{t('nav.empty')}</p> : null}
      {sections.map((section, index) => (
        <section key={section.title ? section.title.en : `rest-${index}`} className="nav-section">
          <h2 className="nav-heading">{section.title ? text(section.title) : t('nav.other')}</h2>
          <ul>
            {section.forms.map((form) => (
              <li key={form.id}>
                <a
                  className={form.id === activeForm ? 'nav-link active' : 'nav-link'}
                  href={href({ page: 'list', form: form.id, search: '' })}
                  aria-current={form.id === activeForm ? 'page' : undefined}
                  data-testid={`nav-${form.id}`}
                >
                  {text(form.title)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
