/**
 * What one api instance tells the others about sessions, through PostgreSQL NOTIFY on one channel.
 * A notice is sent in the transaction of the change it announces, so it is delivered when that
 * change commits, and never when it rolls back.
 */
export const SESSION_CHANNEL = 'jointcall_sessions';

export type SessionNotice =
  /** The session ended (logout, a reused refresh token): forget it. */
  | { readonly kind: 'session'; readonly sessionId: string }
  /** The user changed (disabled, roles, organisation, e-mail) or all their sessions ended: forget every session of theirs. */
  | { readonly kind: 'user'; readonly userId: string }
  /** The session wrote: reads that may lag must wait for a replica to replay this far (pg_lsn text). */
  | { readonly kind: 'write'; readonly sessionId: string; readonly lsn: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LSN = '[0-9A-F]{1,8}/[0-9A-F]{1,8}';
const SESSION = new RegExp(`^session:(${UUID})$`, 'i');
const USER = new RegExp(`^user:(${UUID})$`, 'i');
const WRITE = new RegExp(`^write:(${UUID}):(${LSN})$`, 'i');

/** The payload of a notice: `session:<id>`, `user:<id>` or `write:<session id>:<lsn>`. */
export function sessionNoticePayload(notice: SessionNotice): string {
  switch (notice.kind) {
    case 'session':
      return `session:${notice.sessionId}`;
    case 'user':
      return `user:${notice.userId}`;
    case 'write':
      return `write:${notice.sessionId}:${notice.lsn}`;
  }
}

/** The notice a payload carries, or undefined for one this version does not know (the cache then forgets everything). */
export function parseSessionNotice(payload: string | undefined): SessionNotice | undefined {
  if (payload === undefined) return undefined;
  let match = SESSION.exec(payload);
  if (match) return { kind: 'session', sessionId: match[1]!.toLowerCase() };
  match = USER.exec(payload);
  if (match) return { kind: 'user', userId: match[1]!.toLowerCase() };
  match = WRITE.exec(payload);
  if (match) return { kind: 'write', sessionId: match[1]!.toLowerCase(), lsn: match[2]!.toUpperCase() };
  return undefined;
}

/** A pg_lsn ('16/B374D848') as a number that compares as the server compares positions. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

/** The later of two write positions; null means none. */
export function laterLsn(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return lsnValue(b) > lsnValue(a) ? b : a;
}
