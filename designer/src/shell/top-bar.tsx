import { useSession, useUser } from '../auth/index.js';
import { LanguageSwitch, useI18n } from '../i18n/index.js';
import { href } from '../routing/index.js';
import { useDefinitions } from './definitions-context.js';

export function TopBar() {
  const { t, text } = useI18n();
  const { logout } = useSession();
  const user = useUser();
  const { app } = useDefinitions();
  return (
    <header className="top-bar">
      <a className="top-brand" href={href({ page: 'home' })}>
        <span className="brand-mark">O</span>
        <span className="top-title">{t('app.title')}</span>
        <span className="top-app" data-testid="app-title">
          {text(app.title)}
        </span>
      </a>
      <div className="top-actions">
        <LanguageSwitch />
        <span className="top-user" data-testid="current-user" title={user.roles.join(', ')}>
          {user.displayName || user.username}
        </span>
        <button type="button" className="btn btn-ghost" onClick={() => void logout()} data-testid="logout">
          {t('auth.logout')}
        </button>
      </div>
    </header>
  );
}
