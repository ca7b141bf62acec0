/**
 * Whether a cookie-authenticated request comes from the api's own pages: its Origin header names
 * the origin the request was made to (scheme and host as the server sees them) or the configured
 * public URL. A missing or opaque ("null") Origin is refused: browsers send it on every POST.
 */
export function isOwnOrigin(origin: string | undefined, requestOrigin: string, publicUrl: string): boolean {
  if (origin === undefined || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin !== origin) return false;
  return origin === requestOrigin || origin === new URL(publicUrl).origin;
}
