import { session } from '../auth/session';
import { ApiError, isProblem } from '../api/problem';

/**
 * Downloads a file the api answers only to a signed-in caller (CSV, iCalendar): fetched with the
 * session's token, then saved under the name the server gives (or `fallbackName`).
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await session.authorizedFetch(new Request(path, { headers: { accept: '*/*' } }));
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiError(
      isProblem(body)
        ? body
        : { type: 'about:blank', title: response.statusText, status: response.status, code: `HTTP_${response.status}` },
      response,
    );
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
