import { describe, expect, it } from 'vitest';
import { callStatus, type CallTimeline } from './call-status.js';

const d = (text: string) => new Date(text);
const call: CallTimeline = {
  publishedAt: d('2026-01-10T00:00:00Z'),
  cancelledAt: null,
  opensAt: d('2026-02-01T00:00:00Z'),
  deadlines: [d('2026-03-31T08:00:00Z'), d('2026-04-15T21:00:00Z')],
  reviewStartsAt: d('2026-05-01T00:00:00Z'),
  decisionAt: d('2026-08-01T00:00:00Z'),
  resultsReleasedAt: null,
};

describe('call status', () => {
  it.each([
    ['2026-01-15T00:00:00Z', 'announced'],
    ['2026-02-01T00:00:00Z', 'open'],
    ['2026-04-01T00:00:00Z', 'open'],
    ['2026-04-15T21:00:00Z', 'closed'],
    ['2026-05-01T00:00:00Z', 'in_review'],
    ['2026-08-01T00:00:00Z', 'decided'],
  ])('at %s a published call is %s', (now, status) => {
    expect(callStatus(call, d(now))).toBe(status);
  });

  it('is a draft until published and cancelled once cancelled, whatever the date', () => {
    expect(callStatus({ ...call, publishedAt: null }, d('2026-04-01T00:00:00Z'))).toBe('draft');
    expect(callStatus({ ...call, cancelledAt: d('2026-03-01T00:00:00Z') }, d('2026-02-02T00:00:00Z'))).toBe('cancelled');
  });

  it('is decided from the moment the lead agency releases the results, decision date or not', () => {
    const released = { ...call, decisionAt: null, resultsReleasedAt: d('2026-06-01T00:00:00Z') };
    expect(callStatus(released, d('2026-05-31T23:59:59Z'))).toBe('in_review');
    expect(callStatus(released, d('2026-06-01T00:00:00Z'))).toBe('decided');
    expect(callStatus({ ...released, decisionAt: call.decisionAt }, d('2026-06-02T00:00:00Z'))).toBe('decided');
  });

  it('goes from closed to decided when there is no review date', () => {
    expect(callStatus({ ...call, reviewStartsAt: null }, d('2026-06-01T00:00:00Z'))).toBe('closed');
  });
});
