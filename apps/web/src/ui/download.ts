import { session } from '../auth/session';
import { ApiError, isProblem, networkProblem } from '../api/problem';

/** The file name a Content-Disposition header gives, preferring RFC 6266's filename* (UTF-8, so Japanese names survive). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition) ?? /filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads an api file with the session's token (a plain link cannot carry it) and hands it to the
 * browser under the name the api gives.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await session.authorizedFetch(new Request(url));
  } catch (error) {
    throw new ApiError(networkProblem(error), undefined);
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(
      isProblem(body)
        ? body
        : { type: 'about:blank', title: response.statusText, status: response.status, code: `HTTP_${response.status}` },
      response,
    );
  }
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}
