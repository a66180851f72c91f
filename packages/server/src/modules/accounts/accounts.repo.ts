import type { Role } from '@concord/core';
import type { Queryable } from '../../db/database.ts';
import { maybeOne } from '../../db/database.ts';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  jurisdiction: string;
  roles: Role[];
  locale: 'en' | 'fr';
  passwordHash: string | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  synthetic: boolean;
  createdAt: Date;
}

const userColumns = (t: string) => `${t}.id, ${t}.email, ${t}.display_name AS "displayName", ${t}.jurisdiction, ${t}.roles,
  ${t}.locale, ${t}.password_hash AS "passwordHash", ${t}.failed_attempts AS "failedAttempts", ${t}.locked_until AS "lockedUntil",
  ${t}.disabled_at AS "disabledAt", ${t}.synthetic, ${t}.created_at AS "createdAt"`;
const USER_COLUMNS = userColumns('users');

type UserRow = UserRecord & Record<string, unknown>;

export const findUserByEmail = (q: Queryable, email: string) =>
  maybeOne<UserRow>(q, `SELECT ${USER_COLUMNS} FROM users WHERE email = $1`, [email.toLowerCase()]);

export const findUserById = (q: Queryable, id: string) => maybeOne<UserRow>(q, `SELECT ${USER_COLUMNS} FROM users WHERE id = $1`, [id]);

export const listUsers = (q: Queryable, filter: { jurisdictions?: readonly string[]; role?: string }) => {
  const params: unknown[] = [];
  const where: string[] = [];
  if (filter.jurisdictions) {
    params.push(filter.jurisdictions);
    where.push(`jurisdiction = ANY($${params.length})`);
  }
  if (filter.role) {
    params.push(filter.role);
    where.push(`$${params.length} = ANY(roles)`);
  }
  return q.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY jurisdiction, email`, params);
};

export const insertUser = async (
  q: Queryable,
  user: Pick<UserRecord, 'id' | 'email' | 'displayName' | 'jurisdiction' | 'roles' | 'locale' | 'passwordHash' | 'synthetic' | 'createdAt'>,
) => {
  const rows = await q.query(
    `INSERT INTO users (id, email, display_name, jurisdiction, roles, locale, password_hash, synthetic, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (email) DO NOTHING RETURNING id`,
    [user.id, user.email.toLowerCase(), user.displayName, user.jurisdiction, user.roles, user.locale, user.passwordHash, user.synthetic, user.createdAt],
  );
  return rows.length === 1;
};

export const recordFailedSignIn = (q: Queryable, id: string, lockAfter: number, lockUntil: Date) =>
  maybeOne<{ failedAttempts: number; lockedUntil: Date | null } & Record<string, unknown>>(
    q,
    `UPDATE users SET failed_attempts = failed_attempts + 1,
       locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN $3::timestamptz ELSE locked_until END
     WHERE id = $1 RETURNING failed_attempts AS "failedAttempts", locked_until AS "lockedUntil"`,
    [id, lockAfter, lockUntil],
  );

export const resetFailedSignIns = (q: Queryable, id: string) =>
  q.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]);

export const insertSession = (
  q: Queryable,
  session: { tokenHash: string; userId: string; csrfToken: string; createdAt: Date; expiresAt: Date; userAgent?: string; ip?: string },
) =>
  q.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, user_agent, ip) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [session.tokenHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt, session.userAgent ?? null, session.ip ?? null],
  );

export const findSession = (q: Queryable, tokenHash: string, now: Date) =>
  maybeOne<{ userId: string; csrfToken: string; expiresAt: Date } & Record<string, unknown>>(
    q,
    `SELECT user_id AS "userId", csrf_token AS "csrfToken", expires_at AS "expiresAt" FROM sessions WHERE token_hash = $1 AND expires_at > $2`,
    [tokenHash, now],
  );

export const deleteSession = (q: Queryable, tokenHash: string) => q.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);

export const deleteExpiredSessions = (q: Queryable, now: Date) => q.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);

export interface ApiTokenRecord {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const TOKEN_COLUMNS = `id, user_id AS "userId", name, prefix, created_at AS "createdAt", expires_at AS "expiresAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export const insertApiToken = (q: Queryable, token: ApiTokenRecord & { tokenHash: string }) =>
  q.query(
    `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [token.id, token.userId, token.name, token.tokenHash, token.prefix, token.createdAt, token.expiresAt],
  );

export const listApiTokens = (q: Queryable, userId: string) =>
  q.query<ApiTokenRecord & Record<string, unknown>>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC`, [userId]);

export const revokeApiToken = (q: Queryable, id: string, userId: string, now: Date) =>
  maybeOne<{ id: string } & Record<string, unknown>>(
    q,
    'UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND user_id = $2 RETURNING id',
    [id, userId, now],
  );

export const jurisdictionExists = async (q: Queryable, code: string) =>
  (await q.query('SELECT 1 FROM jurisdictions WHERE code = $1', [code])).length === 1;

export const jurisdictionKind = async (q: Queryable, code: string) =>
  (await maybeOne<{ kind: 'party' | 'hub' }>(q, 'SELECT kind FROM jurisdictions WHERE code = $1', [code]))?.kind;

/** The user behind a live session, with whether their jurisdiction is the hub. */
export const findSessionActor = (q: Queryable, tokenHash: string, now: Date) =>
  maybeOne<UserRow & { csrfToken: string; regionWide: boolean }>(
    q,
    `SELECT ${userColumns('u')}, s.csrf_token AS "csrfToken", j.kind = 'hub' AS "regionWide"
     FROM sessions s JOIN users u ON u.id = s.user_id JOIN jurisdictions j ON j.code = u.jurisdiction
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
    [tokenHash, now],
  );

/** The user behind a live API token (and marks the token used). */
export const findTokenActor = (q: Queryable, tokenHash: string, now: Date) =>
  maybeOne<UserRow & { regionWide: boolean }>(
    q,
    `WITH t AS (
       UPDATE api_tokens SET last_used_at = $2
       WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
       RETURNING user_id
     )
     SELECT ${userColumns('u')}, j.kind = 'hub' AS "regionWide"
     FROM t JOIN users u ON u.id = t.user_id JOIN jurisdictions j ON j.code = u.jurisdiction
     WHERE u.disabled_at IS NULL`,
    [tokenHash, now],
  );
