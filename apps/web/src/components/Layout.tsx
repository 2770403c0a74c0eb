import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { language, setLanguage, t } from '../i18n/index.js';

const SECTIONS = [
  ['', 'nav.home'],
  ['/carte', 'nav.map'],
  ['/acteurs', 'nav.actors'],
  ['/synergies', 'nav.synergies'],
  ['/metabolisme', 'nav.metabolism'],
  ['/import', 'nav.import'],
] as const;

/** The page frame: skip link, header with the territory's navigation, language switch, main. */
export function Layout({ territory, title, children }: { territory?: { code: string; name: string } | undefined; title: string; children: ComponentChildren }) {
  const { path } = useLocation();
  document.title = `${title} — ${t('app.name')}`;
  const base = territory ? `/t/${encodeURIComponent(territory.code)}` : '';
  return (
    <>
      <a class="skip-link" href="#contenu">
        {t('nav.skip')}
      </a>
      <header class="site-header">
        <div class="brand">
          <a href="/" class="brand-name">
            {t('app.name')}
          </a>
          <span class="brand-tagline">{t('app.tagline')}</span>
        </div>
        {territory && <p class="territory-name">{territory.name}</p>}
        <button type="button" class="lang-switch" lang={language.value === 'fr' ? 'en' : 'fr'} aria-label={t('lang.switchLabel')} onClick={() => setLanguage(language.value === 'fr' ? 'en' : 'fr')}>
          {t('lang.switch')}
        </button>
      </header>
      {territory && (
        <nav aria-label={t('nav.main')} class="site-nav">
          <ul>
            <li>
              <a href="/">{t('nav.territories')}</a>
            </li>
            {SECTIONS.map(([suffix, key]) => {
              const href = `${base}${suffix}`;
              const current = suffix === '' ? path === href : path.startsWith(href);
              return (
                <li key={key}>
                  <a href={href} aria-current={current ? 'page' : undefined}>
                    {t(key)}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <main id="contenu" tabIndex={-1}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
