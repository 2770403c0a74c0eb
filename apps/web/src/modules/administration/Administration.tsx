/**
 * /t/:code/administration: the territory's administration, for its administrators and the
 * platform's: members and their roles, API keys, the audit log, and a person's data (GDPR). Each
 * section reloads the audit log when it changes something, so that the log shows it at once.
 */
import '../../styles/access.css';
import '../../styles/administration.css';
import { useCallback, useState } from 'preact/hooks';
import { ApiKeys } from './components/ApiKeys.js';
import { AuditLog } from './components/AuditLog.js';
import { Members } from './components/Members.js';
import { PersonalDataSection } from './components/PersonalData.js';
import { Layout } from '../../app/Layout.js';
import { Restricted } from '../../ui/Restricted.js';
import { t } from '../../app/i18n/index.js';
import { useOffer } from '../../app/session.js';
import { useTerritory } from '../../app/territory.js';

const SECTIONS = [
  ['admin-members', 'admin.members.title'],
  ['admin-keys', 'admin.keys.title'],
  ['admin-audit', 'admin.audit.title'],
  ['admin-privacy', 'admin.privacy.title'],
] as const;

export function Administration({ code }: { code: string }) {
  const territory = useTerritory(code);
  const offer = useOffer(code);
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((n) => n + 1), []);
  return (
    <Layout territory={territory.data} title={t('admin.title')}>
      {!offer.manage ? (
        <Restricted code={code} />
      ) : (
        <>
          <p>{t('admin.intro')}</p>
          <nav aria-label={t('admin.sections')} class="admin-toc">
            <ul>
              {SECTIONS.map(([id, key]) => (
                <li key={id}>
                  <a href={`#${id}`}>{t(key)}</a>
                </li>
              ))}
            </ul>
          </nav>
          <Members code={code} onChange={changed} />
          <ApiKeys code={code} onChange={changed} />
          <AuditLog code={code} revision={revision} />
          <PersonalDataSection onChange={changed} />
        </>
      )}
    </Layout>
  );
}
