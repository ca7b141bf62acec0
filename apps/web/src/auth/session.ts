import createClient from 'openapi-fetch';
import { isProblem, networkProblem, type Problem } from '../api/problem';
import type { paths } from '../api/schema';

export type SessionStatus = 'restoring' | 'signed-out' | 'signed-in';

export interface SessionSnapshot {
  readonly status: SessionStatus;
  /** Why the session ended, when it ended by itself (the refresh token expired or was revoked). */
  readonly ended?: 'expired';
}

/** Refresh this long before the access token expires. */
const REFRESH_MARGIN_MS = 60_000;
const LOCK = 'jointcall-session-refresh';
const CHANNEL = 'jointcall-session';

/**
 * The browser's session. The access token lives in this object only (never in storage); the
 * refresh token is an HttpOnly cookie the page cannot read. Refreshes are serialised across the
 * tabs of the browser with the Web Locks API, because each refresh rotates the cookie and a
 * second tab sending the old one would end the session as a token reuse. A sign-out in one tab
 * signs out the others.
 */
class BrowserSession {
  private snapshot: SessionSnapshot = { status: 'restoring' };
  private accessToken: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: Promise<boolean> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly auth = createClient<paths>({ baseUrl: '' });
  private readonly channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);

  constructor() {
    this.channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.data === 'signed-out') this.end();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  /** On page load: a session survives a reload through the refresh cookie. */
  async restore(): Promise<void> {
    if (!(await this.refresh())) this.set({ status: 'signed-out' });
  }

  /** Signs in; answers the api's problem when it refuses. */
  async signIn(email: string, password: string): Promise<Problem | undefined> {
    try {
      const { data, error } = await this.auth.POST('/auth/browser/login', { body: { email, password } });
      if (data) {
        this.accept(data.accessToken, data.expiresIn);
        return undefined;
      }
      return isProblem(error) ? error : networkProblem(error);
    } catch (error) {
      return networkProblem(error);
    }
  }

  async signOut(): Promise<void> {
    try {
      await this.auth.POST('/auth/browser/logout');
    } finally {
      this.end();
      this.channel?.postMessage('signed-out');
    }
  }

  /** fetch for the api client: the access token attached, one refresh and retry after a 401. */
  readonly authorizedFetch = async (request: Request): Promise<Response> => {
    const retry = request.clone();
    const response = await fetch(this.withToken(request));
    if (response.status !== 401 || this.snapshot.status !== 'signed-in') return response;
    if (!(await this.refresh())) return response;
    return fetch(this.withToken(retry));
  };

  /**
   * Sends a request whose body the browser streams with progress events (XMLHttpRequest: fetch
   * reports no upload progress), with the access token and one refresh and retry after a 401.
   */
  readonly upload = async (
    method: 'POST' | 'PUT',
    url: string,
    body: FormData,
    onProgress: (loaded: number, total: number) => void,
  ): Promise<{ status: number; body: unknown }> => {
    const send = () =>
      new Promise<{ status: number; body: unknown }>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open(method, url);
        if (this.accessToken !== undefined) xhr.setRequestHeader('Authorization', `Bearer ${this.accessToken}`);
        xhr.responseType = 'json';
        xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : 0);
        xhr.onload = () => resolve({ status: xhr.status, body: xhr.response as unknown });
        xhr.onerror = () => reject(new TypeError('network error'));
        xhr.send(body);
      });
    const first = await send();
    if (first.status !== 401 || this.snapshot.status !== 'signed-in') return first;
    if (!(await this.refresh())) return first;
    return send();
  };

  private withToken(request: Request): Request {
    if (this.accessToken === undefined) return request;
    const headers = new Headers(request.headers);
    headers.set('Authorization', `Bearer ${this.accessToken}`);
    return new Request(request, { headers });
  }

  /** One refresh at a time in this tab, and across tabs through a lock; answers whether the session lives. */
  private refresh(): Promise<boolean> {
    this.pending ??= this.locked(async () => {
      try {
        const { data } = await this.auth.POST('/auth/browser/refresh');
        if (!data) {
          if (this.snapshot.status === 'signed-in') this.end('expired');
          return false;
        }
        this.accept(data.accessToken, data.expiresIn);
        return true;
      } catch {
        // No answer (offline, server restarting): keep the session; the next request or timer tries again.
        return this.snapshot.status === 'signed-in';
      }
    }).finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private locked<T>(work: () => Promise<T>): Promise<T> {
    return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks.request(LOCK, work) : work();
  }

  private accept(accessToken: string, expiresInSeconds: number): void {
    this.accessToken = accessToken;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), Math.max(5_000, expiresInSeconds * 1000 - REFRESH_MARGIN_MS));
    this.set({ status: 'signed-in' });
  }

  private end(ended?: 'expired'): void {
    this.accessToken = undefined;
    clearTimeout(this.timer);
    this.set(ended ? { status: 'signed-out', ended } : { status: 'signed-out' });
  }

  private set(snapshot: SessionSnapshot): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

export const session = new BrowserSession();
