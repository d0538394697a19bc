// The Administrators screen's reason for a disabled action on a colleague holding privileges the
// signed-in administrator lacks (security rule: act only on colleagues whose privileges you hold).
import { describe, expect, it } from 'vitest';
import { colleagueRefusal } from '../../renderer/src/utils/privileges';

describe('colleagueRefusal', () => {
  it('names the privileges the actor lacks', () => {
    expect(
      colleagueRefusal(['administrators'], { name: 'Dana', privileges: ['accounts', 'setup'] }),
    ).toBe(
      'Dana holds the Accounts, Setup privileges, which you do not have, so only an administrator who has them can do this.',
    );
    expect(colleagueRefusal(['administrators'], { name: 'Ray', privileges: ['reports'] })).toMatch(
      /^Ray holds the Reports privilege, which you do not have/,
    );
  });

  it('is null when the actor holds every privilege of the colleague', () => {
    expect(
      colleagueRefusal(['administrators', 'accounts'], { name: 'Dana', privileges: ['accounts'] }),
    ).toBeNull();
    expect(colleagueRefusal(['administrators'], { name: 'New', privileges: [] })).toBeNull();
  });
});
