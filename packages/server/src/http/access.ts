import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '@concord/core';
import type { UserActor } from '../actor.ts';
import * as errors from '../modules/accounts/accounts.errors.ts';
import { API_TOKEN_PREFIX } from '../modules/accounts/secrets.ts';
import type { Accounts } from '../modules/accounts/accounts.service.ts';

/**
 * Who may call a route is declared on the route itself (`config.access`) and
 * checked here, once, before the body is read: 'public', 'signed-in' (the
 * default, so a route is never open by accident) or a list of roles. Finer
 * rules (jurisdiction scope, pact clauses) live in the services.
 */
export type Access = 'public' | 'signed-in' | { roles: readonly Role[] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: UserActor | null;
  }
}

export const SESSION_COOKIE = 'concord_session';
export const CSRF_COOKIE = 'concord_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const registerAccess = (app: FastifyInstance, accounts: Accounts) => {
  app.decorateRequest('actor', null);

  // onRequest, so that nobody learns anything from a route (not even its
  // validation errors) before access is settled.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.is404) return;
    request.actor = await resolveActor(request, reply, accounts);
    const access = request.routeOptions.config?.access ?? 'signed-in';
    if (access === 'public') return;
    if (!request.actor) throw errors.authRequired();
    if (access === 'signed-in') return;
    if (!access.roles.some((role) => request.actor!.roles.includes(role))) throw errors.roleDenied(access.roles);
  });
};

const resolveActor = async (request: FastifyRequest, reply: FastifyReply, accounts: Accounts): Promise<UserActor | null> => {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw errors.invalidToken();
    const token = match[1]!;
    const actor = token.startsWith(API_TOKEN_PREFIX)
      ? await accounts.resolveApiToken(token)
      : (await accounts.resolveSession(token))?.actor;
    if (!actor) throw errors.invalidToken();
    return actor;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (!cookie) return null;
  const session = await accounts.resolveSession(cookie);
  if (!session) {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return null;
  }
  // Cookies travel with every request the browser makes, including ones a
  // hostile page triggers; a header only our own pages can set proves intent.
  if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) throw errors.csrfMismatch();
  return session.actor;
};

/** The signed-in actor of a route that declared a non-public access. */
export const actorOf = (request: FastifyRequest): UserActor => {
  if (!request.actor) throw errors.authRequired();
  return request.actor;
};
