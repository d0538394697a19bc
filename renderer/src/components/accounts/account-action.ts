// What an administrator can do to one account from its detail panel (the panel emits it, the
// Accounts screen carries it out).

/** An action offered on one account. */
export type AccountAction = 'invite' | 'resend' | 'suspend' | 'unsuspend' | 'move' | 'delete';
