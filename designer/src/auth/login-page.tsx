import { useState, type FormEvent } from 'react';
import { LanguageSwitch, useI18n } from '../i18n/index.js';
import { describeFailure } from '../shell/describe-error.js';
import { useSession } from './session-context.js';

export function LoginPage({ expired }: { expired: boolean }) {
  const { t, locale } = useI18n();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(t('auth.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (caught) {
      setError(describeFailure(caught, locale));
      setBusy(false);
    }
  }

  return (
    <div className="login-screen">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <form className="login-card" onSubmit={onSubmit} noValidate>
        <div className="login-brand">
          <span className="brand-mark">O</span>
          <div>
            <h1>{t('app.title')}</h1>
            <p className="muted">{t('app.subtitle')}</p>
          </div>
        </div>
        <h2>{t('auth.title')}</h2>
        {expired && !error ? <p className="notice notice-info">{t('auth.expired')}</p> : null}
        {error ? (
          <p className="notice notice-error" role="alert" data-testid="login-error">
            {error}
          </p>
        ) : null}
        <label className="field">
          <span className="field-label">{t('auth.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            data-testid="login-username"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('auth.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            data-testid="login-password"
          />
        </label>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
          {busy ? t('auth.signingIn') : t('auth.submit')}
        </button>
      </form>
    </div>
  );
}
