import { describe, expect, it } from 'vitest';
import type { CallStatus } from '#calls';
import { releaseRefusal, type SideProgress } from './results-release.js';

const allDecided: SideProgress[] = [
  { agency: 'JST', undecided: 0, decided: 2 },
  { agency: 'NSF', undecided: 0, decided: 2 },
];
const REVIEW_DATE = new Date('2027-05-01T00:00:00Z');
const code = (status: CallStatus, progress: readonly SideProgress[] = allDecided, reviewStartsAt: Date | null = REVIEW_DATE) =>
  releaseRefusal({ status, reviewStartsAt }, progress)?.code;

describe('releasing the results of a call', () => {
  it('is allowed in review once every side that reached its agency is decided', () => {
    expect(releaseRefusal({ status: 'in_review', reviewStartsAt: REVIEW_DATE }, allDecided)).toBeNull();
    expect(code('closed', allDecided, null)).toBeUndefined();
  });

  it('waits for every deadline and for the start of the review', () => {
    for (const status of ['draft', 'announced', 'open'] as const) expect(code(status)).toBe('REVIEW_NOT_STARTED');
    expect(code('closed')).toBe('REVIEW_NOT_STARTED');
  });

  it('says which agencies still have sides to decide', () => {
    const one = releaseRefusal({ status: 'in_review', reviewStartsAt: REVIEW_DATE }, [
      { agency: 'JST', undecided: 0, decided: 2 },
      { agency: 'NSF', undecided: 1, decided: 1 },
    ]);
    expect(one).toEqual({ code: 'DECISIONS_PENDING', message: '1 side that reached its agency awaits a decision (NSF: 1).' });
    const three = releaseRefusal({ status: 'in_review', reviewStartsAt: REVIEW_DATE }, [
      { agency: 'JST', undecided: 2, decided: 0 },
      { agency: 'NSF', undecided: 1, decided: 0 },
    ]);
    expect(three?.message).toBe('3 sides that reached their agency await a decision (JST: 2, NSF: 1).');
  });

  it('needs a decision to release', () => {
    expect(code('in_review', [])).toBe('NOTHING_DECIDED');
    expect(code('in_review', [{ agency: 'JST', undecided: 0, decided: 0 }])).toBe('NOTHING_DECIDED');
  });

  it('happens once: refused once released (by the lead agency or the decision date), and for a cancelled call', () => {
    expect(code('decided')).toBe('RESULTS_ALREADY_RELEASED');
    expect(code('cancelled')).toBe('CALL_CANCELLED');
  });
});
