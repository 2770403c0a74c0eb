/** The map's filters, which apply to the map and to the list alike: kinds of actors and synergy links. */
import { language, t } from '../../../app/i18n/index.js';
import { number } from '../../../ui/format.js';
import { KindIcon, LinkIcon } from './KindIcon.js';
import { KINDS, type Kind } from './kinds.js';

/** Where the synergy links stand: they load after the sites. */
export type LinksState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'none' }
  | { status: 'ready'; count: number; synergies: number; notDrawn: number };

export interface MapFiltersProps {
  counts: Record<Kind, number>;
  kinds: ReadonlySet<Kind>;
  onKinds: (kinds: Set<Kind>) => void;
  links: LinksState;
  showLinks: boolean;
  onShowLinks: (show: boolean) => void;
  synergiesHref: string;
}

/** "(1 site)", "(12 sites)": French counts 0 and 1 as singular, English only 1. */
function sitesCount(n: number): string {
  const one = language.value === 'fr' ? n < 2 : n === 1;
  return t(one ? 'map.filters.countOne' : 'map.filters.count', { count: number(n, 0) });
}

export function MapFilters({ counts, kinds, onKinds, links, showLinks, onShowLinks, synergiesHref }: MapFiltersProps) {
  const count = links.status === 'ready' ? links.count : 0;
  const toggle = (kind: Kind, on: boolean) => {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    onKinds(next);
  };
  return (
    <div class="map-filters">
      <fieldset>
        <legend>{t('map.filters.kinds')}</legend>
        <p class="small muted">{t('map.filters.kindsHelp')}</p>
        <ul class="map-checks">
          {KINDS.map((kind) => (
            <li key={kind}>
              <input
                type="checkbox"
                id={`map-kind-${kind}`}
                checked={kinds.has(kind)}
                onChange={(e) => toggle(kind, e.currentTarget.checked)}
              />
              <label for={`map-kind-${kind}`}>
                <KindIcon kind={kind} />
                <span>
                  {t(`map.kind.${kind}`)} <span class="muted">{sitesCount(counts[kind])}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <p class="map-filter-actions">
          <button type="button" class="secondary small" onClick={() => onKinds(new Set(KINDS))}>
            {t('map.filters.all')}
          </button>
          <button type="button" class="secondary small" onClick={() => onKinds(new Set())}>
            {t('map.filters.none')}
          </button>
        </p>
      </fieldset>
      <fieldset>
        <legend>{t('map.filters.links')}</legend>
        <ul class="map-checks">
          <li>
            <input
              type="checkbox"
              id="map-show-links"
              checked={showLinks && count > 0}
              disabled={count === 0}
              aria-describedby="map-links-help"
              onChange={(e) => onShowLinks(e.currentTarget.checked)}
            />
            <label for="map-show-links">
              <LinkIcon />
              <span>
                {t('map.filters.showLinks')} {links.status === 'ready' && <span class="muted">({number(count, 0)})</span>}
              </span>
            </label>
          </li>
        </ul>
        {links.status === 'error' ? (
          <p id="map-links-help" class="alert alert-error small" role="alert">
            {t('map.links.error', { message: links.message })}
          </p>
        ) : (
          <p id="map-links-help" class="small muted" role={links.status === 'loading' ? 'status' : undefined}>
            {links.status === 'loading' ? (
              t('map.links.loading')
            ) : links.status === 'none' ? (
              <>
                {t('map.links.noAnalysis')} <a href={synergiesHref}>{t('map.links.runAnalysis')}</a>
              </>
            ) : links.synergies === 0 ? (
              t('map.links.noSynergy')
            ) : (
              t('map.links.help', { count: number(links.synergies, 0) })
            )}
            {links.status === 'ready' && links.notDrawn > 0 && <> {t('map.links.notDrawn', { count: number(links.notDrawn, 0) })}</>}
          </p>
        )}
      </fieldset>
    </div>
  );
}
