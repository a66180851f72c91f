import { AppError } from '@concord/core';
import type { CliIo } from './io.ts';

/**
 * Commands that talk to a running node over its API (rather than opening its
 * database) take the node's address and an API token from --url/--token or
 * CONCORD_URL/CONCORD_TOKEN. A token is made once with POST /api/v1/tokens
 * (or the dashboard) and works until it expires or is revoked.
 */
export interface NodeApi {
  url: string;
  token: string;
}

export const nodeApiFrom = (io: CliIo, options: { url?: string; token?: string }): NodeApi => {
  const url = options.url ?? io.env.CONCORD_URL;
  const token = options.token ?? io.env.CONCORD_TOKEN;
  const missing = [!url && '--url (or CONCORD_URL)', !token && '--token (or CONCORD_TOKEN)'].filter(Boolean);
  if (missing.length > 0) throw new AppError('CLI_NODE_UNKNOWN', `say which node and how to sign in: ${missing.join(' and ')}`);
  return { url: url!.replace(/\/+$/, ''), token: token! };
};

/** The node's error body, when it answered with one. */
export interface ApiErrorBody {
  code: string;
  message: string;
  params: Record<string, unknown>;
}

export interface ApiAnswer<T> {
  status: number;
  body: T | ApiErrorBody | null;
}

/** Sends one request; network failures become CLI_NODE_UNREACHABLE rather than a stack trace. */
export const callNode = async <T>(api: NodeApi, path: string, init: RequestInit & { duplex?: 'half' }): Promise<ApiAnswer<T>> => {
  let response: Response;
  try {
    response = await fetch(`${api.url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${api.token}` } });
  } catch (error) {
    const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new AppError('CLI_NODE_UNREACHABLE', `cannot reach ${api.url} (${cause})`, { params: { url: api.url } });
  }
  const text = await response.text();
  let body: T | ApiErrorBody | null = null;
  try {
    body = text ? (JSON.parse(text) as T) : null;
  } catch {
    body = null;
  }
  return { status: response.status, body };
};

export const isErrorBody = (body: unknown): body is ApiErrorBody =>
  typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).code === 'string' && typeof (body as ApiErrorBody).message === 'string';
