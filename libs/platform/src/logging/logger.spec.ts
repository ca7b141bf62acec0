import { describe, expect, it } from 'vitest';
import { redactRequestForLog, redactRequestUrl } from './logger.js';

describe('request URLs in the log', () => {
  it.each([
    ['/calendar/s3cr3t-t0ken.ics', '/calendar/[redacted].ics'],
    ['/calendar/s3cr3t-t0ken.ics?token=abc', '/calendar/[redacted].ics?token=[redacted]'],
    ['/invitations/Abc_-123', '/invitations/[redacted]'],
    ['/invitations/Abc_-123/accept', '/invitations/[redacted]/accept'],
    ['/invitations/Abc_-123?lang=ja', '/invitations/[redacted]?lang=ja'],
  ])('mask the secret token in %s', (url, logged) => {
    expect(redactRequestUrl(url)).toBe(logged);
  });

  it.each(['/applications/0b6c2c1e-8d4a-4c55-9a43-0f5e3b8f7d21/invitations', '/calls/x/calendar.ics', '/people/lookup?email=a@b.org'])(
    'leave %s as it is',
    (url) => {
      expect(redactRequestUrl(url)).toBe(url);
    },
  );

  it('mask a route parameter named token', () => {
    expect(redactRequestForLog({ url: '/invitations/abc', params: { token: 'abc' } })).toEqual({
      url: '/invitations/[redacted]',
      params: { token: '[redacted]' },
    });
  });
});
