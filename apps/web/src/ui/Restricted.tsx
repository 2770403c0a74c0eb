import { t } from '../app/i18n/index.js';
import { territoryBase } from '../app/territory.js';

/**
 * What a page says to someone whose role in the territory does not cover it. The server refuses
 * such requests anyway; this only avoids showing a form or a table that would fail.
 */
export function Restricted({ code }: { code: string }) {
  return (
    <div class="alert alert-warn restricted">
      <p>
        <strong>{t('restricted.title')}.</strong> {t('restricted.text')}
      </p>
      <p>
        <a href={territoryBase(code)}>{t('restricted.home')}</a>
      </p>
    </div>
  );
}
