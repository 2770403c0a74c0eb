/**
 * A person's rights over their data (GDPR articles 15 and 17), for the territories one
 * administers: what Boucles holds under an e-mail address (actors' contacts; the account too, for
 * platform administrators), downloaded as JSON, and erased after a confirmation that lists what
 * goes. The audit log keeps that it was done, never the address.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../../../api/client.js';
import { invalidateAll } from '../../../api/query.js';
import { t } from '../../../app/i18n/index.js';
import { me, type Role } from '../../../app/session.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import { DataTable } from '../../../ui/DataTable.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, type NoticeState } from '../../../ui/fields.js';
import { EMAIL, roleLabel } from './common.js';
import { date } from '../../../ui/format.js';

export interface PersonalData {
  email: string;
  contacts: { territoryCode: string; actorId: string; actorName: string; contact: { name?: string; email?: string; phone?: string } }[];
  account: {
    id: string;
    email: string;
    displayName: string;
    createdAt: string;
    roles: { territoryCode: string; role: Role; actorId: string | null }[];
  } | null;
}

interface Erased {
  erased: { contacts: number; accounts: number; followUpTexts: number };
}

/** A file name from the address: letters, digits and dashes only. */
function fileName(email: string): string {
  return `donnees-personnelles-${email.replace(/[^\w.-]+/g, '_')}.json`;
}

function Found({ data, onErase }: { data: PersonalData; onErase: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [data]);
  // The download is the answer itself, as JSON, made in the page (no second request).
  const href = useMemo(() => URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })), [data]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  const nothing = data.contacts.length === 0 && data.account === null;
  return (
    <section class="access-panel admin-found" aria-labelledby="privacy-found-title">
      <h3 id="privacy-found-title" ref={heading} tabIndex={-1}>
        {t('admin.privacy.foundTitle', { email: data.email })}
      </h3>
      {nothing ? (
        <p>{t(me.value?.isAdmin ? 'admin.privacy.nothingAll' : 'admin.privacy.nothing')}</p>
      ) : (
        <>
          {data.contacts.length > 0 && (
            <DataTable
              caption={t('admin.privacy.contactsCaption', { n: data.contacts.length })}
              class="access-table admin-contacts"
              wrap="access-table-wrap"
              rows={data.contacts}
              rowKey={(c) => c.actorId}
              columns={[
                { header: t('admin.privacy.actor'), rowHeader: true, cell: (c) => c.actorName },
                { header: t('access.territory'), cell: (c) => c.territoryCode },
                { header: t('admin.privacy.contactName'), cell: (c) => c.contact.name ?? '' },
                { header: t('signin.email'), cell: (c) => c.contact.email ?? '' },
                { header: t('admin.privacy.phone'), cell: (c) => c.contact.phone ?? '' },
              ]}
            />
          )}
          {data.account && (
            <dl class="admin-account">
              <div>
                <dt>{t('admin.privacy.account')}</dt>
                <dd>
                  {data.account.displayName} ({data.account.email})
                </dd>
              </div>
              <div>
                <dt>{t('access.users.col.created')}</dt>
                <dd>{date(data.account.createdAt)}</dd>
              </div>
              <div>
                <dt>{t('access.users.col.roles')}</dt>
                <dd>
                  {data.account.roles.length === 0
                    ? t('access.users.noRole')
                    : data.account.roles.map((r) => `${roleLabel(r.role)} — ${r.territoryCode}`).join(' ; ')}
                </dd>
              </div>
            </dl>
          )}
        </>
      )}
      {!me.value?.isAdmin && <p class="small muted">{t('admin.privacy.accountsNote')}</p>}
      <div class="access-actions">
        <a class="button secondary" href={href} download={fileName(data.email)}>
          {t('admin.privacy.download')}
        </a>
        {!nothing && (
          <button type="button" class="access-danger-solid" onClick={onErase}>
            {t('admin.privacy.erase')}
          </button>
        )}
      </div>
    </section>
  );
}

export function PersonalDataSection({ onChange }: { onChange: () => void }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [found, setFound] = useState<PersonalData | null>(null);
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const [erasing, setErasing] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);

  async function search(address: string): Promise<void> {
    setFound(await api<PersonalData>(`/api/privacy/contacts?${new URLSearchParams({ email: address }).toString()}`));
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (busy) return;
    const address = email.trim();
    if (!EMAIL.test(address)) {
      setError(address ? t('signin.email.invalid') : t('signin.email.required'));
      input.current?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    setMessage(NO_NOTICE);
    try {
      await search(address);
    } catch (err) {
      setFound(null);
      setMessage((m) => notice(m, 'error', t('common.error', { message: messageOf(err) })));
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    if (!found) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const { erased } = await api<Erased>('/api/privacy/contacts/erase', { method: 'POST', body: JSON.stringify({ email: found.email }) });
      setErasing(false);
      setFound(null);
      setMessage((m) =>
        notice(
          m,
          'ok',
          t('admin.privacy.erased', {
            email: found.email,
            contacts: erased.contacts,
            accounts: erased.accounts,
            texts: erased.followUpTexts,
          }),
        ),
      );
      // Contacts of actors, accounts and follow-up texts anywhere: everything cached is asked again.
      void invalidateAll();
      onChange();
    } catch (err) {
      setFailure(t('common.error', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="admin-privacy" class="admin-section">
      <h2 id="admin-privacy">{t('admin.privacy.title')}</h2>
      <p>{t('admin.privacy.intro')}</p>
      <form onSubmit={onSubmit} noValidate class="access-panel admin-inline-form" role="search" aria-labelledby="privacy-search-title">
        <h3 id="privacy-search-title">{t('admin.privacy.search')}</h3>
        <Field id="privacy-email" label={t('admin.privacy.email')} error={error}>
          {(c) => (
            <input
              {...c}
              ref={input}
              type="email"
              autocomplete="off"
              required
              value={email}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="access-actions">
          <button type="submit" disabled={busy}>
            {t('admin.privacy.searchSubmit')}
          </button>
        </div>
      </form>
      <Notice {...message} />
      {found && (
        <Found
          data={found}
          onErase={() => {
            setFailure(undefined);
            setErasing(true);
          }}
        />
      )}
      {found && erasing && (
        <ConfirmDialog
          id="privacy-erase"
          title={t('admin.privacy.eraseTitle', { email: found.email })}
          confirmLabel={t('admin.privacy.eraseYes')}
          busy={busy}
          error={failure}
          onConfirm={() => void erase()}
          onCancel={() => setErasing(false)}
        >
          <p>{t('admin.privacy.eraseWhat')}</p>
          <ul>
            {found.contacts.length > 0 && (
              <li>
                {t('admin.privacy.eraseContacts', {
                  n: found.contacts.length,
                  actors: found.contacts.map((c) => `${c.actorName} (${c.territoryCode})`).join(', '),
                })}
              </li>
            )}
            <li>{t('admin.privacy.eraseTexts', { email: found.email })}</li>
            {found.account && <li>{t('admin.privacy.eraseAccount', { name: found.account.displayName })}</li>}
          </ul>
          <p>{t('admin.privacy.eraseKept')}</p>
          <p>
            <strong>{t('admin.privacy.irreversible')}</strong>
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
