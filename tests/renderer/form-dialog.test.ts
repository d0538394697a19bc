// FormDialog, the frame of the small dialogs: Enter in a field submits (Ctrl+Enter in a multi-line
// one), nothing is submitted while busy or while the submit button says why it cannot be used.
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, h } from 'vue';
import { vuetify } from './support/overlay-dom';
import FormDialog from '../../renderer/src/components/common/FormDialog.vue';

/** A dialog with one line and one multi-line field; counts its submits. */
function mountDialog(props: Record<string, unknown> = {}) {
  let submits = 0;
  const wrapper = mount(
    defineComponent({
      setup: () => () =>
        h(
          FormDialog,
          {
            modelValue: true,
            title: 'Add a thing',
            submitText: 'Add',
            submitTestid: 'thing-submit',
            'data-testid': 'thing-dialog',
            onSubmit: () => (submits += 1),
            ...props,
          },
          () => [h('input', { name: 'line' }), h('textarea', { name: 'text' })],
        ),
    }),
    { global: { plugins: [vuetify] }, attachTo: document.body },
  );
  return { wrapper, submits: () => submits };
}

function field(name: string): HTMLElement {
  const element = document.body.querySelector<HTMLElement>(`[name="${name}"]`);
  if (!element) throw new Error(`no field ${name}`);
  return element;
}

function press(target: HTMLElement, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, ...init }));
}

describe('FormDialog', () => {
  it('names the card, submits on Enter in a line and on Ctrl+Enter in a text', async () => {
    const dialog = mountDialog();
    await flushPromises();
    const card = document.body.querySelector('[data-testid="thing-dialog"]');
    expect(card?.textContent).toContain('Add a thing');
    press(field('line'));
    expect(dialog.submits()).toBe(1);
    press(field('text'));
    expect(dialog.submits()).toBe(1);
    press(field('text'), { ctrlKey: true });
    expect(dialog.submits()).toBe(2);
    document.body.querySelector<HTMLButtonElement>('[data-testid="thing-submit"]')?.click();
    await flushPromises();
    expect(dialog.submits()).toBe(3);
    dialog.wrapper.unmount();
  });

  it('does not submit while busy or while the submit button says why it cannot', async () => {
    const busy = mountDialog({ busy: true });
    await flushPromises();
    press(field('line'));
    expect(busy.submits()).toBe(0);
    busy.wrapper.unmount();

    const blocked = mountDialog({ submitDisabledReason: 'Choose a destination first.' });
    await flushPromises();
    press(field('line'));
    expect(blocked.submits()).toBe(0);
    const submit = document.body.querySelector<HTMLButtonElement>('[data-testid="thing-submit"]');
    expect(submit?.disabled).toBe(true);
    expect(submit?.parentElement?.getAttribute('aria-label')).toBe(
      'Add: Choose a destination first.',
    );
    blocked.wrapper.unmount();
  });

  it('shows the error sentence', async () => {
    const dialog = mountDialog({ error: 'The service refused the name.' });
    await flushPromises();
    expect(document.body.textContent).toContain('The service refused the name.');
    dialog.wrapper.unmount();
  });
});
