// A notification is announced by screen readers once: one live region holds its text, and the
// snackbar's own live region (Vuetify's role="status") holds none of it.
import { afterEach, describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { nextTick } from 'vue';
import { createVuetify } from 'vuetify';
import NotifyHost from '../../renderer/src/components/NotifyHost.vue';
import { useNotify } from '../../renderer/src/composables/use-notify';

// happy-dom has no visualViewport, which Vuetify's overlays listen to; a still viewport is enough here.
if (!('visualViewport' in window)) {
  Object.defineProperty(window, 'visualViewport', {
    value: Object.assign(new EventTarget(), { width: 1024, height: 768, scale: 1, offsetTop: 0 }),
  });
}

const liveSelector =
  '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';

/** The text a screen reader gets from an element: what is not under aria-hidden="true". */
function spokenText(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(spokenText).join(' ');
}

/** The outermost live regions of the page whose spoken text holds `text`. */
function regionsAnnouncing(text: string): Element[] {
  const regions = [...document.querySelectorAll(liveSelector)];
  return regions
    .filter((region) => !regions.some((outer) => outer !== region && outer.contains(region)))
    .filter((region) => spokenText(region).replace(/\s+/g, ' ').includes(text));
}

describe('NotifyHost', () => {
  let wrapper: VueWrapper | null = null;
  afterEach(() => {
    useNotify().dismiss();
    wrapper?.unmount();
    document.body.innerHTML = '';
  });

  it('announces a notification and its details in one live region only', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    wrapper = mount(NotifyHost, {
      attachTo: host,
      global: { plugins: [createVuetify()] },
    });
    useNotify().warning('2 accounts were not moved', ['Ada Audit: already in that organization']);
    await nextTick();
    await nextTick();
    const shown = document.querySelector('[data-testid="notification-text"]');
    expect(shown?.textContent).toContain('2 accounts were not moved');
    // Vuetify's content region is there, but says nothing.
    expect(document.querySelector('.v-snackbar__content[role="status"]')).not.toBeNull();
    const regions = regionsAnnouncing('2 accounts were not moved');
    expect(regions).toHaveLength(1);
    expect(regions[0]!.getAttribute('data-testid')).toBe('notification-announcer');
    expect(regionsAnnouncing('already in that organization')).toHaveLength(1);
  });
});
