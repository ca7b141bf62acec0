import { describe, expect, it } from 'vitest';
import { criteriaInErrors, draftsFrom, otherReviews, parseScore, readScores, weightShare } from './review-form';

const fivePoint = { id: 'a', scaleMin: 1, scaleMax: 5, step: 0.5 };
const hundred = { id: 'b', scaleMin: 0, scaleMax: 100, step: 1 };

describe('review form', () => {
  it('shows saved scores as text, blanks for the others', () => {
    expect(draftsFrom({ a: 3.5 }, [fivePoint, hundred])).toEqual({ a: '3.5', b: '' });
  });

  it('reads scores on the scale and its step only', () => {
    expect(parseScore('3.5', fivePoint)).toBe(3.5);
    expect(parseScore('3,5', fivePoint)).toBe(3.5);
    expect(parseScore(' 5 ', fivePoint)).toBe(5);
    expect(parseScore('3.25', fivePoint)).toBeUndefined();
    expect(parseScore('0.5', fivePoint)).toBeUndefined();
    expect(parseScore('6', fivePoint)).toBeUndefined();
    expect(parseScore('four', fivePoint)).toBeUndefined();
    expect(parseScore('1e1', hundred)).toBeUndefined();
    expect(parseScore('42', hundred)).toBe(42);
    expect(parseScore('42.5', hundred)).toBeUndefined();
  });

  it('leaves blanks out of what is saved and names what cannot be', () => {
    expect(readScores({ a: '4', b: '' }, [fivePoint, hundred])).toEqual({ scores: { a: 4 }, invalid: [] });
    expect(readScores({ a: '4.2', b: '7' }, [fivePoint, hundred])).toEqual({ scores: { b: 7 }, invalid: ['a'] });
  });

  it('finds the criteria a problem names, in the form order', () => {
    expect(criteriaInErrors([{ field: 'scores.b' }, { field: 'scores.a' }, { field: 'comment' }], [fivePoint, hundred])).toEqual([
      'a',
      'b',
    ]);
    expect(criteriaInErrors(undefined, [fivePoint])).toEqual([]);
  });

  it('numbers the other reviews from 1 and leaves out the reviewer’s own', () => {
    const shown = otherReviews([{ reviewer: 'you' }, { reviewer: 'Reviewer 1' }, { reviewer: 'Reviewer 2' }]);
    expect(shown.map((r) => r.number)).toEqual([1, 2]);
    expect(shown.some((r) => r.reviewer === 'you')).toBe(false);
  });

  it('gives each weight as its share of all weights', () => {
    expect(weightShare(0.4, [{ weight: 0.4 }, { weight: 0.6 }])).toBeCloseTo(0.4);
    expect(weightShare(2, [{ weight: 2 }, { weight: 2 }])).toBe(0.5);
    expect(weightShare(1, [])).toBe(0);
  });
});
