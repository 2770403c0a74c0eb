import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { language, setLanguage, t } from './i18n/index.js';
import { ROLE_DEFINITIONS } from '@boucles/engine/access';
import { sections } from './navigation.js';
import { holds, me, roleLabel, ROLES, rolesIn, signOut, standingIn, type Me, type Standing } from './session.js';

/**
 * The territory's sections come from the modules (`navigation.ts`, given by `main.tsx`), each offered to those whose
 * standing holds the permission the server checks for it (the table of roles and permissions).
 */
/** How the user stands in the territory, in words: "Animation", "Contribution pour …" (their strongest role there). */
export function roleText(user: Me, code: string | undefined): string {
  if (code) {
    const roles = rolesIn(user, code);
    for (const role of ROLES) {
      const mine = roles.filter((r) => r.role === role);
      if (mine.length === 0) continue;
      if (ROLE_DEFINITIONS[role].forActor)
        return t('session.role.contributorFor', { actors: mine.map((r) => r.actorName ?? '').join(', ') });
      return roleLabel(role);
    }
  }
  return user.isAdmin ? t('session.role.platformAdmin') : '';
}

function SessionBox({ user, code }: { user: Me; code: string | undefined }) {
  const { path } = useLocation();
  const [leaving, setLeaving] = useState(false);
  const role = roleText(user, code);
  return (
    <div class="session">
      <p class="session-user">
        <span class="visually-hidden">{t('session.signedInAs')} </span>
        <span class="session-name">{user.displayName}</span>
        {role && (
          <span class="session-role">
            <span class="visually-hidden">, {t('session.roleLabel')} </span>
            {role}
          </span>
        )}
      </p>
      <a href="/compte" class="session-account" aria-current={path === '/compte' ? 'page' : undefined}>
        {t('session.account')}
      </a>
      <button
        type="button"
        class="session-out"
        disabled={leaving}
        onClick={() => {
          setLeaving(true);
          void signOut().finally(() => setLeaving(false));
        }}
      >
        {t('session.signOut')}
      </button>
    </div>
  );
}

/** The page frame: skip link, header with who is signed in, the navigation their role allows, language switch, main. */
export function Layout({
  territory,
  title,
  children,
}: {
  territory?: { code: string; name: string } | undefined;
  title: string;
  children: ComponentChildren;
}) {
  const { path } = useLocation();
  document.title = `${title} — ${t('app.name')}`;
  const base = territory ? `/t/${encodeURIComponent(territory.code)}` : '';
  const user = me.value;
  const standing: Standing | undefined = territory ? standingIn(user, territory.code) : undefined;
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
        {user && <SessionBox user={user} code={territory?.code} />}
        <button
          type="button"
          class="lang-switch"
          lang={language.value === 'fr' ? 'en' : 'fr'}
          aria-label={t('lang.switchLabel')}
          onClick={() => setLanguage(language.value === 'fr' ? 'en' : 'fr')}
        >
          {t('lang.switch')}
        </button>
      </header>
      {user && (territory || user.isAdmin) && (
        <nav aria-label={t('nav.main')} class="site-nav">
          <ul>
            <li>
              <a href="/" aria-current={path === '/' ? 'page' : undefined}>
                {t('nav.territories')}
              </a>
            </li>
            {territory &&
              sections()
                .filter(({ needs }) => needs === null || holds(standing, needs))
                .map(({ suffix, key }) => {
                  const href = `${base}${suffix}`;
                  const current = suffix === '' ? path === href : path === href || path.startsWith(`${href}/`);
                  return (
                    <li key={key}>
                      <a href={href} aria-current={current ? 'page' : undefined}>
                        {t(key)}
                      </a>
                    </li>
                  );
                })}
            {user.isAdmin && (
              <li class="site-nav-admin">
                <a href="/admin/utilisateurs" aria-current={path.startsWith('/admin/utilisateurs') ? 'page' : undefined}>
                  {t('nav.users')}
                </a>
              </li>
            )}
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
