import './importexport.css';
import { ExportLinks, TEMPLATE_URL } from './components/ExportLinks.js';
import { History } from './components/History.js';
import { ImportWizard } from './components/ImportWizard.js';
import type { ImportRun } from './components/types.js';
import { Layout } from '../../app/Layout.js';
import { Status } from '../../ui/Status.js';
import { useApi } from '../../api/query.js';
import { t } from '../../app/i18n/index.js';
import { useTerritory } from '../../app/territory.js';
import { Restricted } from '../../ui/Restricted.js';
import { useOffer } from '../../app/session.js';

/** Import (template, wizard, history) and export of a territory's data: /t/:code/import. */
export function ImportExport({ code }: { code: string }) {
  const territory = useTerritory(code);
  const offer = useOffer(code);
  if (!offer.facilitate) {
    return (
      <Layout territory={territory.data} title={t('importexport.title')}>
        <Restricted code={code} />
      </Layout>
    );
  }
  return <FacilitatorImportExport code={code} territory={territory} />;
}

/** Imports and exports: facilitators only (the server refuses them to others). */
function FacilitatorImportExport({ code, territory }: { code: string; territory: ReturnType<typeof useTerritory> }) {
  const history = useApi<{ items: ImportRun[] }>(`/api/territories/${encodeURIComponent(code)}/imports?limit=10`);
  return (
    <Layout territory={territory.data} title={t('importexport.title')}>
      <Status state={territory}>
        {() => (
          <>
            <p class="ie-intro">{t('importexport.intro')}</p>
            <section aria-labelledby="ie-template">
              <h2 id="ie-template">{t('importexport.template.title')}</h2>
              <p>{t('importexport.template.text')}</p>
              <p>
                <a class="button secondary" href={TEMPLATE_URL} download="territoire.xlsx">
                  {t('importexport.template.link')}
                </a>
              </p>
            </section>
            <section aria-labelledby="ie-import">
              <h2 id="ie-import">{t('importexport.wizard.title')}</h2>
              <ImportWizard code={code} />
            </section>
            <section aria-labelledby="ie-history">
              <h2 id="ie-history">{t('importexport.history.title')}</h2>
              <History code={code} state={history} />
            </section>
            <section aria-labelledby="ie-export">
              <h2 id="ie-export">{t('importexport.export.title')}</h2>
              <p>{t('importexport.export.intro')}</p>
              <ExportLinks code={code} />
            </section>
          </>
        )}
      </Status>
    </Layout>
  );
}
