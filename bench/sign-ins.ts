import type { BenchUser } from './scenarios.js';

/** What a sign-in surge did: every login should be a 200; their times, and the api's peak memory meanwhile. */
export interface SignInReport {
  /** Logins sent at once, each by a different account. */
  readonly logins: number;
  readonly signedIn: number;
  readonly failed: readonly string[];
  readonly p50Ms: number;
  readonly maxMs: number;
  readonly seconds: number;
  /** The api's resident memory when the logins left, and its peak until the last answered. */
  readonly apiMemoryBeforeMb: number;
  readonly apiPeakMemoryMb: number;
}

/**
 * Every user signs in at the same moment (the morning of a deadline): each login is its own
 * request, all sent at once, and each checks an argon2id hash on the server.
 */
export async function signInAtOnce(
  url: string,
  users: readonly BenchUser[],
  password: string,
): Promise<Pick<SignInReport, 'signedIn' | 'failed' | 'p50Ms' | 'maxMs' | 'seconds'>> {
  const started = performance.now();
  const times: number[] = [];
  const failed: string[] = [];
  await Promise.all(
    users.map(async (u) => {
      const t = performance.now();
      try {
        const response = await fetch(`${url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: u.email, password }),
        });
        const text = await response.text();
        if (response.status !== 200) failed.push(`${u.email}: ${response.status} ${text.slice(0, 200)}`);
      } catch (error) {
        failed.push(`${u.email}: ${error instanceof Error ? error.message : String(error)}`);
      }
      times.push(performance.now() - t);
    }),
  );
  times.sort((a, b) => a - b);
  return {
    signedIn: users.length - failed.length,
    failed,
    p50Ms: Math.round(times[Math.floor(times.length / 2)] ?? 0),
    maxMs: Math.round(times.at(-1) ?? 0),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
