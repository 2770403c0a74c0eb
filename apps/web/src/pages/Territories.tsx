import type { Page, Territory } from '../api.js';
import { Layout } from '../components/Layout.js';
import { Status } from '../components/Status.js';
import { useApi } from '../hooks.js';
import { t } from '../i18n/index.js';

export function Territories() {
  const state = useApi<Page<Territory>>('/api/territories?limit=100');
  return (
    <Layout title={t('territories.title')}>
      <p>{t('territories.intro')}</p>
      <Status state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('territories.empty')}</p>
          ) : (
            <ul class="card-list">
              {page.items.map((territory) => (
                <li key={territory.id} class="card">
                  <a href={`/t/${encodeURIComponent(territory.code)}`}>{territory.name}</a>
                  <span class="muted">
                    {' '}
                    {territory.code}
                    {territory.fictional ? ` · ${t('territories.fictional')}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Status>
    </Layout>
  );
}
