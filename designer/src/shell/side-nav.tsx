import { useMemo } from 'react';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { useDefinitions } from './definitions-context.js';
import { buildNavigation } from './navigation.js';

export function SideNav({ activeForm }: { activeForm: string | undefined }) {
  const { t, text } = useI18n();
  const { app, forms } = useDefinitions();
  const sections = useMemo(() => buildNavigation(app, forms), [app, forms]);
  return (
    <nav className="side-nav" aria-label={t('nav.title')}>
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
