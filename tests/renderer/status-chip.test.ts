// StatusChip: each status in the product's words and colour.
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createVuetify } from 'vuetify';
import StatusChip from '../../renderer/src/components/StatusChip.vue';
import type { AccountStatus } from '../../renderer/src/utils/account-status';

const vuetify = createVuetify();

describe('StatusChip', () => {
  const cases: [AccountStatus, string, string][] = [
    ['activated', 'Activated', 'text-success'],
    ['invited', 'Invited', 'text-warning'],
    ['invitation_failed', 'Invitation Failed', 'text-error'],
    ['suspended', 'Suspended', 'text-error'],
    ['not_invited', 'Not Invited', 'text-neutral'],
  ];
  it.each(cases)('%s reads "%s" with %s', (status, label, colourClass) => {
    const wrapper = mount(StatusChip, { props: { status }, global: { plugins: [vuetify] } });
    expect(wrapper.text()).toBe(label);
    expect(wrapper.classes()).toContain(colourClass);
  });
});
