/**
 * Reading the files the pact commands take: a pact (YAML or JSON), a
 * request and a decision context (JSON), each validated with the core schemas so
 * that a bad file is refused with its code before anything is decided.
 */
import {
  AppError,
  decisionContextSchema,
  formatDiagnostic,
  pactRequestSchema,
  validatePact,
  type DecisionContext,
  type Pact,
} from '@concord/core';
import { readInputText } from '../../csv-input.ts';
import { CliExit, type CliIo } from '../../io.ts';

/** Reads and validates a pact; prints its diagnostics to stderr and exits 1 when it is not valid. */
export const readPact = async (io: CliIo, file: string): Promise<Pact> => {
  const result = validatePact(await readInputText(io, file), file);
  if (result.pact) return result.pact;
  for (const diagnostic of result.diagnostics) io.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  throw new CliExit(1);
};

/** The part of a zod schema this file uses, so the CLI needs no direct zod dependency. */
interface Schema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

const readStructured = async <T>(io: CliIo, file: string, schema: Schema<T>, code: string, what: string): Promise<T> => {
  const text = await readInputText(io, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new AppError(code, `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, { params: { file } });
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join('.') || what}: ${issue.message}`);
  throw new AppError(code, `${file} is not a valid ${what}: ${problems.join('; ')}`, { params: { file, problems } });
};

export const readRequest = (io: CliIo, file: string) =>
  readStructured(io, file, pactRequestSchema, 'PACT_REQUEST_INVALID', 'request');

export const readContext = (io: CliIo, file: string) =>
  readStructured(io, file, decisionContextSchema, 'PACT_CONTEXT_INVALID', 'decision context');

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `--at`: a date (meaning 00:00 UTC that day) or an ISO 8601 instant with an offset. */
export const parseAt = (value: string): Date => {
  const at = DATE.test(value) ? new Date(`${value}T00:00:00Z`) : INSTANT.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(at.getTime())) {
    throw new AppError('CLI_AT_INVALID', `--at must be a date (2026-03-01) or an instant with an offset (2026-03-01T10:00:00Z), got "${value}"`);
  }
  return at;
};

/**
 * The decision context from `--context` and `--at`: `--at` wins over the
 * file's `now`, which wins over the clock.
 */
export const buildContext = async (io: CliIo, options: { context?: string; at?: string }, clock: () => Date): Promise<DecisionContext> => {
  const file = options.context === undefined ? {} : await readContext(io, options.context);
  const now = options.at !== undefined ? parseAt(options.at) : file.now !== undefined ? new Date(file.now) : clock();
  const context: DecisionContext = { now };
  if (file.alert) context.alert = file.alert;
  if (file.indicators) context.indicators = file.indicators;
  if (file.sunset) context.sunset = file.sunset;
  return context;
};
