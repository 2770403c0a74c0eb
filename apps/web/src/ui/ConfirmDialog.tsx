/**
 * A confirmation before something that cannot be undone (taking a role back, revoking a key,
 * erasing a person's data): a modal dialog (the browser's own `<dialog>`, opened with
 * `showModal()`), so that the keyboard stays inside it, Escape cancels, and the page behind is
 * inert. It says what will happen; the focus starts on "Annuler", the harmless choice, and goes
 * back to the button that opened it when it is cancelled. Mount it to open it, unmount it to close it.
 */
import '../styles/access.css';
import './ConfirmDialog.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../app/i18n/index.js';

export function ConfirmDialog({
  id,
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  id: string;
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  busy: boolean;
  /** Why the action failed, said inside the dialog (it stays open). */
  error?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const confirmed = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    cancel.current?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      // Cancelled: back to the button that opened it. Confirmed: the page says what was done, and takes the focus.
      if (!confirmed.current && opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      id={id}
      class="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(e) => {
        // Escape: the parent closes it (by unmounting), so that its state stays the truth.
        e.preventDefault();
        if (busy) return;
        confirmed.current = false;
        onCancel();
      }}
    >
      <h2 id={`${id}-title`} class="confirm-dialog-title">
        {title}
      </h2>
      <div id={`${id}-text`} class="confirm-dialog-text">
        {children}
      </div>
      {error && (
        <p class="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div class="access-actions">
        <button
          type="button"
          class="access-danger-solid"
          // aria-disabled rather than disabled while it works: the focus stays on the button.
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => {
            if (busy) return;
            confirmed.current = true;
            onConfirm();
          }}
        >
          {confirmLabel}
        </button>
        <button
          type="button"
          ref={cancel}
          class="secondary"
          onClick={() => {
            if (busy) return;
            confirmed.current = false;
            onCancel();
          }}
        >
          {t('access.cancel')}
        </button>
      </div>
    </dialog>
  );
}
