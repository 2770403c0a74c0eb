import type { ComponentChildren } from 'preact';
import { t } from '../app/i18n/index.js';
import type { Loaded } from '../api/query.js';

/** Shows loading and errors of a request, else its content; announced to screen readers. */
export function Status<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (state.error) {
    return (
      <p class="alert alert-error" role="alert">
        {t('common.error', { message: state.error.message })}
      </p>
    );
  }
  if (state.data === undefined) {
    return (
      <p class="muted" role="status" aria-live="polite">
        {t('common.loading')}
      </p>
    );
  }
  return <>{children(state.data)}</>;
}
