/**
 * /compte: the signed-in user's own account — name, e-mail, roles in each territory — and a new
 * password (the current one first; at least 12 characters; the other sessions end, this one stays).
 */
import '../../styles/access.css';
import '../../styles/administration.css';
import { useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, sentence, type NoticeState } from '../../ui/fields.js';
import { Layout } from '../../app/Layout.js';
import { t } from '../../app/i18n/index.js';
import { me, type MyRole } from '../../app/session.js';
import { territoryBase } from '../../app/territory.js';
import { MIN_PASSWORD } from './ResetPassword.js';

type Errors = Partial<Record<'current' | 'next' | 'again', string>>;

function roleText(r: MyRole): string {
  const role = t(`access.role.${r.role}`);
  return r.role === 'contributor' && r.actorName ? `${role} (${r.actorName})` : role;
}

function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const inputs = { current: useRef<HTMLInputElement>(null), next: useRef<HTMLInputElement>(null), again: useRef<HTMLInputElement>(null) };

  function stop(found: Errors): boolean {
    setErrors(found);
    const first = (['current', 'next', 'again'] as const).find((k) => found[k]);
    if (first) inputs[first].current?.focus();
    return first !== undefined;
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!current) found.current = t('account.current.required');
    if (next.length < MIN_PASSWORD) found.next = t('reset.password.tooShort', { n: MIN_PASSWORD });
    else if (next === current) found.next = t('account.next.same');
    if (again !== next) found.again = t('reset.again.different');
    if (stop(found)) return;
    setBusy(true);
    setMessage(NO_NOTICE);
    try {
      await api<void>('/api/auth/password', { method: 'POST', body: JSON.stringify({ currentPassword: current, newPassword: next }) });
      setCurrent('');
      setNext('');
      setAgain('');
      setMessage((m) => notice(m, 'ok', t('account.changed')));
    } catch (err) {
      if (err instanceof ApiError && err.body.error === 'invalid_credentials') {
        setCurrent('');
        stop({ current: sentence(messageOf(err)) });
      } else {
        setMessage((m) =>
          notice(
            m,
            'error',
            err instanceof ApiError && err.body.message ? sentence(messageOf(err)) : t('common.error', { message: messageOf(err) }),
          ),
        );
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="access-panel" aria-labelledby="account-password-title">
      <h2 id="account-password-title">{t('account.password.title')}</h2>
      <p>{t('account.password.intro')}</p>
      <Notice {...message} />
      <form onSubmit={onSubmit} noValidate>
        {/* The account's address, for password managers (not shown). */}
        <input type="email" name="username" autocomplete="username" value={me.value?.email ?? ''} readOnly hidden />
        <Field id="account-current" label={t('account.current')} error={errors.current}>
          {(c) => (
            <input
              {...c}
              ref={inputs.current}
              type="password"
              autocomplete="current-password"
              required
              value={current}
              onInput={(e) => setCurrent(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="account-next" label={t('reset.password')} hint={t('reset.password.hint', { n: MIN_PASSWORD })} error={errors.next}>
          {(c) => (
            <input
              {...c}
              ref={inputs.next}
              type="password"
              autocomplete="new-password"
              required
              minLength={MIN_PASSWORD}
              value={next}
              onInput={(e) => setNext(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id="account-again" label={t('reset.again')} error={errors.again}>
          {(c) => (
            <input
              {...c}
              ref={inputs.again}
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
            {t('account.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function Account() {
  const user = me.value;
  if (!user) return <Layout title={t('account.title')}>{null}</Layout>;
  const byTerritory = new Map<string, { name: string; roles: MyRole[] }>();
  for (const r of user.roles) {
    const entry = byTerritory.get(r.territoryCode) ?? { name: r.territoryName, roles: [] };
    entry.roles.push(r);
    byTerritory.set(r.territoryCode, entry);
  }
  return (
    <Layout title={t('account.title')}>
      <div class="access-columns">
        <section class="access-panel" aria-labelledby="account-identity-title">
          <h2 id="account-identity-title">{t('account.identity')}</h2>
          <dl class="admin-account">
            <div>
              <dt>{t('access.name')}</dt>
              <dd>{user.displayName}</dd>
            </div>
            <div>
              <dt>{t('signin.email')}</dt>
              <dd>{user.email}</dd>
            </div>
          </dl>
          <h3>{t('account.roles')}</h3>
          {user.isAdmin && <p>{t('account.platformAdmin')}</p>}
          {byTerritory.size === 0 ? (
            !user.isAdmin && <p class="muted">{t('territories.none')}</p>
          ) : (
            <ul class="admin-my-roles">
              {[...byTerritory].map(([code, { name, roles }]) => (
                <li key={code}>
                  <a href={territoryBase(code)}>{name}</a>
                  {t('admin.colon')}
                  {roles.map(roleText).join(', ')}
                </li>
              ))}
            </ul>
          )}
          <p class="small muted">{t('account.rolesNote')}</p>
        </section>
        <ChangePassword />
      </div>
    </Layout>
  );
}
