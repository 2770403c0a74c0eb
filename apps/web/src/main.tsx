import '@fontsource/atkinson-hyperlegible/400.css';
import '@fontsource/atkinson-hyperlegible/700.css';
import './styles/tokens.css';
import './styles/base.css';
import { render } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router } from 'preact-iso';
import { language } from './i18n/index.js';
import { routes } from './routes.js';
import { Layout } from './components/Layout.js';
import { t } from './i18n/index.js';

function NotFound() {
  return (
    <Layout title={t('common.notFound')}>
      <p>
        <a href="/">{t('nav.territories')}</a>
      </p>
    </Layout>
  );
}

function App() {
  // Re-render everything when the language changes (every text comes from t()).
  void language.value;
  return (
    <LocationProvider>
      <ErrorBoundary>
        <Router>
          {[...routes.map((r) => <Route key={r.path} path={r.path} component={r.component} />), <Route key="404" default component={NotFound} />]}
        </Router>
      </ErrorBoundary>
    </LocationProvider>
  );
}

document.documentElement.lang = language.value;
render(<App />, document.getElementById('app') as HTMLElement);
