import { useMemo } from 'react';
import { useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { useDefinitions } from './definitions-context.js';
import { buildNavigation } from './navigation.js';

/** The start page: the same groups as the navigation, as cards with each form's description. */
export function HomePage() {
  const { t, text } = useI18n();
  const { app, forms } = useDefinitions();
  const sections = useMemo(() => buildNavigation(app, forms), [app, forms]);
  return (
    <div className="page">
      <div className="page-header">
        <h1 data-testid="page-title">{text(app.title)}</h1>
      </div>
      {sections.length === 0 ? <div className="empty-state">{t('nav.empty')}</div> : null}
      {sections.map((section, index) => (
        <section key={section.title ? section.title.en : `rest-${index}`} className="home-section">
          <h2>{section.title ? text(section.title) : t('nav.other')}</h2>
          <div className="home-cards">
            {section.forms.map((form) => (
              <a key={form.id} className="home-card" href={href({ page: 'list', form: form.id, search: '' })} data-testid={`home-${form.id}`}>
                <strong>{text(form.title)}</strong>
                {form.description ? <span className="muted">{text(form.description)}</span> : null}
              </a>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
