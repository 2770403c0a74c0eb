/**
 * The territory's members: who holds which role here; a role given to someone by e-mail (an
 * existing member, or a new account created with that role, as a territory administrator may);
 * a role taken back after a confirmation.
 *
 * A territory administrator cannot look an account up by e-mail (GET /api/users is the platform
 * administrators'): an address that is not a member here is created as a new account, and if the
 * server answers that the address already has one, the page says to ask a platform administrator.
 * Platform administrators, who can list every account, give the role to the existing one.
 */
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../../api/client.js';
import { useApi } from '../../../api/query.js';
import { t } from '../../../app/i18n/index.js';
import { loadMe, me, ROLES, type Role } from '../../../app/session.js';
import { accountsChanged, ActorPicker, MIN_PASSWORD, type User, type UserRole } from '../../accounts/index.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, sentence, type NoticeState } from '../../../ui/fields.js';
import { DataTable } from '../../../ui/DataTable.js';
import { Status } from '../../../ui/Status.js';
import { EMAIL, roleLabel, territoryApi } from './common.js';
import { date } from '../../../ui/format.js';

function roleText(r: UserRole): string {
  return r.role === 'contributor' && r.actorName ? `${roleLabel(r.role)} — ${r.actorName}` : roleLabel(r.role);
}

type Errors = Partial<Record<'email' | 'actorId' | 'name' | 'password', string>>;

const FIELD_IDS: Record<keyof Errors, string> = {
  email: 'member-email',
  actorId: 'member-actor',
  name: 'member-name',
  password: 'member-password',
};

function GiveRole({ code, members, onDone }: { code: string; members: User[]; onDone: (message: string) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('reader');
  const [actorId, setActorId] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<NoticeState>(NO_NOTICE);
  const [busy, setBusy] = useState(false);

  function stop(found: Errors): boolean {
    setErrors(found);
    const first = (['email', 'actorId', 'name', 'password'] as const).find((k) => found[k]);
    if (first) document.getElementById(FIELD_IDS[first])?.focus();
    return first !== undefined;
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const address = email.trim().toLowerCase();
    const found: Errors = {};
    if (!EMAIL.test(address)) found.email = address ? t('signin.email.invalid') : t('signin.email.required');
    if (role === 'contributor' && !actorId) found.actorId = t('access.actor.required');
    if (password && password.length < MIN_PASSWORD) found.password = t('reset.password.tooShort', { n: MIN_PASSWORD });
    if (stop(found)) return;
    setBusy(true);
    setProblem(NO_NOTICE);
    try {
      const roleBody = { role, ...(role === 'contributor' ? { actorId } : {}) };
      let existing = members.find((u) => u.email.toLowerCase() === address);
      // Platform administrators may list every account: an existing one gets the role, not a duplicate.
      if (!existing && me.value?.isAdmin)
        existing = (await api<{ items: User[] }>('/api/users')).items.find((u) => u.email.toLowerCase() === address);
      if (existing) {
        await api(`${territoryApi(code)}/roles`, { method: 'POST', body: JSON.stringify({ userId: existing.id, ...roleBody }) });
        onDone(t('admin.members.given', { role: roleLabel(role), name: existing.displayName }));
      } else {
        if (!name.trim()) {
          stop({ name: t('admin.members.nameNeeded') });
          return;
        }
        try {
          const created = await api<User>('/api/users', {
            method: 'POST',
            body: JSON.stringify({
              email: address,
              displayName: name.trim(),
              ...(password ? { password } : {}),
              roles: [{ territoryCode: code, ...roleBody }],
            }),
          });
          onDone(t('admin.members.created', { role: roleLabel(role), name: created.displayName }));
        } catch (err) {
          if (err instanceof ApiError && err.status === 409) {
            setProblem((p) => notice(p, 'error', t('admin.members.existsElsewhere', { email: address })));
            return;
          }
          throw err;
        }
      }
      setEmail('');
      setName('');
      setPassword('');
      setActorId('');
      setErrors({});
    } catch (err) {
      setProblem((p) =>
        notice(
          p,
          'error',
          err instanceof ApiError && err.body.message ? sentence(messageOf(err)) : t('common.error', { message: messageOf(err) }),
        ),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate class="access-panel" aria-labelledby="member-give-title">
      <h3 id="member-give-title">{t('admin.members.give')}</h3>
      <p class="small muted">{t('admin.members.giveIntro')}</p>
      <Notice {...problem} />
      <div class="access-grid">
        <Field id="member-email" label={t('signin.email')} error={errors.email}>
          {(c) => <input {...c} type="email" autocomplete="off" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field id="member-role" label={t('access.role')} hint={t(`access.role.${role}.hint`)}>
          {(c) => (
            <select
              {...c}
              value={role}
              onChange={(e) => {
                setRole(e.currentTarget.value as Role);
                setActorId('');
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {role === 'contributor' && <ActorPicker id="member-actor" code={code} value={actorId} onChange={setActorId} error={errors.actorId} />}
      <fieldset class="access-fieldset">
        <legend>{t('admin.members.newAccount')}</legend>
        <p class="field-hint">{t('admin.members.newAccountHint')}</p>
        <div class="access-grid">
          <Field id="member-name" label={t('access.name')} error={errors.name}>
            {(c) => <input {...c} type="text" autocomplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field
            id="member-password"
            label={t('access.password')}
            hint={t('access.password.hint', { n: MIN_PASSWORD })}
            error={errors.password}
          >
            {(c) => (
              <input
                {...c}
                type="password"
                autocomplete="new-password"
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
      </fieldset>
      <div class="access-actions">
        <button type="submit" disabled={busy}>
          {t('admin.members.giveSubmit')}
        </button>
      </div>
    </form>
  );
}

export function Members({ code, onChange }: { code: string; onChange: () => void }) {
  const members = useApi<{ items: User[] }>(`${territoryApi(code)}/members`);
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [removing, setRemoving] = useState<{ user: User; role: UserRole } | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const self = me.value;

  function done(text: string) {
    setMessage((m) => notice(m, 'ok', text));
    void accountsChanged(code);
    onChange();
  }

  async function takeBack() {
    if (!removing) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api<void>(`${territoryApi(code)}/roles/${encodeURIComponent(removing.role.id)}`, { method: 'DELETE' });
      const { user, role } = removing;
      setRemoving(null);
      done(t('admin.members.removed', { role: roleText(role), name: user.displayName }));
      // One's own role: what the interface offers changes with it.
      if (user.id === self?.id) await loadMe();
    } catch (err) {
      setFailure(t('common.error', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="admin-members" class="admin-section">
      <h2 id="admin-members">{t('admin.members.title')}</h2>
      <p>{t('admin.members.intro')}</p>
      <Notice {...message} />
      <Status state={members}>
        {({ items }) => (
          <DataTable
            caption={t('admin.members.caption', { n: items.length })}
            class="access-table admin-members"
            wrap="access-table-wrap"
            rows={items}
            rowKey={(u) => u.id}
            columns={[
              { header: t('access.name'), rowHeader: true, cell: (u) => u.displayName },
              { header: t('signin.email'), cell: (u) => u.email },
              {
                header: t('admin.members.roles'),
                cell: (u) => (
                  <ul class="access-roles">
                    {u.roles.map((r) => (
                      <li key={r.id}>
                        {roleText(r)}{' '}
                        <button
                          type="button"
                          class="secondary access-small access-danger"
                          onClick={() => {
                            setFailure(undefined);
                            setRemoving({ user: u, role: r });
                          }}
                        >
                          {t('access.users.removeRole')}
                          <span class="visually-hidden"> {t('access.users.removeRoleOf', { role: roleText(r), name: u.displayName })}</span>
                        </button>
                      </li>
                    ))}
                  </ul>
                ),
              },
              { header: t('access.users.col.created'), class: 'admin-nowrap', cell: (u) => date(u.createdAt) },
            ]}
          />
        )}
      </Status>
      {members.data && <GiveRole code={code} members={members.data.items} onDone={done} />}
      {removing && (
        <ConfirmDialog
          id="member-remove"
          title={t('admin.members.removeTitle', { role: roleText(removing.role), name: removing.user.displayName })}
          confirmLabel={t('admin.members.removeYes')}
          busy={busy}
          error={failure}
          onConfirm={() => void takeBack()}
          onCancel={() => setRemoving(null)}
        >
          <p>{t('admin.members.removeText', { name: removing.user.displayName, email: removing.user.email })}</p>
          {removing.user.id === self?.id && !self.isAdmin && removing.role.role === 'administrator' && (
            <p>
              <strong>{t('admin.members.removeSelf')}</strong>
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
