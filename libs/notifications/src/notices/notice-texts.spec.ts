import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS } from './notice.js';
import { renderNotice, span } from './notice-texts.js';

const params = {
  applicationTitle: 'Quantum sensing',
  callTitle: { en: 'Japan-US quantum joint call', ja: '日米量子共同公募' },
  agency: 'JST',
  deadline: '2027-03-31T03:00:00.000Z',
  deadlineZone: 'Asia/Tokyo',
  dueAt: '2027-05-20T14:59:00.000Z',
  offsetMinutes: 4320,
  comment: 'Budget table missing',
  receiptNumber: 'JC-2027-000042',
  decision: 'yes' as const,
};
const subject = { subjectType: 'application' as const, subjectId: '7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b' };

describe('renderNotice', () => {
  it('writes every kind in both languages, with a link to the object', () => {
    for (const kind of NOTICE_KINDS) {
      for (const language of ['en', 'ja'] as const) {
        const text = renderNotice({ kind, params, ...subject }, { language, timeZone: 'Asia/Tokyo' }, 'https://jointcall.example');
        expect(text.title).toContain(language === 'ja' ? '「Quantum sensing」' : '"Quantum sensing"');
        expect(text.body.length).toBeGreaterThan(20);
        expect(text.body).not.toMatch(/undefined|NaN|Invalid/);
        expect(text.link).toBe(`https://jointcall.example/applications/${subject.subjectId}`);
      }
    }
  });

  it("shows a deadline in the reader's zone and in the agency's own", () => {
    const text = renderNotice(
      { kind: 'deadline_reminder', params, ...subject },
      { language: 'en', timeZone: 'America/New_York' },
      'http://localhost:3000',
    );
    expect(text.title).toBe('3 days to the deadline: "Quantum sensing" (JST)');
    expect(text.body).toContain('Deadline: 2027-03-30 23:00 UTC-04:00 (America/New_York); 2027-03-31 12:00 UTC+09:00 (Asia/Tokyo)');
    expect(text.body).toContain('Call: Japan-US quantum joint call');
  });

  it('links an assignment to the application as its reviewer sees it', () => {
    const text = renderNotice(
      { kind: 'review_assigned', params, subjectType: 'assignment', subjectId: 'a1' },
      { language: 'ja', timeZone: 'Asia/Tokyo' },
      'http://localhost:3000',
    );
    expect(text.link).toBe('http://localhost:3000/assignments/a1/application');
    expect(text.body).toContain('査読期限: 2027-05-20 23:59 UTC+09:00 (Asia/Tokyo)');
  });

  it("words an officer's reminder, which has no offset, without a time span", () => {
    const { offsetMinutes: _offset, ...manual } = params;
    const en = renderNotice(
      { kind: 'review_reminder', params: manual, subjectType: 'assignment', subjectId: 'a1' },
      { language: 'en', timeZone: 'Asia/Tokyo' },
      'http://localhost:3000',
    );
    expect(en.title).toBe('Reminder: your review of "Quantum sensing"');
    expect(en.body).toContain('Review due: 2027-05-20 23:59 UTC+09:00 (Asia/Tokyo)');
    const ja = renderNotice(
      { kind: 'review_reminder', params: manual, subjectType: 'assignment', subjectId: 'a1' },
      { language: 'ja', timeZone: 'Asia/Tokyo' },
      'http://localhost:3000',
    );
    expect(ja.title).toBe('査読のお願い: 「Quantum sensing」');
  });
});

describe('span', () => {
  it('names an offset in the largest whole unit', () => {
    expect([20160, 4320, 1440, 120, 60, 90].map((m) => span(m))).toEqual(['14 days', '3 days', '1 day', '2 hours', '1 hour', '90 minutes']);
    expect([1440, 120, 30].map((m) => span(m, true))).toEqual(['1日', '2時間', '30分']);
  });
});
