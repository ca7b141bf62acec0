import { describe, expect, it } from 'vitest';
import { noticePath } from './notice-link';

const ID = '7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b';

describe('noticePath', () => {
  it('opens an assignment in the reviewer console', () => {
    expect(noticePath({ kind: 'review_assigned', subject: { type: 'assignment', id: ID } }, ['researcher', 'reviewer'])).toBe(
      `/reviewer/assignments/${ID}`,
    );
  });

  it('has no page for an assignment when the reader is not a reviewer', () => {
    expect(noticePath({ kind: 'review_assigned', subject: { type: 'assignment', id: ID } }, ['researcher'])).toBeUndefined();
  });

  it("opens an applicant's notice on the researcher's proposal page", () => {
    for (const kind of [
      'application_returned',
      'application_approved',
      'application_submitted',
      'deadline_reminder',
      'decision_published',
    ]) {
      expect(noticePath({ kind, subject: { type: 'application', id: ID } }, ['researcher'])).toBe(`/researcher/proposals/${ID}`);
    }
  });

  it("opens an approval notice on the office's page", () => {
    expect(noticePath({ kind: 'approval_requested', subject: { type: 'application', id: ID } }, ['institution_admin'])).toBe(
      `/office/proposals/${ID}`,
    );
    expect(noticePath({ kind: 'approval_reminder', subject: { type: 'application', id: ID } }, ['researcher', 'institution_admin'])).toBe(
      `/office/proposals/${ID}`,
    );
  });

  it('prefers the proposal page for applicant notices when the reader is also an office', () => {
    expect(
      noticePath({ kind: 'application_returned', subject: { type: 'application', id: ID } }, ['institution_admin', 'researcher']),
    ).toBe(`/researcher/proposals/${ID}`);
  });

  it('falls back to the page the roles open', () => {
    expect(noticePath({ kind: 'approval_requested', subject: { type: 'application', id: ID } }, ['researcher'])).toBe(
      `/researcher/proposals/${ID}`,
    );
    expect(noticePath({ kind: 'decision_published', subject: { type: 'application', id: ID } }, ['institution_admin'])).toBe(
      `/office/proposals/${ID}`,
    );
  });

  it('has no page for an application the roles do not open, nor for an unknown subject', () => {
    expect(noticePath({ kind: 'decision_published', subject: { type: 'application', id: ID } }, ['program_officer'])).toBeUndefined();
    expect(noticePath({ kind: 'decision_published', subject: { type: 'call', id: ID } }, ['researcher'])).toBeUndefined();
    expect(noticePath({ kind: 'decision_published', subject: { type: 'application', id: '' } }, ['researcher'])).toBeUndefined();
  });

  it('escapes the id in the path', () => {
    expect(noticePath({ kind: 'review_assigned', subject: { type: 'assignment', id: 'a/b' } }, ['reviewer'])).toBe(
      '/reviewer/assignments/a%2Fb',
    );
  });
});
