/**
 * How many failed logins an account and a client address may have in a sliding hour. A login is
 * refused (429), even with the right password, while either limit is reached; it is allowed again
 * when enough failures have aged out of the window.
 */
export const LOGIN_WINDOW_MS = 60 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 100;
/** Higher than the account limit: many people sign in from one university network. */
export const MAX_FAILURES_PER_ADDRESS = 500;

/**
 * `limitingFailureAt` is the failure that keeps the limit reached: the N-th most recent failure
 * in the window (N = the limit), or undefined when there are fewer than N. Answers the seconds to wait.
 */
export function retryAfterSeconds(limitingFailureAt: Date | undefined, now: Date): number | undefined {
  if (limitingFailureAt === undefined) return undefined;
  const wait = limitingFailureAt.getTime() + LOGIN_WINDOW_MS - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : undefined;
}
