// Mounting Vuetify overlays (dialogs) in happy-dom: a still visualViewport, which happy-dom lacks and
// Vuetify's overlays listen to, and a body emptied after each test so teleported dialogs do not pile up.
import { afterEach } from 'vitest';
import { createVuetify } from 'vuetify';

if (!('visualViewport' in window)) {
  Object.defineProperty(window, 'visualViewport', {
    value: Object.assign(new EventTarget(), { width: 1024, height: 768, scale: 1, offsetTop: 0 }),
  });
}

afterEach(() => {
  document.body.innerHTML = '';
});

/** The Vuetify instance overlay tests mount with. */
export const vuetify = createVuetify();
