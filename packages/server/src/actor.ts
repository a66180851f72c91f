import type { Role } from '@concord/core';

/**
 * Who acts. Every service call carries one: a signed-in user, a machine
 * holding an API token, or the node itself (seed, scheduled jobs, federation).
 * `jurisdiction` is where the actor's roles apply; the hub's jurisdiction
 * reaches the whole region.
 */
export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  jurisdiction: string;
  roles: readonly Role[];
  regionWide: boolean;
  via: 'session' | 'token';
  locale: 'en' | 'fr';
}

export interface SystemActor {
  kind: 'system';
  name: string;
  jurisdiction?: string;
}

export type Actor = UserActor | SystemActor;

export const systemActor = (name: string, jurisdiction?: string): SystemActor => ({ kind: 'system', name, jurisdiction });

export const actorLabel = (actor: Actor): string => (actor.kind === 'user' ? `user:${actor.email}` : `system:${actor.name}`);

export const hasRole = (actor: Actor, ...roles: Role[]): boolean =>
  actor.kind === 'system' || roles.some((role) => actor.roles.includes(role));

/** True when the actor may see records of `jurisdiction`. */
export const reaches = (actor: Actor, jurisdiction: string): boolean =>
  actor.kind === 'system' || actor.regionWide || actor.jurisdiction === jurisdiction;
