/**
 * Small form parts of the session, administration and follow-up pages: a field with its label,
 * hint and error (aria-describedby, aria-invalid), and a message that takes the focus when it
 * appears so that keyboard and screen-reader users hear it.
 */
import type { ComponentChildren, VNode } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface Control {
  id: string;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: 'true' | undefined;
}

export function Field({
  id,
  label,
  hint,
  error,
  class: className,
  children,
}: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  class?: string;
  children: (control: Control) => VNode;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? 'true' : undefined })}
    </div>
  );
}

/**
 * A message (saved, refused) that takes the focus each time `tick` changes while it is shown.
 * `kind` error is an alert; the others are status messages.
 */
export function Notice({
  text,
  kind,
  tick,
  class: className,
}: {
  text: string | undefined;
  kind: 'ok' | 'error' | 'info';
  tick: number;
  class?: string;
}) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (text) ref.current?.focus();
  }, [tick]);
  if (!text) return null;
  const alertClass = kind === 'error' ? 'alert-error' : kind === 'ok' ? 'alert-ok' : 'alert-info';
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={kind === 'error' ? 'alert' : 'status'}
      class={`alert ${alertClass} notice${className ? ` ${className}` : ''}`}
    >
      {text}
    </p>
  );
}

/** A message's text and a counter, so that the same message shown twice is announced twice. */
export interface NoticeState {
  text: string | undefined;
  kind: 'ok' | 'error' | 'info';
  tick: number;
}

export const NO_NOTICE: NoticeState = { text: undefined, kind: 'info', tick: 0 };

export function notice(previous: NoticeState, kind: NoticeState['kind'], text: string | undefined): NoticeState {
  return { text, kind, tick: previous.tick + 1 };
}

/** The message of an error, for a notice. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** An API message ("adresse ou mot de passe incorrect") as a sentence: capital first, full stop last. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
