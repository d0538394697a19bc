// The Setup forms' shared life (organization settings, invitation template): read per organization,
// Save and Undo only when the form differs from what is saved, problems keep a save from being sent,
// refused fields come back to their fields.
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { defineComponent, ref } from 'vue';
import { ApiError } from '../../renderer/src/api/api-error';
import { useNotify } from '../../renderer/src/composables/use-notify';
import { useSavedForm } from '../../renderer/src/components/settings/use-saved-form';
import type { Organization } from '../../common/api/organizations';

interface Greeting {
  text: string;
  tags: string[];
}

function organization(id: string): Organization {
  return { id, name: `Org ${id}` } as Organization;
}

function mountForm(write: (id: string, value: Greeting) => Promise<Greeting>) {
  const current = ref(organization('org-1'));
  const reads: string[] = [];
  const writes: Greeting[] = [];
  let form!: ReturnType<typeof useSavedForm<Greeting>>;
  mount(
    defineComponent({
      setup() {
        form = useSavedForm(() => current.value, {
          initial: { text: '', tags: [] },
          read: (id) => {
            reads.push(id);
            return Promise.resolve({ text: `hello ${id}`, tags: ['a'] });
          },
          write: (id, value) => {
            writes.push(value);
            return write(id, value);
          },
          copy: (value) => ({ ...value, tags: [...value.tags] }),
          prepare: (value) => {
            const problems: Record<string, string> = {};
            if (!value.text.trim()) problems.text = 'Write something.';
            return { value: { ...value, text: value.text.trim() }, problems };
          },
          savedText: (label) => `Greeting of ${label} saved.`,
          notSavedText: 'The greeting was not saved',
        });
        return () => null;
      },
    }),
  );
  return { form: () => form, current, reads, writes };
}

describe('useSavedForm', () => {
  it('reads the organization, tells a change from the saved value, and undoes it', async () => {
    const { form, current, reads } = mountForm((_, value) => Promise.resolve(value));
    await flushPromises();
    expect(form().form.value).toEqual({ text: 'hello org-1', tags: ['a'] });
    expect(form().changed.value).toBe(false);

    form().form.value.tags.push('b');
    expect(form().changed.value).toBe(true);
    expect(form().saved.value?.tags).toEqual(['a']);
    form().revert();
    expect(form().changed.value).toBe(false);

    current.value = organization('org-2');
    await flushPromises();
    expect(reads).toEqual(['org-1', 'org-2']);
    expect(form().form.value.text).toBe('hello org-2');
  });

  it('sends nothing while the form has problems, then sends the prepared value', async () => {
    const notify = useNotify();
    while (notify.state.current) notify.dismiss();
    const { form, writes } = mountForm((_, value) => Promise.resolve(value));
    await flushPromises();
    form().form.value.text = '   ';
    await form().save();
    expect(writes).toEqual([]);
    expect(form().errors.value).toEqual({ text: 'Write something.' });

    form().form.value.text = '  hi  ';
    await form().save();
    expect(writes).toEqual([{ text: 'hi', tags: ['a'] }]);
    expect(form().errors.value).toEqual({});
    expect(form().changed.value).toBe(false);
    expect(useNotify().state.current?.text).toBe('Greeting of org-1 Org org-1 saved.');
  });

  it("puts the service's refused fields on their fields", async () => {
    const refusal = new ApiError('VALIDATION_FAILED', 'Check the highlighted fields.', {
      status: 422,
      fields: { text: 'Too friendly.' },
    });
    const { form } = mountForm(() => Promise.reject(refusal));
    await flushPromises();
    form().form.value.text = 'hey';
    await form().save();
    expect(form().errors.value).toEqual({ text: 'Too friendly.' });
    expect(form().changed.value).toBe(true);
    expect(form().busy.value).toBe(false);
  });
});
