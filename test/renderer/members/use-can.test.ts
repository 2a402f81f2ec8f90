/**
 * The UI's door to the permission model (renderer/src/members/use-can): what each role's screens
 * show is what the data service would allow, for the checks the screens make.
 */
import { describe, expect, it } from 'vitest';
import type { MemberRole } from '../../../shared/domain/codes';
import { canIn } from '../../../renderer/src/members/use-can';
import type { Action } from '../../../shared/permissions';

const SCREEN_CHECKS: Action[] = ['case.create', 'case.edit', 'rates.import', 'rates.edit', 'prices.edit', 'members.invite', 'members.remove', 'sync.configure'];

describe('canIn', () => {
  it('answers each screen check for each role', () => {
    const roles: MemberRole[] = ['admin', 'investigator', 'prosecutor', 'observer'];
    const got = Object.fromEntries(roles.map((role) => [role, SCREEN_CHECKS.filter((a) => canIn({ memberId: 'm', role }, a))]));
    expect(got).toEqual({
      admin: SCREEN_CHECKS,
      investigator: ['case.create', 'case.edit', 'rates.import'],
      prosecutor: ['case.create', 'case.edit', 'rates.import'],
      observer: [],
    });
  });
});
