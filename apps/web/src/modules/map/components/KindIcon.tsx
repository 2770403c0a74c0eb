import { KIND_STYLE, OUTLINE, type Kind } from './kinds.js';

/** The shape and colour of a kind, as on the map; decorative: its text is always next to it. */
export function KindIcon({ kind }: { kind: Kind }) {
  const style = KIND_STYLE[kind];
  return (
    <svg class="map-kind-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={style.path} fill={style.colour} stroke={OUTLINE} stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}

/** The look of a synergy link on the map. */
export function LinkIcon() {
  return (
    <svg class="map-kind-icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M2 15 18 5" stroke="var(--accent)" stroke-width="3" stroke-linecap="round" fill="none" />
    </svg>
  );
}
