import { describe, expect, it } from 'vitest';
import { changedChoices, choicesInForce, groupsFor, NOTICE_GROUPS } from './email-choices';

describe('groupsFor', () => {
  it('offers the notices of each role the user has, in a fixed order', () => {
    expect(groupsFor(['reviewer', 'researcher']).map((g) => g.role)).toEqual(['researcher', 'reviewer']);
    expect(groupsFor(['institution_admin']).map((g) => g.role)).toEqual(['institution_admin']);
  });

  it('offers nothing to roles that receive no notices', () => {
    expect(groupsFor(['admin', 'program_officer'])).toEqual([]);
  });

  it('covers every kind of notice once', () => {
    const kinds = NOTICE_GROUPS.flatMap((g) => g.kinds);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toHaveLength(9);
  });
});

describe('choicesInForce', () => {
  it('takes a kind left out as e-mail on', () => {
    const all = choicesInForce({ review_assigned: false });
    expect(all.review_assigned).toBe(false);
    expect(all.review_reminder).toBe(true);
    expect(Object.keys(all)).toHaveLength(9);
  });
});

describe('changedChoices', () => {
  it('sends only the kinds that differ from those saved', () => {
    expect(changedChoices({ review_assigned: true, review_reminder: true }, { review_assigned: false, review_reminder: true })).toEqual({
      review_assigned: false,
    });
  });

  it('compares with the default for kinds not saved', () => {
    expect(changedChoices({}, { deadline_reminder: true, decision_published: false })).toEqual({ decision_published: false });
  });

  it('sends nothing when nothing changed', () => {
    expect(changedChoices({ approval_requested: false }, { approval_requested: false })).toEqual({});
  });
});
