import { describe, expect, it } from 'vitest';
import { assignmentProgress, onScale, scoreStep } from './review-form.js';

describe('assignmentProgress', () => {
  const base = { submittedAt: null, scores: null, comment: null };
  it('follows the assignment: pending, accepted, draft once anything is saved, submitted, declined', () => {
    expect(assignmentProgress({ ...base, status: 'assigned' })).toBe('pending');
    expect(assignmentProgress({ ...base, status: 'accepted' })).toBe('accepted');
    expect(assignmentProgress({ ...base, status: 'accepted', comment: '  ' })).toBe('accepted');
    expect(assignmentProgress({ ...base, status: 'accepted', scores: { a: 3 } })).toBe('draft');
    expect(assignmentProgress({ ...base, status: 'accepted', comment: 'Budget?' })).toBe('draft');
    expect(assignmentProgress({ ...base, status: 'accepted', scores: { a: 3 }, submittedAt: new Date() })).toBe('submitted');
    expect(assignmentProgress({ ...base, status: 'declined', scores: { a: 3 } })).toBe('declined');
  });
});

describe('scores on a scale', () => {
  it('takes half points on scales up to ten points wide, whole points on wider ones', () => {
    expect(scoreStep(1, 5)).toBe(0.5);
    expect(scoreStep(0, 10)).toBe(0.5);
    expect(scoreStep(0, 100)).toBe(1);
  });
  it('refuses scores outside the scale or between steps', () => {
    expect(onScale(3.5, 1, 5)).toBe(true);
    expect(onScale(5, 1, 5)).toBe(true);
    expect(onScale(3.25, 1, 5)).toBe(false);
    expect(onScale(0.5, 1, 5)).toBe(false);
    expect(onScale(5.5, 1, 5)).toBe(false);
    expect(onScale(42, 0, 100)).toBe(true);
    expect(onScale(42.5, 0, 100)).toBe(false);
    expect(onScale(Number.NaN, 1, 5)).toBe(false);
  });
});
