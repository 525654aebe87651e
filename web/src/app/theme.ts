import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * A UN-like blue, darkened so that text and controls reach WCAG AA contrast on white
 * (Mantine's default blue reaches 3.55:1). Shade 7, the primary, gives 7.1:1 with white.
 */
const unBlue: MantineColorsTuple = [
  '#e7f3fa',
  '#cde5f3',
  '#9ccbe7',
  '#67afdb',
  '#3a97d0',
  '#1b86c6',
  '#0a6ea8',
  '#005a8c',
  '#004c73',
  '#003a58',
];

const arabicFonts = '"Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Arabic Typesetting", "Traditional Arabic"';
const cjkFonts = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC"';
const systemFonts = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial';

export const theme = createTheme({
  primaryColor: 'un',
  primaryShade: 7,
  colors: { un: unBlue },
  fontFamily: `${systemFonts}, ${arabicFonts}, ${cjkFonts}, sans-serif`,
  headings: { fontFamily: `${systemFonts}, ${arabicFonts}, ${cjkFonts}, sans-serif`, fontWeight: '650' },
  defaultRadius: 'sm',
  focusRing: 'auto',
  autoContrast: true,
  cursorType: 'pointer',
  respectReducedMotion: true,
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/** Dimmed text, placeholders and errors in shades that reach 4.5:1 on white (Mantine's defaults do not). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057',
    '--mantine-color-placeholder': '#5c636a',
    '--mantine-color-error': '#b02a2a',
    '--mantine-color-anchor': 'var(--mantine-color-un-7)',
  },
  dark: {},
});
