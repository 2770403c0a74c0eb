import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles/tokens.css';
import './styles/base.css';
import type { ComponentChildren } from 'preact';
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { effect, signal } from '@preact/signals';
import { QueryClientProvider } from '@tanstack/preact-query';
import { queryClient } from './api/query.js';
import { language, t } from './app/i18n/index.js';
import { routes, sections } from './app/routes.js';
import { setSections } from './app/navigation.js';
import { Layout } from './app/Layout.js';
import { isPublicPath, loadMe, me, signInHref } from './app/session.js';

function NotFound() {
  return (
    <Layout title={t('common.notFound')}>
      <p>
        <a href="/">{t('nav.territories')}</a>
      </p>
    </Layout>
  );
}

const startError = signal<string | undefined>(undefined);

/**
 * The pages need a session, except signing in and resetting a password: until `GET /api/auth/me`
 * has answered, a loading message; then, for someone not signed in, the sign-in page, which
 * brings them back here afterwards.
 */
function Gate({ children }: { children: ComponentChildren }) {
  const { path, url, route } = useLocation();
  const user = me.value;
  const open = isPublicPath(path);
  useEffect(() => {
    if (user === null && !open) route(signInHref(url), true);
  }, [user, open, url]);
  if (open || user) return <>{children}</>;
  return (
    <Layout title={t('app.name')}>
      {startError.value ? (
        <p class="alert alert-error" role="alert">
          {t('common.error', { message: startError.value })}
        </p>
      ) : (
        <p class="muted" role="status">
          {t('common.loading')}
        </p>
      )}
    </Layout>
  );
}

function App() {
  // Re-render everything when the language changes (every text comes from t()).
  void language.value;
  return (
    // Links to /api/… (downloads, the identity provider) are left to the browser.
    <QueryClientProvider client={queryClient}>
      <LocationProvider scope={/^\/(?!api\/)/}>
        <ErrorBoundary>
          <Gate>
            <Router>
              {[
                ...routes.map((r) => <Route key={r.path} path={r.path} component={r.component} />),
                <Route key="404" default component={NotFound} />,
              ]}
            </Router>
          </Gate>
        </ErrorBoundary>
      </LocationProvider>
    </QueryClientProvider>
  );
}

// Nothing one user loaded is shown to the next: the cache is emptied when who is signed in changes.
let signedIn: string | null | undefined;
effect(() => {
  const id = me.value === undefined ? undefined : (me.value?.id ?? null);
  if (signedIn !== undefined && id !== signedIn) queryClient.clear();
  if (id !== undefined) signedIn = id;
});

setSections(sections);
document.documentElement.lang = language.value;
loadMe().catch((e: unknown) => {
  startError.value = e instanceof Error ? e.message : String(e);
});
render(<App />, document.getElementById('app') as HTMLElement);
