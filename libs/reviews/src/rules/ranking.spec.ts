import { describe, expect, it } from 'vitest';
import { rankApplications, type RankingCriterion } from './ranking.js';

const criteria: RankingCriterion[] = [
  { id: 'excellence', weight: 0.5, threshold: 3 },
  { id: 'synergy', weight: 0.3, threshold: null },
  { id: 'feasibility', weight: 0.2, threshold: null },
];
const review = (excellence: number, synergy: number, feasibility: number) => ({ excellence, synergy, feasibility });

describe('ranking', () => {
  it('orders by the weighted mean of criterion means, marks thresholds and counts missing reviews', () => {
    const ranked = rankApplications(
      [
        { applicationId: 'A', reviews: [review(5, 4, 4), review(4, 4, 3)], assigned: 3 },
        { applicationId: 'B', reviews: [review(2, 5, 5)], assigned: 2 },
        { applicationId: 'C', reviews: [], assigned: 2 },
      ],
      criteria,
    );
    expect(ranked.map((r) => [r.rank, r.applicationId, r.fundable, r.missingReviews])).toEqual([
      [1, 'A', true, 1],
      [2, 'B', false, 1],
      [3, 'C', false, 2],
    ]);
    expect(ranked[0]!.criterionMeans).toEqual([4.5, 4, 3.5]);
    expect(ranked[0]!.weightedMean).toBeCloseTo(0.5 * 4.5 + 0.3 * 4 + 0.2 * 3.5);
    expect(ranked[2]!.weightedMean).toBeNull();
  });

  it('counts reviews, names the criteria below their threshold and measures the spread of single reviews', () => {
    const ranked = rankApplications(
      [
        { applicationId: 'A', reviews: [review(5, 4, 4), review(3, 2, 1)], assigned: 2 },
        { applicationId: 'B', reviews: [review(2, 5, 5)], assigned: 1 },
        { applicationId: 'C', reviews: [], assigned: 1 },
      ],
      criteria,
    );
    const [a, b, c] = ['A', 'B', 'C'].map((id) => ranked.find((r) => r.applicationId === id));
    expect([a!.reviewCount, b!.reviewCount, c!.reviewCount]).toEqual([2, 1, 0]);
    expect(a!.spread).toBeCloseTo(0.5 * 5 + 0.3 * 4 + 0.2 * 4 - (0.5 * 3 + 0.3 * 2 + 0.2 * 1));
    expect(b!.spread).toBeNull();
    expect([a!.thresholdFailures, b!.thresholdFailures, c!.thresholdFailures]).toEqual([[], ['excellence'], []]);
  });

  it('breaks ties by the first criterion, then the next', () => {
    const equalWeights = [
      { id: 'excellence', weight: 1, threshold: null },
      { id: 'synergy', weight: 1, threshold: null },
    ];
    const tie = rankApplications(
      [
        { applicationId: 'Q', reviews: [{ excellence: 2, synergy: 4 }], assigned: 1 },
        { applicationId: 'P', reviews: [{ excellence: 4, synergy: 2 }], assigned: 1 },
        { applicationId: 'R', reviews: [{ excellence: 4, synergy: 2 }], assigned: 1 },
      ],
      equalWeights,
    );
    expect(tie.map((r) => r.weightedMean)).toEqual([3, 3, 3]);
    // P and R lead on the first criterion; between them, equal on every criterion, the id decides.
    expect(tie.map((r) => r.applicationId)).toEqual(['P', 'R', 'Q']);
  });
});
