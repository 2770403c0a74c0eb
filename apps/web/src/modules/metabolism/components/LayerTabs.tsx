/**
 * The layer tabs (materials t, energy MWh, water m³), following the WAI-ARIA tabs pattern: one tab
 * in the tab order (the selected one), Left/Right arrows move and select (automatic activation:
 * the data are already loaded), Home/End go to the first/last; the panel is labelled by its tab.
 */
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { t } from '../../../app/i18n/index.js';
import { layerLabel, unitLabel } from './format.js';
import { LAYERS, type Layer } from './types.js';

const UNITS: Record<Layer, string> = { material: 't', energy: 'MWh', water: 'm3' };
export const tabId = (layer: Layer) => `metabolism-tab-${layer}`;
export const PANEL_ID = 'metabolism-panel';

export function LayerTabs({ layer, onChange, children }: { layer: Layer; onChange: (layer: Layer) => void; children: ComponentChildren }) {
  const list = useRef<HTMLDivElement>(null);

  function select(next: Layer) {
    onChange(next);
    list.current?.querySelector<HTMLElement>(`#${tabId(next)}`)?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    const i = LAYERS.indexOf(layer);
    const last = LAYERS.length - 1;
    const target = { ArrowRight: i === last ? 0 : i + 1, ArrowLeft: i === 0 ? last : i - 1, Home: 0, End: last }[e.key];
    if (target === undefined) return;
    e.preventDefault();
    const next = LAYERS[target];
    if (next) select(next);
  }

  return (
    <>
      <div ref={list} role="tablist" aria-label={t('metabolism.tabs.label')} class="metabolism-tabs" onKeyDown={onKeyDown}>
        {LAYERS.map((l) => (
          <button
            key={l}
            type="button"
            role="tab"
            id={tabId(l)}
            class="metabolism-tab"
            aria-selected={l === layer}
            aria-controls={PANEL_ID}
            tabIndex={l === layer ? 0 : -1}
            onClick={() => select(l)}
          >
            {layerLabel(l)} <span class="metabolism-tab-unit">({unitLabel(UNITS[l])})</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(layer)} class="metabolism-panel" tabIndex={0}>
        {children}
      </div>
    </>
  );
}
