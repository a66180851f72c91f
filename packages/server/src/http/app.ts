import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Accounts } from '../modules/accounts/accounts.service.ts';
import { registerAccess, type Access } from './access.ts';
import { errorHandler, notFoundHandler, rateLimited } from './errors.ts';

export interface RouteEntry {
  method: string;
  url: string;
  access: Access;
  hasBody: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: readonly RouteEntry[];
  }
}

export interface AppOptions {
  logger: Logger;
  accounts: Accounts;
  /** API route plugins, mounted under /api/v1. */
  api: FastifyPluginAsync[];
  /** Plugins mounted at the root (health, schemas, the dashboard). */
  root: FastifyPluginAsync[];
  limits: { requestsPerMinute: number; bodyBytes: number };
  publicUrl: string;
}

/**
 * The HTTP face of a node. Everything a route needs arrives through its
 * context's plugin; this file only wires cross-cutting concerns: request ids,
 * the one error shape, security headers, rate limits, access, OpenAPI.
 */
export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    bodyLimit: options.limits.bodyBytes,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Nodes may run on plain http on a private network or loopback.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    max: options.limits.requestsPerMinute,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => rateLimited(context.max, context.after),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: '0.1.0',
        description:
          'A cross-border health cooperation agreement, executable. Every error has the shape {code, message, params, requestId}; codes are listed in docs/errors.md.',
      },
      servers: [{ url: options.publicUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A session token from /api/v1/auth/sign-in or an API token (cnc_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'concord_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API reference is public, like the OpenAPI document it renders.
  // Every route is also recorded with its declared access, for the
  // authorisation matrix test and anyone auditing the surface.
  const catalogue: RouteEntry[] = [];
  app.decorate('routeCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.config = { ...route.config, access: 'public' };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, access: route.config?.access ?? 'signed-in', hasBody: Boolean(route.schema?.body) });
    }
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAccess(app, options.accounts);

  for (const plugin of options.root) await app.register(plugin);
  await app.register(
    async (api) => {
      for (const plugin of options.api) await api.register(plugin);
    },
    { prefix: '/api/v1' },
  );
  return app;
};
