import { describe, expect, it } from 'vitest';
import { isEditor } from './team.js';

const PI = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

describe('who edits an application', () => {
  it('is its PI', () => {
    expect(isEditor({ piUserId: PI, members: [] }, PI)).toBe(true);
  });

  it('is a member named PI or co-PI, not another member, nor a member without an account', () => {
    const members = (role: string, userId: string | null = OTHER) => [{ userId, role }];
    expect(isEditor({ piUserId: PI, members: members('co_pi') }, OTHER)).toBe(true);
    expect(isEditor({ piUserId: PI, members: members('pi') }, OTHER)).toBe(true);
    expect(isEditor({ piUserId: PI, members: members('co_investigator') }, OTHER)).toBe(false);
    expect(isEditor({ piUserId: PI, members: members('co_pi', null) }, OTHER)).toBe(false);
    expect(isEditor({ piUserId: PI, members: [] }, OTHER)).toBe(false);
  });
});
