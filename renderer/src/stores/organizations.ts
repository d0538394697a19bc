// Organizations store: the signed-in admin's subtree (with capacity), and the organization scope the
// screens work in (the top-bar selector) with its include-sub-organizations switch.
import { defineStore } from 'pinia';
import { createOrganization, listOrganizations } from '../api/organizations';
import type { Organization } from '../../../common/api/organizations';
import { errorMessage } from '../api/api-error';

export interface OrganizationNode {
  organization: Organization;
  depth: number;
  children: OrganizationNode[];
}

interface State {
  organizations: Organization[];
  loading: boolean;
  error: string | null;
  /** The organization the screens are scoped to; null until the tree loads (then the root). */
  scopeId: string | null;
  includeSubOrganizations: boolean;
  loadedAt: string | null;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ID as shown: the service's ids are UUIDs, so the first 8 characters (enough to tell them apart). */
export function displayOrganizationId(id: string): string {
  return uuidPattern.test(id) ? id.slice(0, 8).toUpperCase() : id;
}

/** `ID NAME`, the way organizations are shown everywhere. */
export function organizationLabel(organization: Pick<Organization, 'id' | 'name'>): string {
  return `${displayOrganizationId(organization.id)} ${organization.name}`;
}

export const useOrganizationsStore = defineStore('organizations', {
  state: (): State => ({
    organizations: [],
    loading: false,
    error: null,
    scopeId: null,
    includeSubOrganizations: true,
    loadedAt: null,
  }),
  getters: {
    byId(state): Map<string, Organization> {
      return new Map(state.organizations.map((organization) => [organization.id, organization]));
    },
    /** Roots of the visible tree: organizations whose parent is not visible to this admin. */
    tree(state): OrganizationNode[] {
      const ids = new Set(state.organizations.map((organization) => organization.id));
      const children = new Map<string | null, Organization[]>();
      for (const organization of state.organizations) {
        const parent =
          organization.parentId && ids.has(organization.parentId) ? organization.parentId : null;
        const list = children.get(parent) ?? [];
        list.push(organization);
        children.set(parent, list);
      }
      const build = (parent: string | null, depth: number): OrganizationNode[] =>
        (children.get(parent) ?? [])
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((organization) => ({
            organization,
            depth,
            children: build(organization.id, depth + 1),
          }));
      return build(null, 0);
    },
    /** The tree flattened in display order, with depth for indentation. */
    flatTree(): { organization: Organization; depth: number }[] {
      const rows: { organization: Organization; depth: number }[] = [];
      const walk = (nodes: OrganizationNode[]) => {
        for (const node of nodes) {
          rows.push({ organization: node.organization, depth: node.depth });
          walk(node.children);
        }
      };
      walk(this.tree);
      return rows;
    },
    scope(state): Organization | null {
      return state.organizations.find((organization) => organization.id === state.scopeId) ?? null;
    },
  },
  actions: {
    /** Loads (or reloads, e.g. after a move changes capacity) the visible organizations. */
    async load(): Promise<void> {
      this.loading = true;
      try {
        this.organizations = await listOrganizations();
        this.error = null;
        this.loadedAt = new Date().toISOString();
        if (!this.scopeId || !this.byId.has(this.scopeId)) {
          this.scopeId = this.tree[0]?.organization.id ?? null;
        }
      } catch (error) {
        this.error = errorMessage(error);
      } finally {
        this.loading = false;
      }
    },
    /** Adds a sub-organization under `parentId` and reloads the tree; errors are thrown to the dialog. */
    async create(name: string, parentId: string): Promise<Organization> {
      const created = await createOrganization(name, parentId);
      await this.load();
      return created;
    },
    setScope(organizationId: string): void {
      this.scopeId = organizationId;
    },
    /** The organization and every organization below it. */
    subtreeIds(organizationId: string): string[] {
      const ids = [organizationId];
      for (let index = 0; index < ids.length; index += 1) {
        for (const organization of this.organizations) {
          if (organization.parentId === ids[index]) ids.push(organization.id);
        }
      }
      return ids;
    },
    reset(): void {
      this.$reset();
    },
  },
});
