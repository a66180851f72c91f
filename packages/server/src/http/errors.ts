import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '@concord/core';

/**
 * One error shape for every response that is not a success:
 * `{ code, message, params, requestId }`. Codes are stable; clients (the
 * dashboard, the CLI) turn them into words. Anything that is not an AppError
 * or a recognised request problem becomes INTERNAL and is logged once.
 */
export interface ErrorBody {
  code: string;
  message: string;
  params: Record<string, unknown>;
  requestId: string;
}

const FASTIFY_CODES: Record<string, { code: string; status: number; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'REQUEST_MALFORMED_JSON', status: 400, message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'REQUEST_EMPTY_BODY', status: 400, message: 'The request body is empty but JSON was declared.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE', status: 415, message: 'This content type is not accepted here.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'REQUEST_TOO_LARGE', status: 413, message: 'The request body is larger than the limit.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'REQUEST_MALFORMED', status: 400, message: 'The Content-Length header does not match the body.' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'REQUEST_MALFORMED', status: 400, message: 'The Content-Type header is malformed.' },
  FST_ERR_BAD_URL: { code: 'REQUEST_MALFORMED', status: 400, message: 'The URL is malformed.' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'REQUEST_MALFORMED', status: 400, message: 'The request could not be routed.' },
};

export const toErrorBody = (error: unknown, requestId: string): { status: number; body: ErrorBody; internal: boolean } => {
  if (isAppError(error)) {
    return { status: error.status, body: { code: error.code, message: error.message, params: error.params, requestId }, internal: error.status >= 500 };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const issues = fastifyError.validation.map((issue) => ({
      path: `${fastifyError.validationContext ?? 'body'}${issue.instancePath.replaceAll('/', '.')}`,
      message: issue.message ?? 'is invalid',
    }));
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: `The request is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
        params: { issues },
        requestId,
      },
      internal: false,
    };
  }
  const known = fastifyError?.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return { status: known.status, body: { code: known.code, message: known.message, params: {}, requestId }, internal: false };
  if (error instanceof SyntaxError && (fastifyError.statusCode === 400 || /JSON/.test(error.message))) {
    return { status: 400, body: { code: 'REQUEST_MALFORMED_JSON', message: 'The request body is not valid JSON.', params: {}, requestId }, internal: false };
  }
  const status = fastifyError?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, body: { code: 'REQUEST_INVALID', message: fastifyError.message, params: {}, requestId }, internal: false };
  }
  return {
    status: 500,
    body: { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.', params: {}, requestId },
    internal: true,
  };
};

export const errorHandler = (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
  const { status, body, internal } = toErrorBody(error, request.id);
  if (internal) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.code, status }, 'request refused');
  return reply.status(status).send(body);
};

export const notFoundHandler = (request: FastifyRequest, reply: FastifyReply) =>
  reply.status(404).send({
    code: 'NOT_FOUND',
    message: `No route ${request.method} ${request.url.split('?')[0]}`,
    params: { method: request.method },
    requestId: request.id,
  } satisfies ErrorBody);

export const rateLimited = (limit: number, after: string) =>
  new AppError('RATE_LIMITED', `Too many requests; try again in ${after}.`, { status: 429, params: { limit, retryAfter: after } });
