import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '@concord/core';

/**
 * Configuration comes from the environment only, parsed once at boot by one
 * schema. Every problem is listed at once, so that an operator fixes the
 * environment in one pass. Defaults make `npm start` run the demo hub on the
 * embedded database with nothing set.
 */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('localhost'),
  CONCORD_PUBLIC_URL: z.url().optional(),
  CONCORD_DATA_DIR: z.string().min(1).default('./.concord/data'),
  CONCORD_KEY_DIR: z.string().min(1).default('./.concord/keys'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  CONCORD_DATABASE_POOL: z.coerce.number().int().min(1).max(200).default(10),
  CONCORD_NODE: z
    .string()
    .regex(/^[A-Z]{2,8}$/, 'must be a jurisdiction code such as EAC or KE')
    .default('EAC'),
  CONCORD_DEMO: flag.default(true),
  CONCORD_DEMO_PASSWORD: z.string().min(8).default('concord-demo'),
  CONCORD_FIELD_KEYS: z
    .string()
    .regex(/^([A-Za-z0-9_-]+:[A-Za-z0-9+/=_-]{40,})(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=_-]{40,})*$/, 'must be kid:base64key[,kid:base64key…] with 32-byte keys')
    .optional(),
  CONCORD_SIGNING_KEYS: z
    .string()
    .refine((value) => {
      try {
        const parsed = JSON.parse(value);
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
      } catch {
        return false;
      }
    }, 'must be a JSON object mapping jurisdiction codes to Ed25519 private JWKs')
    .optional(),
  CONCORD_PACT_BUNDLE: z.string().min(1).optional(),
  CONCORD_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  CONCORD_LOCKOUT_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(5),
  CONCORD_LOCKOUT_MINUTES: z.coerce.number().positive().max(24 * 60).default(15),
  CONCORD_RATE_LIMIT: z.coerce.number().int().min(1).default(1200),
  CONCORD_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  CONCORD_BODY_LIMIT_MB: z.coerce.number().positive().max(1024).default(64),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.infer<typeof schema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; pool: number };
  /** Where the node keeps generated keys when none are given in the environment. */
  keyDir: string;
  node: string;
  demo: { enabled: boolean; password: string };
  fieldKeys: string | undefined;
  signingKeys: string | undefined;
  /**
   * A signed pact bundle (docs/federation.md) this node takes as its pact at
   * first start, instead of signing the example pact with keys of its own:
   * a node of a federation seeds the region and demo accounts, and the pact
   * the parties signed elsewhere.
   */
  pactBundle: string | undefined;
  auth: { sessionHours: number; lockoutAttempts: number; lockoutMinutes: number };
  limits: { requestsPerMinute: number; signInsPerMinute: number; bodyBytes: number };
  logLevel: Env['LOG_LEVEL'];
}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', `The environment has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`, {
      status: 500,
      params: { problems },
    });
  }
  const e = parsed.data;
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.CONCORD_PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, pool: e.CONCORD_DATABASE_POOL }
      : { kind: 'pglite', dataDir: resolve(cwd, e.CONCORD_DATA_DIR) },
    keyDir: resolve(cwd, e.CONCORD_KEY_DIR),
    node: e.CONCORD_NODE,
    demo: { enabled: e.CONCORD_DEMO, password: e.CONCORD_DEMO_PASSWORD },
    fieldKeys: e.CONCORD_FIELD_KEYS,
    signingKeys: e.CONCORD_SIGNING_KEYS,
    pactBundle: e.CONCORD_PACT_BUNDLE === undefined ? undefined : resolve(cwd, e.CONCORD_PACT_BUNDLE),
    auth: {
      sessionHours: e.CONCORD_SESSION_HOURS,
      lockoutAttempts: e.CONCORD_LOCKOUT_ATTEMPTS,
      lockoutMinutes: e.CONCORD_LOCKOUT_MINUTES,
    },
    limits: {
      requestsPerMinute: e.CONCORD_RATE_LIMIT,
      signInsPerMinute: e.CONCORD_SIGNIN_RATE_LIMIT,
      bodyBytes: Math.round(e.CONCORD_BODY_LIMIT_MB * 1024 * 1024),
    },
    logLevel: e.LOG_LEVEL,
  };
};
