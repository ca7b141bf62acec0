/**
 * Automatic reviewer assignment: every application gets `perApplication` reviewers, nobody goes
 * above `loadCap`, conflicted pairs are never chosen, loads stay as even as the conflicts allow,
 * and the same input always gives the same result. Applications that cannot be covered are reported.
 *
 * Greedy, most-constrained first: applications with the fewest eligible reviewers are served
 * first, each taking the least-loaded eligible reviewers (ties by id). Existing assignments count
 * toward loads and coverage.
 */
export interface AssignmentInput {
  readonly applicationIds: readonly string[];
  readonly reviewerIds: readonly string[];
  readonly perApplication: number;
  readonly loadCap: number;
  /** `${applicationId}:${reviewerId}` pairs that must not be assigned. */
  readonly conflicts: ReadonlySet<string>;
  /** Assignments already made (manual or earlier runs). */
  readonly existing: readonly { readonly applicationId: string; readonly reviewerId: string }[];
}

export interface AssignmentResult {
  /** New assignments only. */
  readonly assignments: readonly { readonly applicationId: string; readonly reviewerId: string }[];
  /** Applications left with fewer reviewers than asked, and how many they have. */
  readonly uncovered: readonly { readonly applicationId: string; readonly assigned: number }[];
  readonly loads: ReadonlyMap<string, number>;
}

export const conflictKey = (applicationId: string, reviewerId: string): string => `${applicationId}:${reviewerId}`;

export function autoAssign(input: AssignmentInput): AssignmentResult {
  const reviewers = [...new Set(input.reviewerIds)].sort();
  const loads = new Map(reviewers.map((id) => [id, 0]));
  const assigned = new Map<string, Set<string>>();
  for (const { applicationId, reviewerId } of input.existing) {
    if (!assigned.has(applicationId)) assigned.set(applicationId, new Set());
    assigned.get(applicationId)!.add(reviewerId);
    if (loads.has(reviewerId)) loads.set(reviewerId, (loads.get(reviewerId) ?? 0) + 1);
  }
  const eligible = (applicationId: string): string[] =>
    reviewers.filter((r) => !input.conflicts.has(conflictKey(applicationId, r)) && !assigned.get(applicationId)?.has(r));
  const applications = [...new Set(input.applicationIds)]
    .map((id) => ({ id, options: eligible(id).length }))
    .sort((a, b) => a.options - b.options || a.id.localeCompare(b.id));

  const made: { applicationId: string; reviewerId: string }[] = [];
  const uncovered: { applicationId: string; assigned: number }[] = [];
  for (const { id } of applications) {
    const have = assigned.get(id) ?? new Set<string>();
    const need = input.perApplication - have.size;
    const picks = eligible(id)
      .filter((r) => (loads.get(r) ?? 0) < input.loadCap)
      .sort((a, b) => (loads.get(a) ?? 0) - (loads.get(b) ?? 0) || a.localeCompare(b))
      .slice(0, Math.max(0, need));
    for (const reviewerId of picks) {
      made.push({ applicationId: id, reviewerId });
      have.add(reviewerId);
      loads.set(reviewerId, (loads.get(reviewerId) ?? 0) + 1);
    }
    assigned.set(id, have);
    if (have.size < input.perApplication) uncovered.push({ applicationId: id, assigned: have.size });
  }
  return { assignments: made, uncovered: uncovered.sort((a, b) => a.applicationId.localeCompare(b.applicationId)), loads };
}
