import { describe, expect, it } from 'vitest';
import { announcementAtPublication, decisionsVisible, resultsReleased, resultsReleasedAt } from './call-timeline.js';

const d = (text: string) => new Date(text);

describe('call timeline', () => {
  describe('the announcement a publication makes', () => {
    const opensAt = d('2027-01-15T01:00:00Z');

    it('is the publication when the call is not open yet', () => {
      expect(announcementAtPublication({ announcedAt: null, opensAt }, d('2026-12-10T00:00:07Z'))).toEqual(d('2026-12-10T00:00:07Z'));
    });

    it('is none when the call is already open: nobody was told before it opened', () => {
      expect(announcementAtPublication({ announcedAt: null, opensAt }, opensAt)).toBeNull();
      expect(announcementAtPublication({ announcedAt: null, opensAt }, d('2027-02-01T00:00:00Z'))).toBeNull();
    });

    it('keeps an announcement date that was set', () => {
      const announcedAt = d('2026-12-01T00:00:00Z');
      expect(announcementAtPublication({ announcedAt, opensAt }, d('2027-02-01T00:00:00Z'))).toBe(announcedAt);
    });
  });

  describe('the release of the results', () => {
    const released = { resultsReleasedAt: d('2027-05-02T00:00:00Z'), decisionAt: null };
    const dated = { resultsReleasedAt: null, decisionAt: d('2027-09-01T00:00:00Z') };

    it('is the lead agency’s release, or the decision date once it has come', () => {
      expect(resultsReleasedAt(released, d('2027-05-02T00:00:00Z'))).toEqual(d('2027-05-02T00:00:00Z'));
      expect(resultsReleasedAt(dated, d('2027-08-31T23:59:59Z'))).toBeNull();
      expect(resultsReleasedAt(dated, d('2027-09-01T00:00:00Z'))).toEqual(d('2027-09-01T00:00:00Z'));
      expect(resultsReleased({ resultsReleasedAt: null, decisionAt: null }, d('2030-01-01T00:00:00Z'))).toBe(false);
    });

    it('is the earlier of the two when the results were released before the decision date', () => {
      const both = { resultsReleasedAt: d('2027-08-01T00:00:00Z'), decisionAt: d('2027-09-01T00:00:00Z') };
      expect(resultsReleasedAt(both, d('2027-10-01T00:00:00Z'))).toEqual(d('2027-08-01T00:00:00Z'));
    });

    it('shows decisions to the officers of the application’s agencies at once, to everyone else once released', () => {
      const agencies = ['jst', 'nsf'];
      const before = d('2027-08-31T00:00:00Z');
      expect(decisionsVisible('nsf', agencies, dated, before)).toBe(true);
      expect(decisionsVisible('dfg', agencies, dated, before)).toBe(false);
      expect(decisionsVisible(null, agencies, dated, before)).toBe(false);
      expect(decisionsVisible(null, agencies, dated, d('2027-09-01T00:00:00Z'))).toBe(true);
    });
  });
});
