import { describe, expect, it } from 'vitest';
import { laterLsn, lsnValue, parseSessionNotice, sessionNoticePayload, type SessionNotice } from './session-notices.js';

const SESSION = '0b3c2a4e-58f1-4d8e-9a51-7c1d2e3f4a5b';
const USER = 'f1e2d3c4-b5a6-4978-8a69-5b4c3d2e1f00';

describe('session notices', () => {
  it('reads back what it writes, for each kind', () => {
    const notices: SessionNotice[] = [
      { kind: 'session', sessionId: SESSION },
      { kind: 'user', userId: USER },
      { kind: 'write', sessionId: SESSION, lsn: '16/B374D848' },
    ];
    for (const notice of notices) expect(parseSessionNotice(sessionNoticePayload(notice))).toEqual(notice);
    expect(sessionNoticePayload({ kind: 'user', userId: USER })).toBe(`user:${USER}`);
  });

  it('tells a session from a user by the prefix, and normalises case as PostgreSQL prints it', () => {
    expect(parseSessionNotice(`session:${SESSION.toUpperCase()}`)).toEqual({ kind: 'session', sessionId: SESSION });
    expect(parseSessionNotice(`user:${USER.toUpperCase()}`)).toEqual({ kind: 'user', userId: USER });
    expect(parseSessionNotice(`write:${SESSION}:0/1a2b`)).toEqual({ kind: 'write', sessionId: SESSION, lsn: '0/1A2B' });
  });

  it('refuses anything else, which the cache answers by forgetting everything', () => {
    for (const payload of [
      undefined,
      '',
      SESSION,
      `sessions:${SESSION}`,
      `session:${SESSION} `,
      `session:${SESSION}:extra`,
      'user:not-a-uuid',
      `write:${SESSION}`,
      `write:${SESSION}:`,
      `write:${SESSION}:16-B374D848`,
      `write:${SESSION}:123456789/0`,
      `write:${USER}:G/0`,
    ]) {
      expect(parseSessionNotice(payload), String(payload)).toBeUndefined();
    }
  });

  it('compares write positions as the server does, not as text', () => {
    expect(lsnValue('0/0')).toBe(0n);
    expect(lsnValue('1/0')).toBe(2n ** 32n);
    expect(lsnValue('16/B374D848') > lsnValue('9/FFFFFFFF')).toBe(true);
    expect(laterLsn('9/FFFFFFFF', '16/0')).toBe('16/0');
    expect(laterLsn('16/0', '9/FFFFFFFF')).toBe('16/0');
    expect(laterLsn(null, '0/10')).toBe('0/10');
    expect(laterLsn('0/10', null)).toBe('0/10');
    expect(laterLsn(null, null)).toBeNull();
  });
});
