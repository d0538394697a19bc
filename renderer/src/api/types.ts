// REST shapes the renderer uses, taken from the common/api zod DTOs (the same ones the service validates with).
export type { Paged } from '../../../common/api/paging';
export type { Privilege } from '../../../common/api/administrators';
export type { Me as Administrator } from '../../../common/api/me';
export type { Organization } from '../../../common/api/organizations';
export type { NumberState, PoolNumber as PhoneNumber } from '../../../common/api/numbers';
export type { PermissionProfile } from '../../../common/api/permission-profiles';
export type {
  Account,
  AccountActionResults as BulkResult,
  CreateAccountInput,
  PatchAccountBody as UpdateAccountInput,
  MoveCheckResult as MoveCheck,
  NumberDisposition,
} from '../../../common/api/accounts';
