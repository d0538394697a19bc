// The themes' contrast pairs, computed from the colours Vuetify derives from our theme definitions:
// text 4.5:1 and parts of controls 3:1 (WCAG 2.1 AA 1.4.3 / 1.4.11), in light and dark.
import { describe, expect, it } from 'vitest';
import { vuetify } from '../../renderer/src/plugins/vuetify';

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const short = hex.replace('#', '');
  // Vuetify writes its derived on-colours short (#FFF).
  const value = short.length === 3 ? [...short].map((digit) => digit + digit).join('') : short;
  return [0, 2, 4].map((at) => parseInt(value.slice(at, at + 2), 16)) as Rgb;
}

/** `color` drawn at `alpha` over an opaque `under`. */
function over(color: Rgb, alpha: number, under: Rgb): Rgb {
  return color.map((channel, index) => channel * alpha + under[index]! * (1 - alpha)) as Rgb;
}

function luminance(color: Rgb): number {
  const [r, g, b] = color.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function ratio(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Colours the screens use as text or as a chip/button colour. */
const statusColours = ['primary', 'secondary', 'success', 'warning', 'error', 'info', 'neutral'];
/** Colours used as a filled background (flat buttons, snackbars, the account avatar). */
const filledColours = ['primary', 'success', 'warning', 'error', 'info'];

for (const name of ['light', 'dark'] as const) {
  describe(`${name} theme contrast`, () => {
    const theme = vuetify.theme.computedThemes.value[name]!;
    const colour = (key: string): Rgb => {
      const value = theme.colors[key];
      if (typeof value !== 'string') throw new Error(`The ${name} theme has no colour ${key}.`);
      return rgb(value);
    };
    const number = (key: string): number => Number(theme.variables[key]);
    const grounds = { surface: colour('surface'), background: colour('background') };
    const medium = number('medium-emphasis-opacity');
    const tonal = number('activated-opacity');

    const text: [string, Rgb, Rgb][] = [];
    const parts: [string, Rgb, Rgb][] = [];
    for (const [groundName, ground] of Object.entries(grounds)) {
      const onGround = colour(`on-${groundName}`);
      text.push([`body text on ${groundName}`, onGround, ground]);
      // Labels, hints, secondary lines and disabled-but-explained buttons (app.css).
      text.push([`medium-emphasis text on ${groundName}`, over(onGround, medium, ground), ground]);
      for (const key of statusColours) {
        text.push([`${key} text / outlined chip on ${groundName}`, colour(key), ground]);
        // Tonal chips: the colour's text over a 12% wash of itself.
        text.push([
          `${key} tonal chip on ${groundName}`,
          colour(key),
          over(colour(key), tonal, ground),
        ]);
      }
      // Outlined field borders (app.css raises Vuetify's 0.38 to 0.55) and the focus ring.
      parts.push([`field outline on ${groundName}`, over(onGround, 0.55, ground), ground]);
      parts.push([`focus ring / selection (primary) on ${groundName}`, colour('primary'), ground]);
    }
    const disabledGround = colour('surface-variant');
    text.push([
      'disabled flat button',
      over(colour('on-surface'), medium, disabledGround),
      disabledGround,
    ]);
    for (const key of filledColours) {
      text.push([`text on a filled ${key} button or snackbar`, colour(`on-${key}`), colour(key)]);
    }

    it.each(text)('%s reaches 4.5:1', (_pair, foreground, background) => {
      expect(ratio(foreground, background)).toBeGreaterThanOrEqual(4.5);
    });
    it.each(parts)('%s reaches 3:1', (_pair, foreground, background) => {
      expect(ratio(foreground, background)).toBeGreaterThanOrEqual(3);
    });
  });
}
