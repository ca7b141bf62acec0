export interface RankingCriterion {
  readonly id: string;
  readonly weight: number;
  /** Minimum mean score for a fundable application; none when null. */
  readonly threshold: number | null;
}

export interface ReviewedApplication {
  readonly applicationId: string;
  /** Submitted reviews only: criterion id to score. */
  readonly reviews: readonly Readonly<Record<string, number>>[];
  /** How many reviews were assigned; the difference is shown as missing. */
  readonly assigned: number;
}

export interface RankedApplication {
  readonly rank: number;
  readonly applicationId: string;
  /** Mean per criterion over the submitted reviews, in the criteria's order; null without reviews. */
  readonly criterionMeans: readonly (number | null)[];
  readonly weightedMean: number | null;
  /** False when any criterion's mean is below its threshold, or there is no review yet. */
  readonly fundable: boolean;
  readonly missingReviews: number;
}

/**
 * The ranking of a call's track: the weighted mean of the submitted reviews' criterion means,
 * highest first; ties broken by the first criterion's mean, then the next; applications without
 * reviews last. Applications below any threshold stay in the list, marked not fundable.
 */
export function rankApplications(applications: readonly ReviewedApplication[], criteria: readonly RankingCriterion[]): RankedApplication[] {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  const scored = applications.map((application) => {
    const criterionMeans = criteria.map((criterion) => {
      const scores = application.reviews.map((r) => r[criterion.id]).filter((s): s is number => typeof s === 'number');
      return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
    });
    const complete = criterionMeans.every((m) => m !== null);
    const weightedMean =
      complete && totalWeight > 0 ? criteria.reduce((sum, c, i) => sum + c.weight * (criterionMeans[i] ?? 0), 0) / totalWeight : null;
    const fundable = complete && criteria.every((c, i) => c.threshold === null || (criterionMeans[i] ?? -Infinity) >= c.threshold);
    return {
      applicationId: application.applicationId,
      criterionMeans,
      weightedMean,
      fundable,
      missingReviews: Math.max(0, application.assigned - application.reviews.length),
    };
  });
  scored.sort((a, b) => {
    if (a.weightedMean === null || b.weightedMean === null) {
      return a.weightedMean === b.weightedMean ? a.applicationId.localeCompare(b.applicationId) : a.weightedMean === null ? 1 : -1;
    }
    if (b.weightedMean !== a.weightedMean) return b.weightedMean - a.weightedMean;
    for (let i = 0; i < criteria.length; i++) {
      const difference = (b.criterionMeans[i] ?? 0) - (a.criterionMeans[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return a.applicationId.localeCompare(b.applicationId);
  });
  return scored.map((entry, index) => ({ rank: index + 1, ...entry }));
}
