import { afterEach, describe, expect, it } from 'vitest';
import {
  parseCssColor,
  readHostTheme,
  relativeLuminance,
  themeOfColour,
} from '../../../sites/shared/host-theme';

describe('reading colours as the browser computes them', () => {
  it('reads rgb(), rgba(), the space syntax, #hex and transparent', () => {
    expect(parseCssColor('rgb(31, 31, 31)')).toEqual({ r: 31, g: 31, b: 31, a: 1 });
    expect(parseCssColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseCssColor('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseCssColor('#f6f8fc')).toEqual({ r: 246, g: 248, b: 252, a: 1 });
    expect(parseCssColor('#0008')).toMatchObject({ r: 0, a: 0x88 / 255 });
    expect(parseCssColor('transparent')).toMatchObject({ a: 0 });
    expect(parseCssColor('oklch(0.2 0 0)')).toBeNull();
  });

  it('tells light from dark backgrounds by luminance', () => {
    expect(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1);
    expect(relativeLuminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    // Gmail's light and dark backgrounds, LinkedIn's dark one, and a mid grey either side.
    expect(themeOfColour(parseCssColor('#f6f8fc')!)).toBe('light');
    expect(themeOfColour(parseCssColor('#1f1f1f')!)).toBe('dark');
    expect(themeOfColour(parseCssColor('#1b1f23')!)).toBe('dark');
    expect(themeOfColour(parseCssColor('#808080')!)).toBe('light');
    expect(themeOfColour(parseCssColor('#5a5a5a')!)).toBe('dark');
  });
});

describe("the host page's theme", () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
    document.body.removeAttribute('style');
  });

  it('is dark when the page paints a dark background', () => {
    document.head.innerHTML = '<style>body { background-color: #1f1f1f; }</style>';
    document.body.innerHTML = '<div role="main">Inbox</div>';
    expect(readHostTheme(document)).toBe('dark');
  });

  it('is light when the page paints a light background', () => {
    document.body.setAttribute('style', 'background-color: rgb(246, 248, 252)');
    expect(readHostTheme(document)).toBe('light');
  });

  it('is unknown when nothing is painted, so the system decides', () => {
    expect(readHostTheme(document)).toBeNull();
  });

  it('looks past a translucent layer to what is painted behind it', () => {
    document.body.setAttribute('style', 'background-color: rgba(255, 255, 255, 0.1)');
    document.documentElement.setAttribute('style', 'background-color: #202124');
    expect(readHostTheme(document)).toBe('dark');
    document.documentElement.removeAttribute('style');
  });
});
