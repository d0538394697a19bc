// The organization scope: the flat list from the service becomes an indented tree, labelled `ID NAME`.
import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import {
  displayOrganizationId,
  organizationLabel,
  useOrganizationsStore,
} from '../../renderer/src/stores/organizations';
import type { Organization } from '../../common/api/organizations';

function organization(id: string, name: string, parentId: string | null): Organization {
  return {
    id,
    name,
    parentId,
    numbers: { available: 0, reserved: 0, assigned: 0, registered: 0 },
    capacity: 0,
    createdAt: '2026-11-27T00:00:00Z',
  };
}

describe('organizations store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('orders the subtree as a tree, children under their parent, siblings by name', () => {
    const store = useOrganizationsStore();
    store.organizations = [
      organization('c', 'Sales', 'root'),
      organization('root', 'Northwind', null),
      organization('a', 'Support', 'root'),
      organization('w', 'West', 'a'),
    ];
    expect(store.flatTree.map((row) => `${row.depth}:${row.organization.name}`)).toEqual([
      '0:Northwind',
      '1:Sales',
      '1:Support',
      '2:West',
    ]);
    expect(store.subtreeIds('a')).toEqual(['a', 'w']);
  });

  it('treats an organization whose parent is not visible as a root (an admin of a branch)', () => {
    const store = useOrganizationsStore();
    store.organizations = [
      organization('b', 'Branch', 'hidden-parent'),
      organization('x', 'Desk', 'b'),
    ];
    expect(store.tree).toHaveLength(1);
    expect(store.tree[0]?.organization.id).toBe('b');
  });

  it('shows UUID ids by their first 8 characters and other ids as they are', () => {
    expect(displayOrganizationId('6cf1c978-f152-4bbf-9f91-d806effed484')).toBe('6CF1C978');
    expect(displayOrganizationId('1001')).toBe('1001');
    expect(organizationLabel({ id: '1001', name: 'Acme' })).toBe('1001 Acme');
  });
});
