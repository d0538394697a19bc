// AddNumbersDialog: every pasted entry is checked before anything is sent, with its own sentence.
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { vuetify } from './support/overlay-dom';
import AddNumbersDialog from '../../renderer/src/components/organizations/AddNumbersDialog.vue';

describe('AddNumbersDialog', () => {
  it('counts ready entries, names each problem and labels the button with the count', async () => {
    const wrapper = mount(AddNumbersDialog, {
      props: { modelValue: true, organizationLabel: '1A2B3C4D Northwind Sales' },
      global: { plugins: [vuetify, createPinia()] },
      attachTo: document.body,
    });
    await flushPromises();
    const textarea = document.body.querySelector<HTMLTextAreaElement>(
      '[data-testid="numbers-input"] textarea',
    );
    expect(textarea).not.toBeNull();
    textarea!.value = '+1 202 555 0143\n2025550144\n+12025550143\n+44 20 7946 0958';
    textarea!.dispatchEvent(new Event('input'));
    await flushPromises();

    const text = document.body.textContent ?? '';
    expect(text).toContain('Add numbers to 1A2B3C4D Northwind Sales');
    expect(text).toContain('2 ready');
    expect(text).toContain('2 with problems — left out');
    expect(text).toContain('Entry 2:');
    expect(text).toContain('needs a country code');
    expect(text).toContain('Entry 3:');
    expect(text).toContain('+12025550143 is already in this list (entry 1).');
    const submit = document.body.querySelector<HTMLButtonElement>(
      '[data-testid="add-numbers-submit"]',
    );
    expect(submit?.textContent?.trim()).toBe('Add 2 numbers');
    expect(submit?.disabled).toBe(false);
    wrapper.unmount();
  });

  it('keeps Add disabled until at least one number is valid', async () => {
    const wrapper = mount(AddNumbersDialog, {
      props: { modelValue: true, organizationLabel: 'Org' },
      global: { plugins: [vuetify, createPinia()] },
      attachTo: document.body,
    });
    await flushPromises();
    const textarea = document.body.querySelector<HTMLTextAreaElement>(
      '[data-testid="numbers-input"] textarea',
    );
    textarea!.value = 'not a number';
    textarea!.dispatchEvent(new Event('input'));
    await flushPromises();
    const submit = document.body.querySelector<HTMLButtonElement>(
      '[data-testid="add-numbers-submit"]',
    );
    expect(submit?.disabled).toBe(true);
    expect(document.body.textContent).toContain('Entry 1:');
    wrapper.unmount();
  });
});
