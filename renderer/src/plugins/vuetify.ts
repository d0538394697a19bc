// Vuetify setup: calm light and dark themes with AA contrast, compact density everywhere, MDI icons.
import '@mdi/font/css/materialdesignicons.css';
import 'vuetify/styles';
import { createVuetify, type ThemeDefinition } from 'vuetify';
import { aliases, mdi } from 'vuetify/iconsets/mdi';

const light: ThemeDefinition = {
  dark: false,
  colors: {
    background: '#f4f6f9',
    surface: '#ffffff',
    'surface-variant': '#e8ecf2',
    'on-surface-variant': '#37414f',
    primary: '#1d5fc4',
    secondary: '#4a5a70',
    // Dark enough that a tonal chip (the colour on a 12% wash of itself) still reads 4.5:1
    // (tests/renderer/theme-contrast.test.ts).
    success: '#1a6e35',
    warning: '#8f5100',
    error: '#b02a25',
    info: '#1b6499',
    // Grey of "Not Invited" and other quiet states; the palette's grey is too light for text.
    neutral: '#5b6675',
    'rail-background': '#1c2533',
  },
  // Vuetify's default leaves labels, hints and secondary text at 4.3:1 on white; 0.7 reaches AA.
  variables: { 'medium-emphasis-opacity': 0.7 },
};

const dark: ThemeDefinition = {
  dark: true,
  colors: {
    background: '#12161d',
    surface: '#1a2029',
    'surface-variant': '#2a323e',
    'on-surface-variant': '#d5dce6',
    primary: '#7fb0ff',
    secondary: '#a9b7c9',
    success: '#66c787',
    warning: '#f0b44c',
    error: '#ff8a80',
    info: '#7cc4f2',
    neutral: '#aab4c3',
    'rail-background': '#0d1117',
  },
};

/**
 * Dialogs and menus open and close through Vuetify's dialog transition, which animates in script
 * (the Web Animations API, out of the CSS rule in app.css) and under reduced motion still fades for
 * 85–125 ms. An admin whose system asks for less motion gets no transition there at all.
 */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
const stillOverlays = reducedMotion
  ? { VDialog: { transition: false }, VMenu: { transition: false } }
  : {};

/** The one Vuetify instance; the theme name is switched by the preferences store. */
export const vuetify = createVuetify({
  theme: { defaultTheme: 'light', themes: { light, dark } },
  icons: { defaultSet: 'mdi', aliases, sets: { mdi } },
  defaults: {
    global: { density: 'compact' },
    VTextField: { variant: 'outlined', density: 'compact', hideDetails: 'auto', color: 'primary' },
    VSelect: { variant: 'outlined', density: 'compact', hideDetails: 'auto', color: 'primary' },
    VAutocomplete: {
      variant: 'outlined',
      density: 'compact',
      hideDetails: 'auto',
      color: 'primary',
    },
    VTextarea: { variant: 'outlined', density: 'compact', hideDetails: 'auto' },
    VCheckbox: { density: 'compact', hideDetails: 'auto', color: 'primary' },
    VSwitch: { density: 'compact', hideDetails: 'auto', color: 'primary', inset: true },
    VBtn: { density: 'comfortable' },
    VChip: { size: 'small' },
    VCard: { elevation: 0 },
    // Eager tooltips leave an empty role="tooltip" node per activator in the page (axe
    // aria-tooltip-name; vuetifyjs/vuetify#21242): render them only while shown.
    VTooltip: { location: 'bottom', openDelay: 300, eager: false },
    VDataTableServer: { density: 'compact', hover: true, fixedHeader: true },
    ...stillOverlays,
  },
});
