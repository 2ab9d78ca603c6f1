import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/** The web apps' theme: text must reach 4.5:1 against its background (WCAG AA). */
export const theme = createTheme({ primaryShade: 8, autoContrast: true, luminanceThreshold: 0.45 });

/** Darker shades than Mantine's defaults for dimmed text and light badges and alerts. */
export const contrast: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    // Field errors and the required mark: Mantine's red is too light on white.
    '--mantine-color-error': t.colors.red[9],
    ...Object.fromEntries(
      Object.entries({
        blue: '#0b4f8a',
        gray: '#343a40',
        red: '#a51111',
        orange: '#8a3a00',
        green: '#1f6b2e',
        yellow: '#6b5200',
      }).map(([c, v]) => [`--mantine-color-${c}-light-color`, v]),
    ),
  },
  dark: {},
});
