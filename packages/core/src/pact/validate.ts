/**
 * Validation of a pact's source text, with errors a negotiator can act on:
 * each diagnostic names the file, line and column of the offending key or
 * value, a stable code (docs/pact.md, "Error codes") and a sentence that
 * says what was expected.
 */
import type { z } from 'zod';
import { pactSchema, type Pact } from './model.ts';
import { checkPact, DEFAULT_CATALOGUE, type PactCatalogue } from './semantics.ts';
import { locate, readSource, type PactSource, type PathSegment } from './source.ts';
import { AppError } from '../errors.ts';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
  /** Path of the offending value inside the pact, e.g. ['clauses', 3, 'minCellSize']. */
  path: PathSegment[];
}

export interface ValidationResult {
  pact?: Pact;
  diagnostics: Diagnostic[];
}

/** `file:line:column CODE message`, the format editors and CI logs understand. */
export const formatDiagnostic = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`;

export const validatePact = (source: string, fileName: string, catalogue: PactCatalogue = DEFAULT_CATALOGUE): ValidationResult => {
  const read = readSource(source);
  if (read.syntax.length > 0) {
    return {
      diagnostics: read.syntax.map((problem) => ({
        file: fileName,
        line: problem.line,
        column: problem.column,
        code: 'PACT_SYNTAX',
        message: problem.message,
        path: [],
      })),
    };
  }
  const data: unknown = read.document.toJS({ maxAliasCount: 1000 });
  const parsed = pactSchema.safeParse(data);
  if (!parsed.success) {
    return { diagnostics: sortDiagnostics(parsed.error.issues.flatMap((issue) => schemaDiagnostics(issue, data, read, fileName))) };
  }
  const pact = parsed.data;
  const diagnostics = checkPact(pact, catalogue).map((finding) => {
    const at = locate(read, finding.path, finding.prefer, finding.offset);
    return { file: fileName, ...at, code: finding.code, message: `${pathText(finding.path, data)}: ${finding.message}`, path: finding.path };
  });
  return diagnostics.length === 0 ? { pact, diagnostics } : { diagnostics: sortDiagnostics(diagnostics) };
};

/** Parses and validates, or throws `PACT_INVALID` with the formatted diagnostics in its params. */
export const loadPact = (source: string, fileName: string, catalogue?: PactCatalogue): Pact => {
  const result = validatePact(source, fileName, catalogue);
  if (result.pact) return result.pact;
  const lines = result.diagnostics.map(formatDiagnostic);
  throw new AppError('PACT_INVALID', `${fileName} is not a valid pact:\n${lines.join('\n')}`, {
    status: 422,
    params: { file: fileName, diagnostics: result.diagnostics },
  });
};

const sortDiagnostics = (list: Diagnostic[]): Diagnostic[] =>
  [...list].sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));

const valueAt = (data: unknown, path: readonly PathSegment[]): unknown => {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
};

/**
 * Where a problem is, in words: `clause \`share-cases\`: minCellSize` reads
 * better than `clauses[3].minCellSize`, and the id survives reordering.
 */
export const pathText = (path: readonly PathSegment[], data: unknown): string => {
  if (path.length === 0) return 'pact';
  let prefix = '';
  let rest = path;
  if (path[0] === 'clauses' && typeof path[1] === 'number') {
    const id = valueAt(data, ['clauses', path[1], 'id']);
    prefix = typeof id === 'string' ? `clause \`${id}\`` : `clause #${path[1] + 1}`;
    rest = path.slice(2);
  }
  let text = '';
  for (const segment of rest) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  if (prefix === '') return text;
  return text === '' ? prefix : `${prefix}: ${text}`;
};

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
};

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

type Issue = z.core.$ZodIssue;

const describeIssue = (issue: Issue, value: unknown): string => {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `is required (expected ${EXPECTED[issue.expected] ?? issue.expected})`
        : `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${show(value)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => String(v)).join(', ')}; got ${show(value)}`;
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        return `unknown ${issue.discriminator} ${show(value)}: expected one of ${(issue as { options?: unknown[] }).options?.join(', ')}`;
      }
      return `does not match any allowed form (got ${show(value)})`;
    case 'invalid_format':
      if (issue.format === 'date') return `expected a date written YYYY-MM-DD, got ${show(value)}`;
      if (issue.format === 'url') return `expected a URL, got ${show(value)}`;
      return `expected ${issue.message}, got ${show(value)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be ${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}; got ${show(value)}`;
    case 'too_big':
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}; got ${show(value)}`;
    default:
      return issue.message;
  }
};

const schemaDiagnostics = (issue: Issue, data: unknown, source: PactSource, file: string): Diagnostic[] => {
  const path = issue.path.filter((s): s is PathSegment => typeof s !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      return {
        file,
        ...locate(source, keyPath, 'key'),
        code: 'PACT_SCHEMA',
        message: `${pathText(keyPath, data)}: unknown key \`${key}\` (check its spelling against docs/pact.md)`,
        path: keyPath,
      };
    });
  }
  const message = `${pathText(path, data)}: ${describeIssue(issue, valueAt(data, path))}`;
  return [{ file, ...locate(source, path, 'value'), code: 'PACT_SCHEMA', message, path }];
};
