import { describe, expect, it } from 'vitest';
import { type NoticeContext, transitionNotices } from './application-notices.js';
import { deadlineReminder } from './deadline-reminders.js';

const application: NoticeContext = {
  id: 'app-1',
  title: 'Quantum sensing',
  callTitle: { en: 'Call', ja: '公募' },
  piUserId: 'pi',
  coPiUserIds: ['co-pi', 'pi'],
  sides: [
    {
      agencyId: 'jst',
      agencyShortName: 'JST',
      institutionId: 'utokyo',
      piUserId: 'pi',
      deadline: new Date('2027-03-31T03:00:00Z'),
      timeZone: 'Asia/Tokyo',
    },
    {
      agencyId: 'nsf',
      agencyShortName: 'NSF',
      institutionId: 'mit',
      piUserId: 'mit-pi',
      deadline: new Date('2027-04-15T21:00:00Z'),
      timeZone: 'America/New_York',
    },
  ],
};

describe('transitionNotices', () => {
  it('asks the office of a side that needs approval, and tells the applicants of a side submitted directly', () => {
    const notices = transitionNotices(application, { type: 'submit' }, [
      { agencyId: 'jst', from: 'draft', to: 'pending_institution', eventId: '11' },
      { agencyId: 'nsf', from: 'draft', to: 'submitted', eventId: '12', receiptNumber: 'JC-2027-000001' },
    ]);
    expect(notices).toEqual([
      expect.objectContaining({ kind: 'approval_requested', recipients: { officesOf: ['utokyo'] }, dedupeKey: 'event:11' }),
      expect.objectContaining({
        kind: 'application_submitted',
        recipients: { users: ['pi', 'mit-pi', 'co-pi'] },
        dedupeKey: 'event:12',
        params: expect.objectContaining({ agency: 'NSF', receiptNumber: 'JC-2027-000001', deadlineZone: 'America/New_York' }),
      }),
    ]);
  });

  it('tells the applicants of a return (with the comment) and of an approval; reopening and withdrawing tell nobody', () => {
    const returned = transitionNotices(application, { type: 'return', agencyId: 'jst', comment: 'Add the budget table' }, [
      { agencyId: 'jst', from: 'pending_institution', to: 'returned', eventId: '13' },
    ]);
    expect(returned).toEqual([
      expect.objectContaining({
        kind: 'application_returned',
        recipients: { users: ['pi', 'co-pi'] },
        params: expect.objectContaining({ comment: 'Add the budget table' }),
      }),
    ]);
    const approved = transitionNotices(application, { type: 'approve', agencyId: 'jst' }, [
      { agencyId: 'jst', from: 'pending_institution', to: 'submitted', eventId: '14' },
    ]);
    expect(approved.map((n) => n.kind)).toEqual(['application_approved']);
    expect(
      transitionNotices(application, { type: 'reopen' }, [{ agencyId: 'nsf', from: 'submitted', to: 'draft', eventId: '15' }]),
    ).toEqual([]);
    expect(
      transitionNotices(application, { type: 'withdraw' }, [{ agencyId: 'nsf', from: 'submitted', to: 'withdrawn', eventId: '16' }]),
    ).toEqual([]);
  });
});

describe('deadlineReminder', () => {
  const row = {
    applicationId: 'app-1',
    agencyId: 'jst',
    pendingApproval: false,
    institutionId: 'utokyo',
    sidePiUserId: null,
    piUserId: 'pi',
    coPiUserIds: ['co-pi'],
    title: 'Quantum sensing',
    callTitle: { en: 'Call', ja: '公募' },
    agency: 'JST',
    deadline: new Date('2027-03-31T03:00:00Z'),
    timeZone: 'Asia/Tokyo',
    offsetMinutes: 1440,
  };

  it('reminds the applicants of a draft and the office of a side waiting for approval, keyed by side and offset', () => {
    expect(deadlineReminder(row)).toMatchObject({
      kind: 'deadline_reminder',
      recipients: { users: ['pi', 'co-pi'] },
      dedupeKey: 'deadline:app-1:jst:1440',
    });
    expect(deadlineReminder({ ...row, pendingApproval: true })).toMatchObject({
      kind: 'approval_reminder',
      recipients: { officesOf: ['utokyo'] },
      dedupeKey: 'approval:app-1:jst:1440',
    });
  });
});
