import { describe, expect, it } from 'vitest';
import { canRemind, type ProgressItem, progressByProposal, progressByReviewer } from './progress-board';

const item = (applicationId: string, reviewerName: string, overrides: Partial<ProgressItem> = {}): ProgressItem => ({
  applicationId,
  applicationTitle: `Title ${applicationId}`,
  reviewerId: `r-${reviewerName}`,
  reviewerName,
  status: 'accepted',
  review: 'not_started',
  overdue: false,
  ...overrides,
});

const items = [
  item('A', 'Kimura', { review: 'draft', overdue: true }),
  item('A', 'Kobayashi', { review: 'submitted' }),
  item('B', 'Kimura', { status: 'declined' }),
  item('B', 'Inoue', { status: 'assigned' }),
];

describe('progress counts', () => {
  it('counts per proposal the submitted reviews, the assignments not declined and the overdue ones', () => {
    expect(progressByProposal(items)).toEqual([
      { id: 'A', name: 'Title A', done: 1, assigned: 2, overdue: 1 },
      { id: 'B', name: 'Title B', done: 0, assigned: 1, overdue: 0 },
    ]);
  });

  it('counts per reviewer, by name', () => {
    expect(progressByReviewer(items).map((c) => [c.name, c.done, c.assigned, c.overdue])).toEqual([
      ['Inoue', 0, 1, 0],
      ['Kimura', 0, 1, 1],
      ['Kobayashi', 1, 1, 0],
    ]);
  });
});

describe('canRemind', () => {
  it('is for open reviews only', () => {
    expect(canRemind({ status: 'accepted', review: 'draft' })).toBe(true);
    expect(canRemind({ status: 'assigned', review: 'not_started' })).toBe(true);
    expect(canRemind({ status: 'accepted', review: 'submitted' })).toBe(false);
    expect(canRemind({ status: 'declined', review: 'not_started' })).toBe(false);
  });
});
