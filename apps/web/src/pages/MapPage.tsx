import { Layout } from '../components/Layout.js';
import { Status } from '../components/Status.js';
import { t } from '../i18n/index.js';
import { useTerritory } from '../territory.js';

// Section being built: the territory's frame and its title, nothing else yet.
export function MapPage({ code }: { code: string }) {
  const territory = useTerritory(code);
  return (
    <Layout territory={territory.data} title={t('nav.map')}>
      <Status state={territory}>{() => null}</Status>
    </Layout>
  );
}
