// Small components of the admin screens, mounted with Vuetify in happy-dom.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createVuetify } from 'vuetify';
import PrivilegeChecklist from '../../renderer/src/components/administrators/PrivilegeChecklist.vue';
import OutboxStatusChip from '../../renderer/src/components/outbox/OutboxStatusChip.vue';
import ActionButton from '../../renderer/src/components/admin-shared/ActionButton.vue';
import type { Privilege } from '../../common/api/administrators';

const vuetify = createVuetify();
const global = { plugins: [vuetify] };

describe('PrivilegeChecklist', () => {
  it('lists the six privileges with what each allows, and selects all of them', async () => {
    let granted: Privilege[] = ['accounts'];
    const wrapper = mount(PrivilegeChecklist, {
      props: {
        modelValue: granted,
        'onUpdate:modelValue': (value: Privilege[]) => {
          granted = value;
          void wrapper.setProps({ modelValue: value });
        },
      },
      global,
    });
    const text = wrapper.text();
    for (const label of [
      'Accounts',
      'Accounts Bulk Operations',
      'Numbers',
      'Administrators',
      'Setup',
      'Reports',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('Import accounts from CSV files');
    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Select all')
      ?.trigger('click');
    expect(granted).toHaveLength(6);
    expect(wrapper.text()).toContain('Clear all');
  });
});

describe('OutboxStatusChip', () => {
  it('shows a kept message as Not sent', () => {
    const wrapper = mount(OutboxStatusChip, { props: { status: 'kept' }, global });
    expect(wrapper.text()).toBe('Not sent');
  });
});

describe('ActionButton', () => {
  it('is disabled and does not click when a reason is given', async () => {
    const wrapper = mount(ActionButton, {
      props: { text: 'Add numbers', disabledReason: 'You need the Numbers privilege.' },
      global,
    });
    const button = wrapper.find('button');
    expect(button.attributes('disabled')).toBeDefined();
    await button.trigger('click');
    expect(wrapper.emitted('click')).toBeUndefined();
  });
  it('clicks when enabled', async () => {
    const wrapper = mount(ActionButton, { props: { icon: 'mdi-plus', label: 'Add' }, global });
    expect(wrapper.find('button').attributes('aria-label')).toBe('Add');
    await wrapper.find('button').trigger('click');
    expect(wrapper.emitted('click')).toHaveLength(1);
  });
});
