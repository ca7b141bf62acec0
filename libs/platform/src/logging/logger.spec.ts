import { describe, expect, it } from 'vitest';
import { redactRequestUrl, requestForAccessLog, responseForAccessLog } from './logger.js';

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

  it('log a request by its id, method, masked URL and address, and a response by its status: no header', () => {
    const request = {
      id: 'r-1',
      method: 'GET',
      url: '/[redacted].ics',
      originalUrl: '/calendar/s3cr3t.ics?token=s3cr3t',
      headers: { authorization: 'Bearer abc', cookie: 'refresh=abc' },
      socket: { remoteAddress: '127.0.0.1' },
    };
    expect(requestForAccessLog(request)).toEqual({
      id: 'r-1',
      method: 'GET',
      url: '/calendar/[redacted].ics?token=[redacted]',
      remoteAddress: '127.0.0.1',
    });
    expect(requestForAccessLog({ id: 'r-2', method: 'GET', url: '/invitations/abc' }).url).toBe('/invitations/[redacted]');
    expect(responseForAccessLog({ statusCode: 404, getHeaders: () => ({ 'set-cookie': 'x' }) } as { statusCode: number })).toEqual({
      statusCode: 404,
    });
  });
});
