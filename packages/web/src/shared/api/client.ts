import type { ErrorBody } from './types.ts';

/**
 * The one way the dashboard talks to the node. Every refusal becomes an
 * `ApiError` carrying the server's stable code and params, so pages can turn
 * it into words (shared/i18n/error-message.ts) instead of showing JSON.
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes the dashboard itself raises, beside the server's (docs/dashboard.md). */
export const CLIENT_ERRORS = {
  network: 'NETWORK_UNREACHABLE',
  badResponse: 'RESPONSE_UNREADABLE',
} as const;

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export type Query = Record<string, string | number | undefined | null>;

export interface ApiClient {
  get<T>(path: string, options?: { query?: Query; signal?: AbortSignal }): Promise<T>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, options?: { signal?: AbortSignal }): Promise<T>;
  /** Remembers the CSRF token given at sign-in (null at sign-out). */
  setCsrfToken(token: string | null): void;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Where the CSRF token is found after a page reload: the readable concord_csrf cookie. */
  readCsrfCookie?: () => string | undefined;
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string' && typeof (value as ErrorBody).message === 'string';

export const withQuery = (path: string, query: Query = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
};

export const createApiClient = (options: ApiClientOptions = {}): ApiClient => {
  const baseUrl = options.baseUrl ?? '/api/v1';
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let csrfToken: string | null = null;

  const request = async <T>(method: string, path: string, body: unknown, signal: AbortSignal | undefined): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    // The session cookie rides along with every request, so a change needs
    // proof that our own page sent it (packages/server/src/http/access.ts).
    if (method !== 'GET') {
      const token = csrfToken ?? options.readCsrfCookie?.();
      if (token) headers['x-csrf-token'] = token;
    }
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new ApiError(CLIENT_ERRORS.network, 'The server could not be reached.', 0);
    }
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => undefined);
    if (response.ok && payload !== undefined) return payload as T;
    if (isErrorBody(payload)) throw new ApiError(payload.code, payload.message, response.status, payload.params ?? {}, payload.requestId);
    throw new ApiError(CLIENT_ERRORS.badResponse, `The server answered ${response.status} without a readable body.`, response.status);
  };

  return {
    get: (path, { query, signal } = {}) => request('GET', withQuery(path, query), undefined, signal),
    send: (verb, path, body, { signal } = {}) => request(verb, path, body, signal),
    setCsrfToken: (token) => {
      csrfToken = token;
    },
  };
};

/** The readable CSRF cookie the node sets at sign-in (CSRF_COOKIE in http/access.ts). */
export const readCsrfCookie = (): string | undefined => {
  if (typeof document === 'undefined') return undefined;
  const entry = document.cookie.split('; ').find((part) => part.startsWith('concord_csrf='));
  return entry ? decodeURIComponent(entry.slice('concord_csrf='.length)) : undefined;
};

/** The dashboard's client, on the same origin as the node. */
export const api = createApiClient({ readCsrfCookie });
