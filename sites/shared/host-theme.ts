// Whether the page under the panel is light or dark, read from the colour it actually paints
// rather than from Gmail's or LinkedIn's theme classes, which change without notice.

export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** A computed CSS colour (rgb(), rgba(), #hex, transparent) as numbers; null if unreadable. */
export function parseCssColor(value: string): Rgba | null {
  const text = value.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  if (text === 'white') return { r: 255, g: 255, b: 255, a: 1 };
  if (text === 'black') return { r: 0, g: 0, b: 0, a: 1 };
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const byte = (i: number) => parseInt(full.slice(i * 2, i * 2 + 2), 16);
    return { r: byte(0), g: byte(1), b: byte(2), a: full.length === 8 ? byte(3) / 255 : 1 };
  }
  const rgb =
    /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?)\s*)?\)$/.exec(text);
  if (!rgb) return null;
  const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]) / (rgb[5] ? 100 : 1);
  return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: alpha };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Below this luminance a background reads as dark: about mid-grey to the eye (L* 50). */
const DARK_BELOW = 0.18;

export function themeOfColour(colour: Rgba): 'light' | 'dark' {
  return relativeLuminance(colour) < DARK_BELOW ? 'dark' : 'light';
}

/** The first mostly opaque background colour at `element` or behind it, up its ancestors. */
function paintedBackground(element: Element, view: Window): Rgba | null {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const colour = parseCssColor(view.getComputedStyle(node).backgroundColor);
    if (colour && colour.a >= 0.5) return colour;
  }
  return null;
}

/**
 * The host page's theme: the background painted behind the middle of the window (what the
 * rep is reading), else the body's or the root's. Null when nothing is painted (the
 * browser's canvas): then the panel follows the system. `ownHost` (the panel) is looked past.
 */
export function readHostTheme(
  document: Document,
  ownHost?: Element | null,
): 'light' | 'dark' | null {
  const view = document.defaultView;
  if (!view) return null;
  const atCentre =
    typeof document.elementsFromPoint === 'function'
      ? document
          .elementsFromPoint(view.innerWidth / 2, view.innerHeight / 2)
          .find((el) => !ownHost || !ownHost.contains(el))
      : undefined;
  for (const start of [atCentre, document.body, document.documentElement]) {
    const colour = start ? paintedBackground(start, view) : null;
    if (colour) return themeOfColour(colour);
  }
  return null;
}
