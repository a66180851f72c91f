/**
 * The few HTTP calls the federation demo makes to its nodes, as a person
 * at each ministry would through the API: sign in, post, read.
 */
export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; message?: string; params?: Record<string, unknown> };
}

export const call = async (url: string, path: string, options: { token?: string; body?: unknown; contentType?: string; method?: string } = {}): Promise<Answer> => {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${url}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    ...(options.body === undefined ? {} : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
  });
  return { status: response.status, body: ((await response.json().catch(() => ({}))) ?? {}) as Answer['body'] };
};

export const signIn = async (url: string, email: string, password: string): Promise<string> => {
  const answer = await call(url, '/api/v1/auth/sign-in', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`sign-in of ${email} at ${url} failed: ${answer.status} ${answer.body.code ?? ''}`);
  return answer.body.token as string;
};

/** Polls until `probe` returns a value, or fails after `timeoutMs` saying what it waited for. */
export const waitFor = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 250): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
};
