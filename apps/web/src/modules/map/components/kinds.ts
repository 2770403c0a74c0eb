/**
 * The six kinds of actors on the map: each has a colour AND a shape (colour alone is not enough,
 * WCAG 1.4.1), drawn with a dark outline so that every symbol stands out from the background
 * (non-text contrast, WCAG 1.4.11). The same shapes are drawn in the legend (SVG) and on the map
 * (images given to MapLibre), so that the legend reads like the map.
 */
export const KINDS = ['company', 'ess', 'public_body', 'association', 'farm', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

/** Outline of every symbol: the text colour of the design tokens. */
export const OUTLINE = '#1d2522';

/**
 * Colours from a palette designed for colour-blind readers (Okabe and Ito), darkened where needed;
 * each shape's SVG path in a 20 × 20 box.
 */
export const KIND_STYLE: Record<Kind, { colour: string; shape: string; path: string }> = {
  company: { colour: '#0072b2', shape: 'circle', path: 'M10 3a7 7 0 1 0 0.001 0Z' },
  ess: { colour: '#009e73', shape: 'triangle', path: 'M10 2.5 18 17H2Z' },
  public_body: { colour: '#8e4a8c', shape: 'square', path: 'M3.5 3.5h13v13h-13Z' },
  association: { colour: '#d55e00', shape: 'diamond', path: 'M10 1.5 18.5 10 10 18.5 1.5 10Z' },
  farm: { colour: '#e69f00', shape: 'star', path: 'M10 1.5l2.4 5.6 6.1.5-4.6 4 1.4 6-5.3-3.2-5.3 3.2 1.4-6-4.6-4 6.1-.5Z' },
  other: { colour: '#8a8f8c', shape: 'cross', path: 'M7 2.5h6v4.5h4.5v6H13v4.5H7V13H2.5V7H7Z' },
};

export const ICON_SIZE = 20;

/** The image MapLibre draws for a kind (device pixels, `ratio` times the CSS size). */
export function kindImage(kind: Kind, ratio: number): ImageData | undefined {
  const size = Math.ceil(ICON_SIZE * ratio);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  ctx.scale(ratio, ratio);
  const path = new Path2D(KIND_STYLE[kind].path);
  ctx.fillStyle = KIND_STYLE[kind].colour;
  ctx.fill(path);
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = OUTLINE;
  ctx.stroke(path);
  return ctx.getImageData(0, 0, size, size);
}
