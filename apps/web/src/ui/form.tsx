/**
 * Form plumbing shared by the forms (actors, sites, flows, needs; a follow-up case's figures):
 * fields with their label, hint and inline errors (aria-describedby, aria-invalid), an error
 * summary that links to each faulty field and takes the focus when a submission fails, and the
 * placement of the API's issues on fields.
 */
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { ApiError } from '../api/client.js';
import { pick, t } from '../app/i18n/index.js';

/** An issue as the API answers it in a 400 (docs/api.md, "Errors"). */
export interface Issue {
  path: string;
  code?: string;
  message: { fr: string; en: string };
}

export interface FieldSpec {
  path: string;
  label: string;
}

/** An issue placed on a field of the form (path), or on the form as a whole (null). */
export interface Placed {
  path: string | null;
  text: string;
}

export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * Each issue goes to the field of the same path, or else to the nearest field holding it
 * (`monthsAvailable[2]` → `monthsAvailable`), or else to the first field inside it (`quantity` →
 * `quantity.value`); what matches no field goes to the summary only.
 */
export function placeIssues(
  issues: readonly Issue[],
  fields: readonly FieldSpec[],
  friendly: (issue: Issue) => string | undefined = () => undefined,
): Placed[] {
  const paths = fields.map((f) => f.path);
  return issues.map((issue) => {
    const text = friendly(issue) ?? pick(issue.message);
    if (paths.includes(issue.path)) return { path: issue.path, text };
    const holder = paths
      .filter((p) => issue.path.startsWith(`${p}.`) || issue.path.startsWith(`${p}[`))
      .sort((a, b) => b.length - a.length)[0];
    if (holder) return { path: holder, text };
    const inside = paths.find((p) => p.startsWith(`${issue.path}.`));
    return { path: inside ?? null, text };
  });
}

/** What a failed request gives the form: its issues placed on fields, or one message for the form. */
export function failure(error: unknown, fields: readonly FieldSpec[], friendly?: (issue: Issue) => string | undefined): Placed[] {
  if (error instanceof ApiError && error.body.issues && error.body.issues.length > 0) {
    return placeIssues(error.body.issues as Issue[], fields, friendly);
  }
  return [{ path: null, text: error instanceof Error ? error.message : String(error) }];
}

/** Reads a number typed the French or the English way (`12,5`, `1 200`); undefined when empty, NaN when not a number. */
export function parseDecimal(text: string): number | undefined {
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (s === '') return undefined;
  return /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(s) ? Number(s) : Number.NaN;
}

/** A number as a form field shows it, in the current language's decimal sign. */
export function formatDecimal(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return t('actors.form.decimalSign') === ',' ? String(n).replace('.', ',') : String(n);
}

export interface ControlProps {
  id: string;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: 'true' | undefined;
  required?: boolean;
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((x): x is string => typeof x === 'string' && x.length > 0);
  return list.length > 0 ? list.join(' ') : undefined;
}

function FieldErrors({ id, errors }: { id: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <div id={id} class="actors-field-errors">
      {errors.map((e, i) => (
        <p key={i} class="field-error">
          <span aria-hidden="true">⚠ </span>
          <span class="visually-hidden">{t('actors.form.errorPrefix')} </span>
          {e}
        </p>
      ))}
    </div>
  );
}

/** Errors placed on `path`. */
export function errorsOf(placed: readonly Placed[], path: string): string[] {
  return placed.filter((p) => p.path === path).map((p) => p.text);
}

/** A labelled control: `children` renders the control with the props that tie it to its label, hint and errors. */
export function Field({
  form,
  path,
  label,
  hint,
  errors,
  required,
  lang,
  children,
}: {
  form: string;
  path: string;
  label: string;
  hint?: ComponentChildren;
  errors: readonly string[];
  required?: boolean;
  lang?: string | undefined;
  children: (props: ControlProps) => ComponentChildren;
}) {
  const id = fieldId(form, path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <div class={`actors-field${errors.length > 0 ? ' actors-field-invalid' : ''}`}>
      <label for={id} id={`${id}-label`}>
        {label}
        {required && <span class="actors-required"> {t('actors.form.required')}</span>}
      </label>
      {hint && (
        <p id={hintId} class="actors-hint" lang={lang}>
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
      {children({ id, 'aria-describedby': describedBy(hintId, errorId), 'aria-invalid': errors.length > 0 ? 'true' : undefined, required })}
    </div>
  );
}

/** A group of controls (radio buttons, checkboxes) under a legend; `focusId` is the control the summary links to. */
export function Group({
  form,
  path,
  legend,
  hint,
  errors,
  children,
  class: className,
}: {
  form: string;
  path: string;
  legend: string;
  hint?: ComponentChildren;
  errors: readonly string[];
  children: (describedBy: string | undefined) => ComponentChildren;
  class?: string;
}) {
  const id = fieldId(form, path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  return (
    <fieldset
      class={`actors-group${className ? ` ${className}` : ''}${errors.length > 0 ? ' actors-field-invalid' : ''}`}
      aria-describedby={describedBy(hintId, errorId)}
    >
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} class="actors-hint">
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
      {children(describedBy(hintId, errorId))}
    </fieldset>
  );
}

/**
 * The list of a failed submission's errors, each linking to its field. It takes the focus when it
 * appears, so that keyboard and screen-reader users learn at once that the form was not saved.
 */
export function ErrorSummary({
  form,
  placed,
  fields,
  focusKey,
}: {
  form: string;
  placed: readonly Placed[];
  fields: readonly FieldSpec[];
  focusKey: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (placed.length > 0) ref.current?.focus();
  }, [focusKey]);
  if (placed.length === 0) return null;
  const labelOf = (path: string) => fields.find((f) => f.path === path)?.label ?? path;
  return (
    <div class="actors-error-summary" tabIndex={-1} ref={ref} aria-labelledby={`${form}-summary-title`}>
      <p id={`${form}-summary-title`} class="actors-error-summary-title">
        {placed.length === 1 ? t('actors.form.summaryOne') : t('actors.form.summaryMany', { n: placed.length })}
      </p>
      <ul>
        {placed.map((p, i) => (
          <li key={i}>
            {p.path === null ? (
              p.text
            ) : (
              <a
                href={`#${fieldId(form, p.path)}`}
                onClick={(e) => {
                  e.preventDefault();
                  const target = document.getElementById(fieldId(form, p.path ?? ''));
                  target?.focus();
                  target?.scrollIntoView({ block: 'center' });
                }}
              >
                {t('actors.form.summaryItem', { label: labelOf(p.path), text: p.text })}
              </a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Puts the focus on an element once it is rendered (a form's first field when it opens). */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}

/** Save and cancel, with the saving state announced. */
export function FormActions({
  busy,
  onCancel,
  save,
  children,
}: {
  busy: boolean;
  onCancel: () => void;
  save: string;
  children?: ComponentChildren;
}) {
  return (
    <div class="actors-actions">
      <button type="submit" disabled={busy}>
        {save}
      </button>
      <button type="button" class="secondary" onClick={onCancel}>
        {t('actors.form.cancel')}
      </button>
      {children}
      <span role="status" class="actors-busy">
        {busy ? t('actors.form.saving') : ''}
      </span>
    </div>
  );
}
