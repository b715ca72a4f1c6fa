// Mantine theme of the web app: Noto Sans JP (bundled by us) so Japanese renders the same on every OS, and colours whose text reads at 4.5:1 or better (WCAG AA).
import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
} from '@mantine/core';

const fontFamily = "'Noto Sans JP', sans-serif";

/** WCAG AA for body text. A little above 4.5 so rounding in a browser's blend never tips a pair below it. */
const minimumContrast = 4.6;

function channels(hex: string): [number, number, number] {
  const value = hex.replace('#', '');
  return [0, 2, 4].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

function relativeLuminance([r, g, b]: [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** A colour laid over white at `alpha`, as the light variant's background is drawn. */
function overWhite(rgb: [number, number, number], alpha: number): [number, number, number] {
  return rgb.map((c) => Math.round(255 - (255 - c) * alpha)) as [number, number, number];
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function darkened(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => Math.round(c * (1 - amount))) as [number, number, number]);
}

const white: [number, number, number] = [255, 255, 255];

/** The lightest of shades 7–9 that passes, or shade 9 darkened until it does (green, orange, yellow). */
function firstPassing(
  palette: MantineColorsTuple,
  passes: (rgb: [number, number, number]) => boolean,
): string {
  for (const shade of [7, 8, 9] as const) if (passes(channels(palette[shade]))) return palette[shade];
  let hex = palette[9];
  for (let step = 1; step <= 20 && !passes(channels(hex)); step++) hex = darkened(palette[9], step * 0.03);
  return hex;
}

/**
 * A palette's background for white text (filled buttons and badges). Mantine's default shade 6 gives
 * 3.55:1 for white on blue.
 */
export function readableFill(palette: MantineColorsTuple): string {
  return firstPassing(palette, (rgb) => contrast(rgb, white) >= minimumContrast);
}

/** A palette's text colour, readable on white and on its own light (10 %) background: green 6 is 2.4:1. */
export function readableText(palette: MantineColorsTuple): string {
  return firstPassing(
    palette,
    (rgb) => contrast(rgb, white) >= minimumContrast && contrast(rgb, overWhite(rgb, 0.1)) >= minimumContrast,
  );
}

export const theme = createTheme({
  fontFamily,
  headings: { fontFamily },
  primaryColor: 'blue',
  // Blue 8 (#1971c2) carries white text at 5.0:1; the default shade 6 only at 3.55:1.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  components: {
    // A link in running text must be told apart from the text by more than its colour (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: 'always' } },
    // Mantine capitalises badges: "KEIYAKU デモストア" is not the store's name, and codes must read as written.
    Badge: { styles: { root: { textTransform: 'none' } } },
  },
});

/**
 * Colours for the light scheme: every palette's filled background carries white text, and its light-variant
 * text, outline and `c="…"` text read on white and on its light background; secondary text (dimmed) and errors are darkened to pass on white and
 * on the grey of striped rows.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': readableText(DEFAULT_THEME.colors.red),
    '--mantine-color-anchor': readableText(DEFAULT_THEME.colors.blue),
  };
  for (const [name, palette] of Object.entries(DEFAULT_THEME.colors)) {
    if (name === 'dark' || name === 'gray') continue;
    const fill = readableFill(palette);
    const text = readableText(palette);
    light[`--mantine-color-${name}-filled`] = fill;
    light[`--mantine-color-${name}-filled-hover`] = darkened(fill, 0.12);
    light[`--mantine-color-${name}-light-color`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    light[`--mantine-color-${name}-text`] = text;
  }
  // Grey badges and buttons: shade 6 (#868e96) is 3.3:1 on white.
  light['--mantine-color-gray-light-color'] = '#5c636a';
  light['--mantine-color-gray-text'] = '#5c636a';
  light['--mantine-color-gray-filled'] = '#5c636a';
  light['--mantine-color-gray-outline'] = '#5c636a';
  return { variables: {}, light, dark: {} };
};
