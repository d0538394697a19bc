// DateRangeFields, the From–To dates of Reports and Activity: a range is handed on only when it holds;
// otherwise the field just changed says why, and says it to screen readers too.
import { describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createVuetify } from 'vuetify';
import DateRangeFields from '../../renderer/src/components/common/DateRangeFields.vue';

const vuetify = createVuetify();

function mountRange(props: { required?: boolean } = {}) {
  const changes: [string, string][] = [];
  const wrapper = mount(DateRangeFields, {
    props: {
      from: '2026-11-01',
      to: '2026-11-30',
      label: 'Report dates',
      testid: 'report',
      onChange: (from: string, to: string) => changes.push([from, to]),
      ...props,
    },
    global: { plugins: [vuetify] },
    attachTo: document.body,
  });
  return { wrapper, changes };
}

async function type(wrapper: VueWrapper, field: 'from' | 'to', value: string): Promise<void> {
  await wrapper.find(`[data-testid="report-${field}"] input`).setValue(value);
}

/** The message a field's input points at with aria-describedby ('' when none). */
function describedBy(wrapper: VueWrapper, field: 'from' | 'to'): string {
  const input = wrapper.find(`[data-testid="report-${field}"] input`).element;
  const id = input.getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? '') : '';
}

describe('DateRangeFields', () => {
  it('is one group named by what the dates bound, each field labelled', () => {
    const { wrapper } = mountRange();
    expect(wrapper.attributes('role')).toBe('group');
    expect(wrapper.attributes('aria-label')).toBe('Report dates');
    for (const [field, label] of [
      ['from', 'From'],
      ['to', 'To'],
    ] as const) {
      const input = wrapper.find(`[data-testid="report-${field}"] input`).element;
      const labelId = input.getAttribute('aria-labelledby') ?? '';
      expect(document.getElementById(labelId)?.textContent).toBe(label);
    }
    wrapper.unmount();
  });

  it('hands on a range that holds', async () => {
    const { wrapper, changes } = mountRange();
    await type(wrapper, 'from', '2026-11-10');
    await type(wrapper, 'to', '2026-11-10');
    expect(changes).toEqual([
      ['2026-11-10', '2026-11-30'],
      ['2026-11-10', '2026-11-10'],
    ]);
    expect(describedBy(wrapper, 'from')).toBe('');
    wrapper.unmount();
  });

  it('keeps a From after To back, says so on that field, and takes the range once To is moved', async () => {
    const { wrapper, changes } = mountRange();
    await type(wrapper, 'from', '2026-12-05');
    expect(changes).toEqual([]);
    expect(describedBy(wrapper, 'from')).toBe('Pick a date on or before To.');
    expect(wrapper.find('[data-testid="report-from"] input').attributes('aria-invalid')).toBe(
      'true',
    );
    expect(describedBy(wrapper, 'to')).toBe('');

    await type(wrapper, 'to', '2026-12-06');
    expect(changes).toEqual([['2026-12-05', '2026-12-06']]);
    expect(describedBy(wrapper, 'from')).toBe('');
    wrapper.unmount();
  });

  it('says a To before From on the To field', async () => {
    const { wrapper, changes } = mountRange();
    await type(wrapper, 'to', '2026-10-31');
    expect(changes).toEqual([]);
    expect(describedBy(wrapper, 'to')).toBe('Pick a date on or after From.');
    wrapper.unmount();
  });

  it('lets an optional date be emptied, and asks for a required one', async () => {
    const optional = mountRange();
    await type(optional.wrapper, 'from', '');
    expect(optional.changes).toEqual([['', '2026-11-30']]);
    optional.wrapper.unmount();

    const required = mountRange({ required: true });
    await type(required.wrapper, 'from', '');
    expect(required.changes).toEqual([]);
    expect(describedBy(required.wrapper, 'from')).toBe('Pick a date.');
    required.wrapper.unmount();
  });
});
