import { randomUUID } from 'node:crypto';
import type { Role } from '@concord/core';
import type { Actor, UserActor } from '../../actor.ts';
import { hasRole, reaches, systemActor } from '../../actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AuditLog } from '../audit/audit.service.ts';
import * as errors from './accounts.errors.ts';
import * as repo from './accounts.repo.ts';
import { API_TOKEN_PREFIX, MIN_PASSWORD_LENGTH, digest, hashPassword, newSecret, verifyPassword } from './secrets.ts';

export interface AccountsPolicy {
  sessionHours: number;
  lockoutAttempts: number;
  lockoutMinutes: number;
}

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  jurisdiction: string;
  roles: Role[];
  locale: 'en' | 'fr';
  locked: boolean;
  disabled: boolean;
  synthetic: boolean;
  createdAt: string;
}

export interface SignInResult {
  user: PublicUser;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface NewUser {
  email: string;
  displayName: string;
  jurisdiction: string;
  roles: Role[];
  password: string;
  locale?: 'en' | 'fr';
  synthetic?: boolean;
}

const toPublic = (user: repo.UserRecord, now: Date): PublicUser => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  jurisdiction: user.jurisdiction,
  roles: user.roles,
  locale: user.locale,
  locked: user.lockedUntil !== null && user.lockedUntil > now,
  disabled: user.disabledAt !== null,
  synthetic: user.synthetic,
  createdAt: user.createdAt.toISOString(),
});

const toActor = (user: repo.UserRecord & { regionWide: boolean }, via: UserActor['via']): UserActor => ({
  kind: 'user',
  userId: user.id,
  email: user.email,
  displayName: user.displayName,
  jurisdiction: user.jurisdiction,
  roles: user.roles,
  regionWide: user.regionWide,
  via,
  locale: user.locale,
});

// Roles that only the hub may hold or grant.
const HUB_ONLY_ROLES: readonly Role[] = ['hub-coordinator'];

export const createAccounts = (deps: { db: Db; audit: AuditLog; clock: Clock; policy: AccountsPolicy }) => {
  const { db, audit, clock, policy } = deps;

  const signIn = async (input: { email: string; password: string; userAgent?: string; ip?: string }): Promise<SignInResult> => {
    const now = clock.now();
    const user = await repo.findUserByEmail(db, input.email);
    if (user?.lockedUntil && user.lockedUntil > now) throw errors.accountLocked(user.lockedUntil);
    const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !valid) {
      if (user) await recordFailure(user, now);
      throw errors.invalidCredentials();
    }
    if (user.disabledAt) throw errors.accountDisabled();
    const token = newSecret();
    const csrfToken = newSecret();
    const expiresAt = new Date(now.getTime() + policy.sessionHours * 3_600_000);
    await db.transaction(async (tx) => {
      await repo.resetFailedSignIns(tx, user.id);
      await repo.insertSession(tx, { tokenHash: digest(token), userId: user.id, csrfToken, createdAt: now, expiresAt, userAgent: input.userAgent, ip: input.ip });
      await audit.append(tx, systemActor('accounts', user.jurisdiction), {
        action: 'auth.signed-in',
        entityType: 'user',
        entityId: user.id,
        jurisdiction: user.jurisdiction,
        details: { email: user.email, ip: input.ip ?? null },
      });
    });
    return { user: toPublic(user, now), token, csrfToken, expiresAt };
  };

  const recordFailure = (user: repo.UserRecord, now: Date) =>
    db.transaction(async (tx) => {
      const lockUntil = new Date(now.getTime() + policy.lockoutMinutes * 60_000);
      const result = await repo.recordFailedSignIn(tx, user.id, policy.lockoutAttempts, lockUntil);
      await audit.append(tx, systemActor('accounts', user.jurisdiction), {
        action: result?.lockedUntil && result.lockedUntil > now ? 'auth.locked-out' : 'auth.sign-in-failed',
        entityType: 'user',
        entityId: user.id,
        jurisdiction: user.jurisdiction,
        details: { failedAttempts: result?.failedAttempts ?? null },
      });
    });

  const signOut = async (token: string) => {
    await repo.deleteSession(db, digest(token));
  };

  const resolveSession = async (token: string): Promise<{ actor: UserActor; csrfToken: string } | undefined> => {
    const row = await repo.findSessionActor(db, digest(token), clock.now());
    return row && { actor: toActor(row, 'session'), csrfToken: row.csrfToken };
  };

  const resolveApiToken = async (token: string): Promise<UserActor | undefined> => {
    const row = await repo.findTokenActor(db, digest(token), clock.now());
    return row && toActor(row, 'token');
  };

  /** Users the actor may see: region-wide roles see all, others their own jurisdiction. */
  const listUsers = async (actor: Actor, filter: { jurisdiction?: string; role?: string }) => {
    if (filter.jurisdiction && !reaches(actor, filter.jurisdiction)) throw errors.outOfScope(filter.jurisdiction);
    const jurisdictions = filter.jurisdiction ? [filter.jurisdiction] : actor.kind === 'user' && !actor.regionWide ? [actor.jurisdiction] : undefined;
    const now = clock.now();
    return (await repo.listUsers(db, { jurisdictions, role: filter.role })).map((user) => toPublic(user, now));
  };

  const getUser = async (actor: Actor, id: string) => {
    const user = await repo.findUserById(db, id);
    if (!user) throw errors.userNotFound(id);
    if (!reaches(actor, user.jurisdiction)) throw errors.outOfScope(user.jurisdiction);
    return toPublic(user, clock.now());
  };

  const createUser = async (actor: Actor, input: NewUser): Promise<PublicUser> => {
    if (!reaches(actor, input.jurisdiction)) throw errors.outOfScope(input.jurisdiction);
    if (input.password.length < MIN_PASSWORD_LENGTH) throw errors.weakPassword(MIN_PASSWORD_LENGTH);
    const kind = await repo.jurisdictionKind(db, input.jurisdiction);
    if (!kind) throw errors.unknownJurisdiction(input.jurisdiction);
    for (const role of input.roles) {
      const hubOnly = HUB_ONLY_ROLES.includes(role);
      if (hubOnly && (kind !== 'hub' || !hasRole(actor, 'hub-coordinator'))) throw errors.roleNotGrantable(role);
    }
    const passwordHash = await hashPassword(input.password);
    const now = clock.now();
    const record = {
      id: randomUUID(),
      email: input.email.toLowerCase(),
      displayName: input.displayName,
      jurisdiction: input.jurisdiction,
      roles: [...new Set(input.roles)],
      locale: input.locale ?? 'en',
      passwordHash,
      synthetic: input.synthetic ?? false,
      createdAt: now,
    };
    await db.transaction(async (tx) => {
      if (!(await repo.insertUser(tx, record))) throw errors.emailTaken(record.email);
      await audit.append(tx, actor, {
        action: 'user.created',
        entityType: 'user',
        entityId: record.id,
        jurisdiction: record.jurisdiction,
        details: { email: record.email, roles: record.roles },
      });
    });
    return toPublic({ ...record, failedAttempts: 0, lockedUntil: null, disabledAt: null }, now);
  };

  const createApiToken = async (actor: UserActor, input: { name: string; expiresInDays?: number }) => {
    const token = newSecret(API_TOKEN_PREFIX);
    const now = clock.now();
    const record = {
      id: randomUUID(),
      userId: actor.userId,
      name: input.name,
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      createdAt: now,
      expiresAt: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
      lastUsedAt: null,
      revokedAt: null,
    };
    await db.transaction(async (tx) => {
      await repo.insertApiToken(tx, { ...record, tokenHash: digest(token) });
      await audit.append(tx, actor, {
        action: 'api-token.created',
        entityType: 'api-token',
        entityId: record.id,
        jurisdiction: actor.jurisdiction,
        details: { name: record.name, prefix: record.prefix },
      });
    });
    return { ...record, token };
  };

  const listApiTokens = (actor: UserActor) => repo.listApiTokens(db, actor.userId);

  const revokeApiToken = (actor: UserActor, id: string) =>
    db.transaction(async (tx) => {
      const revoked = await repo.revokeApiToken(tx, id, actor.userId, clock.now());
      if (!revoked) throw errors.tokenNotFound(id);
      await audit.append(tx, actor, { action: 'api-token.revoked', entityType: 'api-token', entityId: id, jurisdiction: actor.jurisdiction });
    });

  return { signIn, signOut, resolveSession, resolveApiToken, listUsers, getUser, createUser, createApiToken, listApiTokens, revokeApiToken };
};

export type Accounts = ReturnType<typeof createAccounts>;
