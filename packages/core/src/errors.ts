/**
 * The one error type of Concord. Every failure a user can cause carries a
 * stable UPPER_SNAKE code prefixed by its context (PACT_…, STOCK_…), an HTTP
 * status, and the parameters a client needs to explain it in its own words.
 * The server maps it to `{ code, message, params, requestId }`; the CLI and
 * the dashboard turn the code into a sentence.
 */
export type ErrorParams = Record<string, unknown>;

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: ErrorParams;

  constructor(code: string, message: string, options: { status?: number; params?: ErrorParams; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status ?? 400;
    this.params = options.params ?? {};
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

/** Shorthands for the statuses that recur across contexts. */
export const badRequest = (code: string, message: string, params?: ErrorParams) =>
  new AppError(code, message, { status: 400, params });
export const notFound = (code: string, message: string, params?: ErrorParams) =>
  new AppError(code, message, { status: 404, params });
export const forbidden = (code: string, message: string, params?: ErrorParams) =>
  new AppError(code, message, { status: 403, params });
export const conflict = (code: string, message: string, params?: ErrorParams) =>
  new AppError(code, message, { status: 409, params });
