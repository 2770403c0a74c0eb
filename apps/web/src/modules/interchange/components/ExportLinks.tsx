/** Download links for the template and the territory's exports (docs/formats.md, "Exporting"). */
import { t } from '../../../app/i18n/index.js';
import { SHEET_NAMES } from './types.js';

export const TEMPLATE_URL = '/api/templates/territoire.xlsx';

export function exportUrl(code: string, format: 'json' | 'xlsx' | 'csv' | 'geojson', sheet?: string): string {
  const params = new URLSearchParams({ format });
  if (sheet) params.set('sheet', sheet);
  return `/api/territories/${encodeURIComponent(code)}/export?${params.toString()}`;
}

export function ExportLinks({ code }: { code: string }) {
  return (
    <div class="ie-exports">
      <div class="card">
        <h3>{t('importexport.export.spreadsheet')}</h3>
        <ul>
          <li>
            <a href={exportUrl(code, 'xlsx')} download>
              {t('importexport.export.xlsx')}
            </a>
          </li>
          <li>
            <a href={exportUrl(code, 'json')} download>
              {t('importexport.export.json')}
            </a>
          </li>
        </ul>
      </div>
      <div class="card">
        <h3>{t('importexport.export.csv')}</h3>
        <ul>
          {SHEET_NAMES.map((sheet) => (
            <li key={sheet}>
              <a href={exportUrl(code, 'csv', sheet)} download>
                {t('importexport.export.csvSheet', { sheet })}
              </a>
            </li>
          ))}
        </ul>
      </div>
      <div class="card">
        <h3>{t('importexport.export.geo')}</h3>
        <ul>
          <li>
            <a href={exportUrl(code, 'geojson', 'sites')} download>
              {t('importexport.export.geoSites')}
            </a>
          </li>
          <li>
            <a href={exportUrl(code, 'geojson', 'flux')} download>
              {t('importexport.export.geoFlows')}
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}
