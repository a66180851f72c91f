import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '@concord/core';
import { actorOf, CSRF_COOKIE, SESSION_COOKIE } from '../../http/access.ts';
import type { Accounts } from './accounts.service.ts';

const role = z.enum(ROLES);
const jurisdiction = z.string().regex(/^[A-Z]{2,8}$/);

const publicUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  jurisdiction: z.string(),
  roles: z.array(role),
  locale: z.enum(['en', 'fr']),
  locked: z.boolean(),
  disabled: z.boolean(),
  synthetic: z.boolean(),
  createdAt: z.string(),
});

const apiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const accountsRoutes = (accounts: Accounts, options: { secureCookies: boolean; signInsPerMinute: number }) =>
  async (root: FastifyInstance) => {
    const app = root.withTypeProvider<ZodTypeProvider>();

    app.post('/auth/sign-in', {
      config: {
        access: 'public',
        rateLimit: { max: options.signInsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with email and password; sets the session cookie and returns a bearer token',
        body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }),
        response: {
          200: z.object({ user: publicUser, token: z.string(), csrfToken: z.string(), expiresAt: z.date() }),
        },
      },
      handler: async (request, reply) => {
        const result = await accounts.signIn({
          ...request.body,
          userAgent: request.headers['user-agent'],
          ip: request.ip,
        });
        const cookie = { path: '/', sameSite: 'lax' as const, secure: options.secureCookies, expires: result.expiresAt };
        reply.setCookie(SESSION_COOKIE, result.token, { ...cookie, httpOnly: true });
        // Readable by our own pages, which echo it in x-csrf-token.
        reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookie, httpOnly: false });
        return result;
      },
    });

    app.post('/auth/sign-out', {
      config: { access: 'public' },
      schema: { tags: ['accounts'], summary: 'End the current session', response: { 204: z.null() } },
      handler: async (request, reply) => {
        const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
        const token = bearer ?? request.cookies[SESSION_COOKIE];
        if (token) await accounts.signOut(token);
        reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    });

    app.get('/me', {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user and what they may reach',
        response: {
          200: z.object({
            id: z.string(),
            email: z.string(),
            displayName: z.string(),
            jurisdiction: z.string(),
            roles: z.array(role),
            regionWide: z.boolean(),
            locale: z.enum(['en', 'fr']),
            via: z.enum(['session', 'token']),
          }),
        },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        return { ...actor, id: actor.userId, roles: [...actor.roles] };
      },
    });

    app.get('/users', {
      schema: {
        tags: ['accounts'],
        summary: "List users; region-wide roles see every jurisdiction, others only their own",
        querystring: z.object({ jurisdiction: jurisdiction.optional(), role: role.optional() }),
        response: { 200: z.object({ users: z.array(publicUser) }) },
      },
      handler: async (request) => ({ users: await accounts.listUsers(actorOf(request), request.query) }),
    });

    app.get('/users/:id', {
      schema: {
        tags: ['accounts'],
        summary: 'One user, if within your reach',
        params: z.object({ id: z.uuid() }),
        response: { 200: publicUser },
      },
      handler: async (request) => accounts.getUser(actorOf(request), request.params.id),
    });

    app.post('/users', {
      config: { access: { roles: ['hub-coordinator', 'national-focal-point'] } },
      schema: {
        tags: ['accounts'],
        summary: 'Create a user in a jurisdiction you reach',
        body: z.object({
          email: z.email().max(320),
          displayName: z.string().min(1).max(200),
          jurisdiction,
          roles: z.array(role).min(1),
          password: z.string().min(1).max(1024),
          locale: z.enum(['en', 'fr']).optional(),
        }),
        response: { 201: publicUser },
      },
      handler: async (request, reply) => reply.status(201).send(await accounts.createUser(actorOf(request), request.body)),
    });

    app.get('/tokens', {
      schema: { tags: ['accounts'], summary: 'Your API tokens (never the secret)', response: { 200: z.object({ tokens: z.array(apiToken) }) } },
      handler: async (request) => ({ tokens: await accounts.listApiTokens(actorOf(request)) }),
    });

    app.post('/tokens', {
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token for a machine; the secret is shown once',
        body: z.object({ name: z.string().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() }),
        response: { 201: apiToken.extend({ token: z.string() }) },
      },
      handler: async (request, reply) => reply.status(201).send(await accounts.createApiToken(actorOf(request), request.body)),
    });

    app.delete('/tokens/:id', {
      schema: { tags: ['accounts'], summary: 'Revoke one of your API tokens', params: z.object({ id: z.uuid() }), response: { 204: z.null() } },
      handler: async (request, reply) => {
        await accounts.revokeApiToken(actorOf(request), request.params.id);
        return reply.status(204).send(null);
      },
    });
  };
