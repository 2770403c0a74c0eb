/**
 * The territory's API keys: read-only access for another application (public fields, aggregates
 * with small groups withheld). A new key is shown once, with a copy button and a warning that it
 * will not be shown again; a key is revoked, at once, after a confirmation.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../../api/client.js';
import { invalidate, territoryKey, useApi } from '../../../api/query.js';
import { t } from '../../../app/i18n/index.js';
import { ConfirmDialog } from '../../../ui/ConfirmDialog.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, type NoticeState } from '../../../ui/fields.js';
import { DataTable } from '../../../ui/DataTable.js';
import { Status } from '../../../ui/Status.js';
import { territoryApi } from './common.js';
import { dateTime } from '../../../ui/format.js';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** After a key was created or revoked: the keys, and the audit log that records it. */
function keysChanged(code: string): Promise<void> {
  return invalidate(territoryKey(code, 'api-keys'), ['audit']);
}

/** Copies `text`: the Clipboard API, or the selected field and the older command where it is refused. */
async function copy(text: string, field: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* refused (permissions, insecure context): try the older way */
  }
  if (!field) return false;
  field.select();
  // execCommand is deprecated, but it is the only way left when the Clipboard API is refused.
  return document.execCommand('copy');
}

/** The key just created: shown this once. */
function NewKey({ created, onDismiss }: { created: ApiKey & { key: string }; onDismiss: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<NoticeState>(NO_NOTICE);
  useEffect(() => heading.current?.focus(), [created.id]);
  return (
    <section class="access-panel admin-new-key" aria-labelledby="api-key-new-title">
      <h3 id="api-key-new-title" ref={heading} tabIndex={-1}>
        {t('admin.keys.createdTitle', { name: created.name })}
      </h3>
      <div class="alert alert-warn admin-key-warning">
        <p>
          <strong>{t('admin.keys.onceTitle')}</strong>
        </p>
        <p>{t('admin.keys.onceText')}</p>
      </div>
      <Field id="api-key-value" label={t('admin.keys.key')} hint={t('admin.keys.usage')}>
        {(c) => (
          <input
            {...c}
            ref={field}
            type="text"
            readOnly
            value={created.key}
            class="admin-key-value"
            spellcheck={false}
            autocomplete="off"
            onFocus={(e) => e.currentTarget.select()}
          />
        )}
      </Field>
      <div class="access-actions">
        <button
          type="button"
          onClick={() =>
            void copy(created.key, field.current).then((ok) =>
              setCopied((n) => notice(n, ok ? 'ok' : 'error', ok ? t('admin.keys.copied') : t('admin.keys.copyFailed'))),
            )
          }
        >
          {t('admin.keys.copy')}
        </button>
        <button type="button" class="secondary" onClick={onDismiss}>
          {t('admin.keys.dismiss')}
        </button>
      </div>
      <div aria-live="polite" class="admin-copy-status">
        {copied.text && <p class={copied.kind === 'ok' ? 'small admin-copied' : 'small field-error'}>{copied.text}</p>}
      </div>
    </section>
  );
}

export function ApiKeys({ code, onChange }: { code: string; onChange: () => void }) {
  const keys = useApi<{ items: ApiKey[] }>(`${territoryApi(code)}/api-keys`);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [created, setCreated] = useState<(ApiKey & { key: string }) | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const nameInput = useRef<HTMLInputElement>(null);

  async function create(e: Event) {
    e.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setNameError(t('admin.keys.nameRequired'));
      nameInput.current?.focus();
      return;
    }
    setNameError(undefined);
    setBusy(true);
    setMessage(NO_NOTICE);
    try {
      const made = await api<ApiKey & { key: string }>(`${territoryApi(code)}/api-keys`, {
        method: 'POST',
        body: JSON.stringify({ name: name.trim() }),
      });
      setCreated(made);
      setName('');
      void keysChanged(code);
      onChange();
    } catch (err) {
      setMessage((m) => notice(m, 'error', t('common.error', { message: messageOf(err) })));
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    if (!revoking) return;
    setBusy(true);
    setFailure(undefined);
    try {
      await api<void>(`${territoryApi(code)}/api-keys/${encodeURIComponent(revoking.id)}`, { method: 'DELETE' });
      const name = revoking.name;
      setRevoking(null);
      if (created?.id === revoking.id) setCreated(null);
      setMessage((m) => notice(m, 'ok', t('admin.keys.revoked', { name })));
      void keysChanged(code);
      onChange();
    } catch (err) {
      setFailure(t('common.error', { message: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="admin-keys" class="admin-section">
      <h2 id="admin-keys">{t('admin.keys.title')}</h2>
      <p>{t('admin.keys.intro')}</p>
      <Notice {...message} />
      <form onSubmit={create} noValidate class="access-panel admin-inline-form" aria-labelledby="api-key-create-title">
        <h3 id="api-key-create-title">{t('admin.keys.create')}</h3>
        <Field id="api-key-name" label={t('admin.keys.name')} hint={t('admin.keys.nameHint')} error={nameError}>
          {(c) => (
            <input
              {...c}
              ref={nameInput}
              type="text"
              autocomplete="off"
              required
              maxLength={200}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="access-actions">
          <button type="submit" disabled={busy}>
            {t('admin.keys.createSubmit')}
          </button>
        </div>
      </form>
      {created && (
        <NewKey
          created={created}
          onDismiss={() => {
            setCreated(null);
            nameInput.current?.focus();
          }}
        />
      )}
      <Status state={keys}>
        {({ items }) => (
          <DataTable
            caption={t('admin.keys.caption', { n: items.length })}
            class="access-table admin-keys"
            wrap="access-table-wrap"
            rows={items}
            rowKey={(k) => k.id}
            rowProps={(k) => ({ class: k.revokedAt ? 'admin-revoked' : undefined })}
            empty={<p class="muted">{t('admin.keys.none')}</p>}
            columns={[
              { header: t('admin.keys.name'), rowHeader: true, cell: (k) => k.name },
              { header: t('admin.keys.prefix'), cell: (k) => <code>{k.prefix}…</code> },
              { header: t('admin.keys.createdAt'), cell: (k) => dateTime(k.createdAt) },
              { header: t('admin.keys.lastUsed'), cell: (k) => (k.lastUsedAt ? dateTime(k.lastUsedAt) : t('admin.keys.never')) },
              {
                header: t('admin.keys.state'),
                cell: (k) => (k.revokedAt ? t('admin.keys.revokedOn', { date: dateTime(k.revokedAt) }) : t('admin.keys.active')),
              },
              {
                header: t('access.users.col.actions'),
                cell: (k) =>
                  !k.revokedAt && (
                    <button
                      type="button"
                      class="secondary access-small access-danger"
                      onClick={() => {
                        setFailure(undefined);
                        setRevoking(k);
                      }}
                    >
                      {t('admin.keys.revoke')}
                      <span class="visually-hidden"> {t('admin.keys.revokeOf', { name: k.name })}</span>
                    </button>
                  ),
              },
            ]}
          />
        )}
      </Status>
      {revoking && (
        <ConfirmDialog
          id="api-key-revoke"
          title={t('admin.keys.revokeTitle', { name: revoking.name })}
          confirmLabel={t('admin.keys.revokeYes')}
          busy={busy}
          error={failure}
          onConfirm={() => void revoke()}
          onCancel={() => setRevoking(null)}
        >
          <p>{t('admin.keys.revokeText', { prefix: `${revoking.prefix}…` })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
