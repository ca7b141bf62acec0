/** Where a reviewer's work on one assignment stands, as the assignments list shows it. */
export const ASSIGNMENT_PROGRESS = ['pending', 'accepted', 'draft', 'submitted', 'declined'] as const;
export type AssignmentProgress = (typeof ASSIGNMENT_PROGRESS)[number];

export function assignmentProgress(a: {
  readonly status: 'assigned' | 'accepted' | 'declined';
  readonly submittedAt: Date | null;
  readonly scores: Readonly<Record<string, number>> | null;
  readonly comment: string | null;
}): AssignmentProgress {
  if (a.status === 'declined') return 'declined';
  if (a.status === 'assigned') return 'pending';
  if (a.submittedAt !== null) return 'submitted';
  const started = Object.keys(a.scores ?? {}).length > 0 || (a.comment ?? '').trim() !== '';
  return started ? 'draft' : 'accepted';
}

/** Scales up to ten points wide take half points; wider ones whole points. */
export function scoreStep(scaleMin: number, scaleMax: number): number {
  return scaleMax - scaleMin <= 10 ? 0.5 : 1;
}

/** A score lies on its criterion's scale: within it, and on a step from its minimum. */
export function onScale(score: number, scaleMin: number, scaleMax: number): boolean {
  if (!Number.isFinite(score) || score < scaleMin || score > scaleMax) return false;
  const steps = (score - scaleMin) / scoreStep(scaleMin, scaleMax);
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}
