import type { Page, Territory } from '../../api/client.js';
import { Layout, roleText } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { useApi } from '../../api/query.js';
import { t } from '../../app/i18n/index.js';
import { me } from '../../app/session.js';

/** The territories the user has a role in (the API lists only those; every one for a platform administrator). */
export function Territories() {
  const state = useApi<Page<Territory>>('/api/territories?limit=100');
  const user = me.value;
  return (
    <Layout title={t('territories.title')}>
      <p>{t('territories.intro')}</p>
      <Status state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{user && !user.isAdmin ? t('territories.none') : t('territories.empty')}</p>
          ) : (
            <ul class="card-list">
              {page.items.map((territory) => {
                const role = user ? roleText(user, territory.code) : '';
                return (
                  <li key={territory.id} class="card">
                    <a href={`/t/${encodeURIComponent(territory.code)}`}>{territory.name}</a>
                    <span class="muted">
                      {' '}
                      {territory.code}
                      {territory.fictional ? ` · ${t('territories.fictional')}` : ''}
                    </span>
                    {role && <span class="card-role small">{t('territories.yourRole', { role })}</span>}
                  </li>
                );
              })}
            </ul>
          )
        }
      </Status>
    </Layout>
  );
}
