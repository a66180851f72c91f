import { describe, expect, it } from 'vitest';
import { AppError, isAppError, notFound } from './errors.ts';

describe('AppError', () => {
  it('carries code, status and params', () => {
    const error = notFound('PACT_NOT_FOUND', 'No pact with that id', { id: 'x' });
    expect(isAppError(error)).toBe(true);
    expect(error.status).toBe(404);
    expect(error.code).toBe('PACT_NOT_FOUND');
    expect(error.params).toEqual({ id: 'x' });
  });

  it('defaults to 400 and is not confused with plain errors', () => {
    expect(new AppError('X_Y', 'm').status).toBe(400);
    expect(isAppError(new Error('plain'))).toBe(false);
  });
});
