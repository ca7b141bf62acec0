/** The progress board's counts: per proposal and per reviewer, reviews done out of those still assigned, and how many are overdue. */

export interface ProgressItem {
  readonly applicationId: string;
  readonly applicationTitle: string;
  readonly reviewerId: string;
  readonly reviewerName: string;
  readonly status: 'assigned' | 'accepted' | 'declined';
  readonly review: 'submitted' | 'draft' | 'not_started';
  readonly overdue: boolean;
}

export interface ProgressCount {
  readonly id: string;
  readonly name: string;
  /** Reviews submitted. */
  readonly done: number;
  /** Assignments not declined. */
  readonly assigned: number;
  readonly overdue: number;
}

function countBy(items: readonly ProgressItem[], key: (item: ProgressItem) => [string, string]): ProgressCount[] {
  const counts = new Map<string, { id: string; name: string; done: number; assigned: number; overdue: number }>();
  for (const item of items) {
    const [id, name] = key(item);
    const count = counts.get(id) ?? { id, name, done: 0, assigned: 0, overdue: 0 };
    if (item.status !== 'declined') count.assigned += 1;
    if (item.review === 'submitted') count.done += 1;
    if (item.overdue) count.overdue += 1;
    counts.set(id, count);
  }
  return [...counts.values()];
}

export function progressByProposal(items: readonly ProgressItem[]): ProgressCount[] {
  return countBy(items, (i) => [i.applicationId, i.applicationTitle]);
}

export function progressByReviewer(items: readonly ProgressItem[]): ProgressCount[] {
  return countBy(items, (i) => [i.reviewerId, i.reviewerName]).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** An officer may send a reminder for a review still open: not submitted and not declined. */
export function canRemind(item: Pick<ProgressItem, 'status' | 'review'>): boolean {
  return item.status !== 'declined' && item.review !== 'submitted';
}
