import '../../styles/access.css';
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../../api/client.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, sentence, type NoticeState } from '../../ui/fields.js';
import { Layout } from '../../app/Layout.js';
import { t } from '../../app/i18n/index.js';

/** The API's minimum, checked here first so that the user hears it at the field. */
export const MIN_PASSWORD = 12;

/** /reinitialiser?token=…: a new password, twice, from the link sent by e-mail. */
export function ResetPassword() {
  const { query } = useLocation();
  const token = query.token ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ password?: string; again?: string }>({});
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const second = useRef<HTMLInputElement>(null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found: { password?: string; again?: string } = {};
    if (password.length < MIN_PASSWORD) found.password = t('reset.password.tooShort', { n: MIN_PASSWORD });
    if (again !== password) found.again = t('reset.again.different');
    setErrors(found);
    if (found.password || found.again) {
      (found.password ? first : second).current?.focus();
      return;
    }
    setBusy(true);
    try {
      await api<void>('/api/auth/password-reset/confirm', { method: 'POST', body: JSON.stringify({ token, newPassword: password }) });
      setDone(true);
      setMessage((m) => notice(m, 'ok', t('reset.done')));
    } catch (err) {
      setMessage((m) => notice(m, 'error', sentence(messageOf(err))));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Layout title={t('reset.title')}>
      <Notice {...message} />
      {done ? (
        <p>
          <a href="/connexion">{t('reset.signIn')}</a>
        </p>
      ) : !token ? (
        <p class="alert alert-error" role="alert">
          {t('reset.noToken')} <a href="/connexion">{t('reset.askAgain')}</a>
        </p>
      ) : (
        <section class="access-panel" aria-labelledby="reset-form-title">
          <h2 id="reset-form-title">{t('reset.formTitle')}</h2>
          <form onSubmit={onSubmit} noValidate>
            <Field
              id="reset-password"
              label={t('reset.password')}
              hint={t('reset.password.hint', { n: MIN_PASSWORD })}
              error={errors.password}
            >
              {(c) => (
                <input
                  {...c}
                  ref={first}
                  type="password"
                  autocomplete="new-password"
                  required
                  minLength={MIN_PASSWORD}
                  value={password}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                />
              )}
            </Field>
            <Field id="reset-again" label={t('reset.again')} error={errors.again}>
              {(c) => (
                <input
                  {...c}
                  ref={second}
                  type="password"
                  autocomplete="new-password"
                  required
                  value={again}
                  onInput={(e) => setAgain(e.currentTarget.value)}
                />
              )}
            </Field>
            <div class="access-actions">
              <button type="submit" disabled={busy}>
                {t('reset.submit')}
              </button>
            </div>
          </form>
        </section>
      )}
    </Layout>
  );
}
