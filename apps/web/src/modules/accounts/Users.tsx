import '../../styles/access.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Page, type Territory } from '../../api/client.js';
import { ActorPicker } from './ActorPicker.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, type NoticeState } from '../../ui/fields.js';
import { Layout } from '../../app/Layout.js';
import { DataTable } from '../../ui/DataTable.js';
import { Status } from '../../ui/Status.js';
import { useApi } from '../../api/query.js';
import { accountsChanged } from './changes.js';
import { t } from '../../app/i18n/index.js';
import { me, ROLES, type MyRole, type Role } from '../../app/session.js';
import { MIN_PASSWORD } from './ResetPassword.js';
import { date } from '../../ui/format.js';

export interface User {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  hasPassword?: boolean;
  oidcLinked?: boolean;
  createdAt: string;
  roles: UserRole[];
}

/** A role as `GET /api/users` lists it (the names may be left out). */
export type UserRole = Omit<MyRole, 'territoryName' | 'actorName'> & { territoryName?: string; actorName?: string | null };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function roleLabel(role: Role): string {
  return t(`access.role.${role}`);
}

interface RoleDraft {
  territoryCode: string;
  role: Role;
  actorId: string;
}

const NO_ROLE: RoleDraft = { territoryCode: '', role: 'facilitator', actorId: '' };

/** Territory, role and, for a contributor, the actor it speaks for. */
function RoleFields({
  prefix,
  territories,
  draft,
  setDraft,
  errors,
  optional,
}: {
  prefix: string;
  territories: Territory[];
  draft: RoleDraft;
  setDraft: (d: RoleDraft) => void;
  errors: Partial<Record<keyof RoleDraft, string>>;
  optional: boolean;
}) {
  return (
    <div class="access-role-fields">
      <Field id={`${prefix}-territory`} label={t('access.territory')} error={errors.territoryCode}>
        {(c) => (
          <select
            {...c}
            required={!optional}
            value={draft.territoryCode}
            onChange={(e) => setDraft({ ...draft, territoryCode: e.currentTarget.value, actorId: '' })}
          >
            <option value="">{optional ? t('access.territory.none') : t('access.territory.choose')}</option>
            {territories.map((tr) => (
              <option key={tr.code} value={tr.code}>
                {tr.name} ({tr.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.territoryCode && (
        <Field id={`${prefix}-role`} label={t('access.role')} hint={t(`access.role.${draft.role}.hint`)} error={errors.role}>
          {(c) => (
            <select {...c} value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value as Role, actorId: '' })}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {draft.territoryCode && draft.role === 'contributor' && (
        <ActorPicker
          id={`${prefix}-actor`}
          code={draft.territoryCode}
          value={draft.actorId}
          onChange={(actorId) => setDraft({ ...draft, actorId })}
          error={errors.actorId}
        />
      )}
    </div>
  );
}

function checkRole(d: RoleDraft, optional: boolean): Partial<Record<keyof RoleDraft, string>> {
  const errors: Partial<Record<keyof RoleDraft, string>> = {};
  if (!d.territoryCode) {
    if (!optional) errors.territoryCode = t('access.territory.required');
    return errors;
  }
  if (d.role === 'contributor' && !d.actorId) errors.actorId = t('access.actor.required');
  return errors;
}

/** Gives a user a role in a territory. */
function grant(userId: string, d: RoleDraft): Promise<unknown> {
  return api(`/api/territories/${encodeURIComponent(d.territoryCode)}/roles`, {
    method: 'POST',
    body: JSON.stringify({ userId, role: d.role, ...(d.role === 'contributor' ? { actorId: d.actorId } : {}) }),
  });
}

function CreateUser({ territories, onCreated }: { territories: Territory[]; onCreated: (u: User, message: string) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [role, setRole] = useState<RoleDraft>(NO_ROLE);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [problem, setProblem] = useState<NoticeState>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found: Record<string, string | undefined> = {};
    if (!EMAIL.test(email.trim())) found.email = email.trim() ? t('signin.email.invalid') : t('signin.email.required');
    if (!name.trim()) found.name = t('access.name.required');
    if (password && password.length < MIN_PASSWORD) found.password = t('reset.password.tooShort', { n: MIN_PASSWORD });
    const roleErrors = checkRole(role, true);
    Object.assign(found, { territoryCode: roleErrors.territoryCode, actorId: roleErrors.actorId });
    setErrors(found);
    const firstWrong = ['email', 'name', 'password', 'actorId'].find((k) => found[k]);
    if (firstWrong) {
      const ids: Record<string, string> = {
        email: 'new-user-email',
        name: 'new-user-name',
        password: 'new-user-password',
        actorId: 'new-user-role-actor',
      };
      document.getElementById(ids[firstWrong] ?? '')?.focus();
      return;
    }
    setBusy(true);
    setProblem(NO_NOTICE);
    try {
      // The account and its first role in one request: both or neither.
      const roles = role.territoryCode
        ? [{ territoryCode: role.territoryCode, role: role.role, ...(role.role === 'contributor' ? { actorId: role.actorId } : {}) }]
        : [];
      const created = await api<User>('/api/users', {
        method: 'POST',
        body: JSON.stringify({
          email: email.trim(),
          displayName: name.trim(),
          ...(password ? { password } : {}),
          isAdmin,
          ...(roles.length > 0 ? { roles } : {}),
        }),
      });
      onCreated(created, t('access.users.created', { name: created.displayName }));
      setEmail('');
      setName('');
      setPassword('');
      setIsAdmin(false);
      setRole(NO_ROLE);
    } catch (err) {
      setProblem((p) => notice(p, 'error', t('common.error', { message: messageOf(err) })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate class="access-form">
      <Notice {...problem} />
      <div class="access-grid">
        <Field id="new-user-email" label={t('signin.email')} error={errors.email}>
          {(c) => <input {...c} type="email" autocomplete="off" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
        </Field>
        <Field id="new-user-name" label={t('access.name')} error={errors.name}>
          {(c) => <input {...c} type="text" autocomplete="off" required value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <Field
          id="new-user-password"
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
      <div class="access-check">
        <input
          id="new-user-admin"
          type="checkbox"
          checked={isAdmin}
          onChange={(e) => setIsAdmin(e.currentTarget.checked)}
          aria-describedby="new-user-admin-hint"
        />
        <label for="new-user-admin">{t('access.isAdmin')}</label>
        <p id="new-user-admin-hint" class="field-hint">
          {t('access.isAdmin.hint')}
        </p>
      </div>
      <fieldset class="access-fieldset">
        <legend>{t('access.users.firstRole')}</legend>
        <RoleFields
          prefix="new-user-role"
          territories={territories}
          draft={role}
          setDraft={setRole}
          errors={{ territoryCode: errors.territoryCode, actorId: errors.actorId }}
          optional
        />
      </fieldset>
      <div class="access-actions">
        <button type="submit" disabled={busy}>
          {t('access.users.create')}
        </button>
      </div>
    </form>
  );
}

function AddRole({
  user,
  territories,
  onDone,
  onCancel,
}: {
  user: User;
  territories: Territory[];
  onDone: (message: string, territoryCode: string) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<RoleDraft>(NO_ROLE);
  const [errors, setErrors] = useState<Partial<Record<keyof RoleDraft, string>>>({});
  const [problem, setProblem] = useState<NoticeState>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const prefix = `add-role-${user.id}`;
  useEffect(() => document.getElementById(`${prefix}-territory`)?.focus(), []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const found = checkRole(draft, false);
    setErrors(found);
    if (found.territoryCode || found.actorId) {
      document.getElementById(found.territoryCode ? `${prefix}-territory` : `${prefix}-actor`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await grant(user.id, draft);
      const territory = territories.find((x) => x.code === draft.territoryCode);
      onDone(
        t('access.users.roleAdded', {
          name: user.displayName,
          role: roleLabel(draft.role),
          territory: territory?.name ?? draft.territoryCode,
        }),
        draft.territoryCode,
      );
    } catch (err) {
      setProblem((p) => notice(p, 'error', t('common.error', { message: messageOf(err) })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate class="access-panel" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('access.users.addRoleTo', { name: user.displayName })}</h3>
      <Notice {...problem} />
      <RoleFields prefix={prefix} territories={territories} draft={draft} setDraft={setDraft} errors={errors} optional={false} />
      <div class="access-actions">
        <button type="submit" disabled={busy}>
          {t('access.users.addRole')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          {t('access.cancel')}
        </button>
      </div>
    </form>
  );
}

function roleText(r: UserRole): string {
  const base = `${roleLabel(r.role)} — ${r.territoryName ?? r.territoryCode}`;
  return r.role === 'contributor' && r.actorName ? `${base} (${r.actorName})` : base;
}

/** /admin/utilisateurs: the platform administrators' list of accounts, their roles, and new accounts. */
export function Users() {
  const user = me.value;
  // The API answers `{ items }` (docs/access.md said a bare list: both are read).
  const answer = useApi<{ items: User[] } | User[]>(user?.isAdmin ? '/api/users' : null);
  const users = { ...answer, data: answer.data === undefined ? undefined : Array.isArray(answer.data) ? answer.data : answer.data.items };
  const territories = useApi<Page<Territory>>(user?.isAdmin ? '/api/territories?limit=100' : null);
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [adding, setAdding] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.querySelector<HTMLElement>('button')?.focus();
  }, [confirming]);

  const say = (kind: NoticeState['kind'], text: string) => setMessage((m) => notice(m, kind, text));
  const focusButton = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  async function removeRole(u: User, r: UserRole) {
    setBusy(true);
    try {
      await api<void>(`/api/territories/${encodeURIComponent(r.territoryCode)}/roles/${encodeURIComponent(r.id)}`, { method: 'DELETE' });
      say('ok', t('access.users.roleRemoved', { name: u.displayName, role: roleText(r) }));
      void accountsChanged(r.territoryCode);
    } catch (err) {
      say('error', t('common.error', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  }

  async function removeUser(u: User) {
    setBusy(true);
    try {
      await api<void>(`/api/users/${encodeURIComponent(u.id)}`, { method: 'DELETE' });
      setConfirming(null);
      say('ok', t('access.users.deleted', { name: u.displayName }));
      void accountsChanged(...u.roles.map((r) => r.territoryCode));
    } catch (err) {
      say('error', t('common.error', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  }

  if (user && !user.isAdmin) {
    return (
      <Layout title={t('access.users.title')}>
        <p class="alert alert-warn">{t('access.users.adminOnly')}</p>
      </Layout>
    );
  }
  const list = territories.data?.items ?? [];
  return (
    <Layout title={t('access.users.title')}>
      <p>{t('access.users.intro')}</p>
      <Notice {...message} />
      <section aria-labelledby="users-new-title" class="access-panel">
        <h2 id="users-new-title">{t('access.users.new')}</h2>
        <CreateUser
          territories={list}
          onCreated={(created, text) => {
            say('ok', text);
            void accountsChanged(...created.roles.map((r) => r.territoryCode));
          }}
        />
      </section>
      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t('access.users.list')}</h2>
        <Status state={users}>
          {(all) => (
            <DataTable
              caption={t('access.users.caption', { n: all.length })}
              class="access-table"
              wrap="access-table-wrap"
              rows={all}
              rowKey={(u) => u.id}
              columns={[
                { header: t('access.name'), rowHeader: true, cell: (u) => u.displayName },
                { header: t('signin.email'), cell: (u) => u.email },
                {
                  header: t('access.users.col.roles'),
                  cell: (u) => (
                    <ul class="access-roles">
                      {u.isAdmin && <li>{t('access.users.platformAdmin')}</li>}
                      {u.roles.map((r) => (
                        <li key={r.id}>
                          {roleText(r)}{' '}
                          <button type="button" class="secondary access-small" disabled={busy} onClick={() => void removeRole(u, r)}>
                            {t('access.users.removeRole')}
                            <span class="visually-hidden">
                              {' '}
                              {t('access.users.removeRoleOf', { role: roleText(r), name: u.displayName })}
                            </span>
                          </button>
                        </li>
                      ))}
                      {!u.isAdmin && u.roles.length === 0 && <li class="muted">{t('access.users.noRole')}</li>}
                    </ul>
                  ),
                },
                { header: t('access.users.col.created'), cell: (u) => date(u.createdAt) },
                {
                  header: t('access.users.col.actions'),
                  cell: (u) => (
                    <div class="access-row-actions">
                      <button
                        type="button"
                        id={`add-role-open-${u.id}`}
                        class="secondary access-small"
                        aria-expanded={adding === u.id ? 'true' : 'false'}
                        onClick={() => setAdding(adding === u.id ? null : u.id)}
                      >
                        {t('access.users.addRole')}
                        <span class="visually-hidden"> {t('access.users.toUser', { name: u.displayName })}</span>
                      </button>
                      {u.id !== user?.id && (
                        <button
                          type="button"
                          id={`delete-open-${u.id}`}
                          class="secondary access-small access-danger"
                          onClick={() => setConfirming(u.id)}
                        >
                          {t('access.users.delete')}
                          <span class="visually-hidden"> {u.displayName}</span>
                        </button>
                      )}
                    </div>
                  ),
                },
              ]}
              rowAfter={(u) =>
                (adding === u.id || confirming === u.id) && (
                  <tr class="access-subrow">
                    <td colSpan={5}>
                      {adding === u.id && (
                        <AddRole
                          user={u}
                          territories={list}
                          onDone={(text, territoryCode) => {
                            setAdding(null);
                            say('ok', text);
                            void accountsChanged(territoryCode);
                          }}
                          onCancel={() => {
                            setAdding(null);
                            focusButton(`add-role-open-${u.id}`);
                          }}
                        />
                      )}
                      {confirming === u.id && (
                        <div ref={confirmRef} class="alert alert-warn access-confirm" role="group" aria-labelledby={`delete-q-${u.id}`}>
                          <p id={`delete-q-${u.id}`}>{t('access.users.deleteConfirm', { name: u.displayName, email: u.email })}</p>
                          <div class="access-actions">
                            <button type="button" class="access-danger-solid" disabled={busy} onClick={() => void removeUser(u)}>
                              {t('access.users.deleteYes', { name: u.displayName })}
                            </button>
                            <button
                              type="button"
                              class="secondary"
                              onClick={() => {
                                setConfirming(null);
                                focusButton(`delete-open-${u.id}`);
                              }}
                            >
                              {t('access.cancel')}
                            </button>
                          </div>
                        </div>
                      )}
                    </td>
                  </tr>
                )
              }
            />
          )}
        </Status>
      </section>
    </Layout>
  );
}
