/**
 * One kind of record on a page (an actor's sites, flows or needs): a heading, the message after a
 * change, the table of the records with a button to edit each, the editor (a new record or an
 * existing one, which it can also delete after a confirmation), and the button to add one.
 *
 * The message takes the focus when it appears, so that keyboard and screen-reader users hear it;
 * an editor closed without saving gives the focus back to the button that opened it.
 */
import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Page } from '../api/client.js';
import type { Loaded } from '../api/query.js';
import { t } from '../app/i18n/index.js';
import { DataTable, type Column } from './DataTable.js';
import { messageOf, Notice, NO_NOTICE, notice, type NoticeState } from './fields.js';
import { Status } from './Status.js';

/** A titled panel around a form. */
export function Panel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section id={id} class="panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {children}
    </section>
  );
}

/** An editor's state: closed (null), or open on a record (undefined: a new one); closed without saving, it gives the focus back to what opened it. */
export function useEditor<T>() {
  const [editing, setEditing] = useState<{ item: T | undefined } | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  return {
    editing,
    open(item: T | undefined) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setEditing({ item });
    },
    close(restoreFocus: boolean) {
      setEditing(null);
      const o = opener.current;
      if (restoreFocus && o) requestAnimationFrame(() => o.isConnected && o.focus());
    },
  };
}

/** What the section gives its form: the record edited (none: a new one), and what to call when done. */
export interface Editor<T> {
  item: T | undefined;
  /** Saved: the editor closes, and `message` says so. */
  saved: (message: string) => void;
  /** Closed without saving: the focus goes back to the button that opened it. */
  cancel: () => void;
  /** Deletes the record edited (after a confirmation); undefined for a new record. */
  remove: (() => void) | undefined;
}

export function RecordSection<T extends { id: string }>({
  headingId,
  title,
  state,
  caption,
  columns,
  empty,
  tableClass,
  wrapClass,
  editable,
  rowName,
  editorId,
  editorTitle,
  addLabel,
  form,
  remove,
}: {
  headingId: string;
  title: string;
  state: Loaded<Page<T>>;
  caption: string;
  /** The columns of a record; the section adds the one with its edit button. */
  columns: readonly (Column<T> | false)[];
  /** Said when there is none: what to do next. */
  empty: string;
  tableClass?: string;
  wrapClass?: string;
  /** The user may add, edit and delete these records. */
  editable: boolean;
  /** Names a record for screen readers, after "Modifier". */
  rowName: (row: T) => string;
  editorId: string;
  /** The editor's title, for a new record (undefined) or the one edited. */
  editorTitle: (item: T | undefined) => string;
  addLabel: string;
  form: (editor: Editor<T>) => ComponentChildren;
  /** How a record is deleted: the question asked first, the deletion, and the message once done. */
  remove: { confirm: (item: T) => string; run: (item: T) => Promise<void>; done: (item: T) => string };
}) {
  const { editing, open, close } = useEditor<T>();
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [failure, setFailure] = useState<string | undefined>(undefined);

  function saved(text: string) {
    close(false);
    setMessage((m) => notice(m, 'ok', text));
  }
  async function deleteItem(item: T) {
    if (!window.confirm(remove.confirm(item))) return;
    setFailure(undefined);
    try {
      await remove.run(item);
      saved(remove.done(item));
    } catch (e) {
      setFailure(messageOf(e));
    }
  }

  const editButton: Column<T> = {
    header: t('common.actions'),
    hiddenHeader: true,
    cell: (row) =>
      editable && (
        <button type="button" class="secondary small" onClick={() => open(row)}>
          {t('common.edit')}
          <span class="visually-hidden"> {rowName(row)}</span>
        </button>
      ),
  };
  const item = editing?.item;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <Notice {...message} />
      {failure && (
        <p class="alert alert-error" role="alert">
          {t('common.error', { message: failure })}
        </p>
      )}
      <Status state={state}>
        {(page) => (
          <DataTable
            caption={caption}
            columns={[...columns, editButton]}
            rows={page.items}
            rowKey={(r) => r.id}
            empty={empty}
            class={tableClass}
            wrap={wrapClass}
          />
        )}
      </Status>
      {editing ? (
        <Panel id={editorId} title={editorTitle(item)}>
          <Fragment key={item?.id ?? 'new'}>
            {form({ item, saved, cancel: () => close(true), remove: item ? () => void deleteItem(item) : undefined })}
          </Fragment>
        </Panel>
      ) : (
        editable && (
          <p>
            <button type="button" onClick={() => open(undefined)}>
              {addLabel}
            </button>
          </p>
        )
      )}
    </section>
  );
}
