import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoAssign, conflictKey } from './auto-assign.js';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

describe('automatic assignment', () => {
  it('covers 1,000 applications with 3 reviewers each over 150 reviewers capped at 25, without conflicts, the same every time', () => {
    const applications = ids('a', 1000);
    const reviewers = ids('r', 150);
    // Every reviewer is conflicted with a few applications (same institution).
    const conflicts = new Set(
      applications.flatMap((a, i) => [conflictKey(a, reviewers[i % 150]!), conflictKey(a, reviewers[(i * 7) % 150]!)]),
    );
    const input = { applicationIds: applications, reviewerIds: reviewers, perApplication: 3, loadCap: 25, conflicts, existing: [] };
    const result = autoAssign(input);
    expect(result.uncovered).toEqual([]);
    expect(result.assignments).toHaveLength(3000);
    for (const { applicationId, reviewerId } of result.assignments)
      expect(conflicts.has(conflictKey(applicationId, reviewerId))).toBe(false);
    const loads = [...result.loads.values()];
    expect(Math.max(...loads)).toBeLessThanOrEqual(25);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const perApplication = new Map<string, Set<string>>();
    for (const { applicationId, reviewerId } of result.assignments)
      perApplication.set(applicationId, (perApplication.get(applicationId) ?? new Set()).add(reviewerId));
    expect([...perApplication.values()].every((set) => set.size === 3)).toBe(true);
    expect(autoAssign(input)).toEqual(result);
  });

  it('reports what it cannot cover instead of breaking the cap', () => {
    const result = autoAssign({
      applicationIds: ids('a', 10),
      reviewerIds: ids('r', 4),
      perApplication: 3,
      loadCap: 5,
      conflicts: new Set(),
      existing: [],
    });
    expect(Math.max(...result.loads.values())).toBeLessThanOrEqual(5);
    expect(result.assignments).toHaveLength(20);
    expect(result.uncovered.reduce((sum, u) => sum + (3 - u.assigned), 0)).toBe(10);
  });

  it('counts existing assignments toward loads and coverage', () => {
    const result = autoAssign({
      applicationIds: ['a1', 'a2'],
      reviewerIds: ['r1', 'r2', 'r3'],
      perApplication: 2,
      loadCap: 2,
      conflicts: new Set([conflictKey('a2', 'r3')]),
      existing: [
        { applicationId: 'a1', reviewerId: 'r1' },
        { applicationId: 'a1', reviewerId: 'r2' },
      ],
    });
    expect(result.assignments).toEqual([
      { applicationId: 'a2', reviewerId: 'r1' },
      { applicationId: 'a2', reviewerId: 'r2' },
    ]);
    expect(result.uncovered).toEqual([]);
  });

  it('never exceeds the cap, never assigns a conflict and never assigns twice, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 15 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.tuple(fc.nat(39), fc.nat(14)), { maxLength: 60 }),
        (nApps, nReviewers, per, cap, pairs) => {
          const applications = ids('a', nApps);
          const reviewers = ids('r', nReviewers);
          const conflicts = new Set(
            pairs.filter(([a, r]) => a < nApps && r < nReviewers).map(([a, r]) => conflictKey(applications[a]!, reviewers[r]!)),
          );
          const result = autoAssign({
            applicationIds: applications,
            reviewerIds: reviewers,
            perApplication: per,
            loadCap: cap,
            conflicts,
            existing: [],
          });
          const seen = new Set<string>();
          for (const { applicationId, reviewerId } of result.assignments) {
            const key = conflictKey(applicationId, reviewerId);
            expect(conflicts.has(key)).toBe(false);
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
          for (const load of result.loads.values()) expect(load).toBeLessThanOrEqual(cap);
          const count = new Map<string, number>();
          for (const { applicationId } of result.assignments) count.set(applicationId, (count.get(applicationId) ?? 0) + 1);
          for (const application of applications) {
            const got = count.get(application) ?? 0;
            const reported = result.uncovered.find((u) => u.applicationId === application);
            expect(reported ? reported.assigned : per).toBe(got);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
