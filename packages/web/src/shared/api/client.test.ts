import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, withQuery } from './client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

const fakeFetch = (respond: (call: Call) => Response | Promise<Response>) => {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  }) as unknown as typeof globalThis.fetch;
  return { fetch, calls };
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const header = (call: Call, name: string) => (call.init.headers as Record<string, string>)[name];

describe('the API client', () => {
  it('reads a success as JSON from /api/v1 with the session cookie', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { parties: [] }));
    const client = createApiClient({ fetch });
    expect(await client.get('/region')).toEqual({ parties: [] });
    expect(calls[0]!.url).toBe('/api/v1/region');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(header(calls[0]!, 'x-csrf-token')).toBeUndefined();
  });

  it('sends the CSRF token from sign-in on every change, and the cookie’s after a reload', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch, readCsrfCookie: () => 'from-cookie' });
    await client.send('POST', '/auth/sign-out');
    client.setCsrfToken('from-sign-in');
    await client.send('DELETE', '/tokens/1');
    await client.get('/me');
    expect(header(calls[0]!, 'x-csrf-token')).toBe('from-cookie');
    expect(header(calls[1]!, 'x-csrf-token')).toBe('from-sign-in');
    expect(header(calls[2]!, 'x-csrf-token')).toBeUndefined();
  });

  it('turns the error body into an ApiError with the code and params', async () => {
    const body = { code: 'ACCESS_OUT_OF_SCOPE', message: 'You cannot act on records of UG.', params: { jurisdiction: 'UG' }, requestId: 'r-1' };
    const { fetch } = fakeFetch(() => json(403, body));
    const error = await createApiClient({ fetch }).get('/users', { query: { jurisdiction: 'UG' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'ACCESS_OUT_OF_SCOPE', status: 403, params: { jurisdiction: 'UG' }, requestId: 'r-1' });
  });

  it('names an unreachable server and an unreadable answer with the dashboard’s own codes', async () => {
    const down = createApiClient({ fetch: fakeFetch(() => Promise.reject(new TypeError('fetch failed'))).fetch });
    await expect(down.get('/me')).rejects.toMatchObject({ code: 'NETWORK_UNREACHABLE', status: 0 });
    const garbled = createApiClient({ fetch: fakeFetch(() => new Response('<html>proxy error</html>', { status: 502 })).fetch });
    await expect(garbled.get('/me')).rejects.toMatchObject({ code: 'RESPONSE_UNREADABLE', status: 502 });
  });

  it('lets an aborted request end as an abort, not as a network error', async () => {
    const aborted = createApiClient({ fetch: fakeFetch(() => Promise.reject(new DOMException('aborted', 'AbortError'))).fetch });
    await expect(aborted.get('/me')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('leaves empty query values out of the URL and encodes the rest', () => {
    expect(withQuery('/users', { jurisdiction: undefined, role: null, q: '' })).toBe('/users');
    expect(withQuery('/audit', { before: 10, action: 'user.created & more' })).toBe('/audit?before=10&action=user.created+%26+more');
  });
});
