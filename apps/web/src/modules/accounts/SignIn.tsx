import '../../styles/access.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, ApiError } from '../../api/client.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, sentence, type NoticeState } from '../../ui/fields.js';
import { Layout } from '../../app/Layout.js';
import { useApi } from '../../api/query.js';
import { t } from '../../app/i18n/index.js';
import { me, safeReturn, signIn } from '../../app/session.js';

/** The e-mail check of the form, loose on purpose: the server has the last word. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function ForgottenPassword({ initialEmail }: { initialEmail: string }) {
  const [email, setEmail] = useState(initialEmail);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const value = email.trim();
    if (!EMAIL.test(value)) {
      setError(value ? t('signin.email.invalid') : t('signin.email.required'));
      input.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await api<void>('/api/auth/password-reset', { method: 'POST', body: JSON.stringify({ email: value }) });
      setMessage((m) => notice(m, 'ok', t('signin.forgot.sent', { email: value })));
    } catch (err) {
      setMessage((m) => notice(m, 'error', t('common.error', { message: messageOf(err) })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section id="mot-de-passe-oublie" class="access-panel" aria-labelledby="forgot-title">
      <h2 id="forgot-title">{t('signin.forgot.title')}</h2>
      <p>{t('signin.forgot.intro')}</p>
      <Notice {...message} />
      <form onSubmit={onSubmit} noValidate>
        <Field id="forgot-email" label={t('signin.email')} error={error}>
          {(c) => (
            <input
              {...c}
              ref={input}
              type="email"
              autocomplete="email"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="access-actions">
          <button type="submit" disabled={busy}>
            {t('signin.forgot.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** /connexion: e-mail and password, a forgotten-password form, and the identity provider when configured. */
export function SignIn() {
  const { query } = useLocation();
  const target = safeReturn(query.retour);
  const oidc = useApi<{ enabled: boolean; label?: string | null }>('/api/auth/oidc');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failed, setFailed] = useState<NoticeState>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);
  const emailInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const user = me.value;

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const value = email.trim();
    const found: { email?: string; password?: string } = {};
    if (!value) found.email = t('signin.email.required');
    else if (!EMAIL.test(value)) found.email = t('signin.email.invalid');
    if (!password) found.password = t('signin.password.required');
    setErrors(found);
    if (found.email || found.password) {
      setFailed(NO_NOTICE);
      (found.email ? emailInput : passwordInput).current?.focus();
      return;
    }
    setBusy(true);
    try {
      await signIn(value, password);
      // A fresh load of the page asked for: nothing another user loaded in this tab is kept.
      location.assign(target);
    } catch (err) {
      // The API says why (wrong credentials, too many attempts) in both languages.
      const text = err instanceof ApiError && err.body.message ? sentence(messageOf(err)) : t('common.error', { message: messageOf(err) });
      setFailed((f) => notice(f, 'error', text));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Layout title={t('signin.title')}>
      {user ? (
        <p class="alert alert-info">
          {t('signin.already', { name: user.displayName })} <a href={target}>{t('signin.continue')}</a>
        </p>
      ) : (
        query.retour && <p class="alert alert-info">{t('signin.required')}</p>
      )}
      <div class="access-columns">
        <section class="access-panel" aria-labelledby="signin-form-title">
          <h2 id="signin-form-title">{t('signin.formTitle')}</h2>
          <Notice {...failed} class="signin-error" />
          <form onSubmit={onSubmit} noValidate>
            <Field id="signin-email" label={t('signin.email')} error={errors.email}>
              {(c) => (
                <input
                  {...c}
                  ref={emailInput}
                  type="email"
                  name="email"
                  autocomplete="username"
                  required
                  value={email}
                  onInput={(e) => setEmail(e.currentTarget.value)}
                />
              )}
            </Field>
            <Field id="signin-password" label={t('signin.password')} error={errors.password}>
              {(c) => (
                <input
                  {...c}
                  ref={passwordInput}
                  type="password"
                  name="password"
                  autocomplete="current-password"
                  required
                  value={password}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                />
              )}
            </Field>
            <div class="access-actions">
              <button type="submit" disabled={busy}>
                {busy ? t('signin.submitting') : t('signin.submit')}
              </button>
              <button
                type="button"
                class="secondary"
                aria-expanded={forgot ? 'true' : 'false'}
                aria-controls="mot-de-passe-oublie-zone"
                onClick={() => setForgot((f) => !f)}
              >
                {t('signin.forgot.open')}
              </button>
            </div>
          </form>
          {oidc.data?.enabled && (
            <div class="signin-oidc">
              <p class="signin-or">{t('signin.or')}</p>
              <a class="button secondary" href="/api/auth/oidc/login">
                {t('signin.oidc', { provider: oidc.data.label || t('signin.oidc.default') })}
              </a>
            </div>
          )}
        </section>
        <div id="mot-de-passe-oublie-zone">{forgot && <ForgottenPassword initialEmail={email.trim()} />}</div>
      </div>
    </Layout>
  );
}
