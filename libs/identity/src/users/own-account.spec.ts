import { describe, expect, it } from 'vitest';
import { ownAccountProblem } from './own-account.js';

describe('what an administrator may not do to their own account', () => {
  it('refuses dropping their own admin role', () => {
    expect(ownAccountProblem('me', 'me', { roles: ['researcher'] })).toBe('OWN_ADMIN_ROLE');
    expect(ownAccountProblem('me', 'me', { roles: [] })).toBe('OWN_ADMIN_ROLE');
  });

  it('refuses disabling their own sign-in', () => {
    expect(ownAccountProblem('me', 'me', { roles: ['admin'], disabled: true })).toBe('OWN_ACCOUNT_DISABLED');
  });

  it('allows any other change of their own account', () => {
    expect(ownAccountProblem('me', 'me', {})).toBeUndefined();
    expect(ownAccountProblem('me', 'me', { roles: ['admin', 'reviewer'], disabled: false })).toBeUndefined();
  });

  it('allows both on another account', () => {
    expect(ownAccountProblem('me', 'other', { roles: [], disabled: true })).toBeUndefined();
  });
});
