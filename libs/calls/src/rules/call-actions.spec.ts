import { describe, expect, it } from 'vitest';
import { callActions } from './call-actions.js';

const draft = { publishedAt: null, cancelledAt: null };
const published = { publishedAt: new Date('2026-12-01T00:00:00Z'), cancelledAt: null };
const cancelled = { publishedAt: new Date('2026-12-01T00:00:00Z'), cancelledAt: new Date('2026-12-05T00:00:00Z') };
const lead = { leads: true, participates: true };
const partner = { leads: false, participates: true };
const outsider = { leads: false, participates: false };

describe('call actions', () => {
  it("the lead agency's officers change everything, publish a draft once and cancel", () => {
    expect(callActions(draft, lead)).toEqual(['edit_shared', 'edit_own_entry', 'publish', 'cancel']);
    expect(callActions(published, lead)).toEqual(['edit_shared', 'edit_own_entry', 'cancel']);
  });

  it("a partner agency's officers change only their own entry", () => {
    expect(callActions(draft, partner)).toEqual(['edit_own_entry']);
    expect(callActions(published, partner)).toEqual(['edit_own_entry']);
  });

  it('nobody changes a cancelled call, and nobody outside it changes anything', () => {
    expect(callActions(cancelled, lead)).toEqual([]);
    expect(callActions(published, outsider)).toEqual([]);
  });
});
