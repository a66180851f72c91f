import { AppError } from '@concord/core';

export const invalidCredentials = () =>
  new AppError('AUTH_INVALID_CREDENTIALS', 'The email or password is not right.', { status: 401 });

export const accountLocked = (until: Date) =>
  new AppError('AUTH_ACCOUNT_LOCKED', `Too many failed sign-ins; the account is locked until ${until.toISOString()}.`, {
    status: 423,
    params: { until: until.toISOString() },
  });

export const accountDisabled = () => new AppError('AUTH_ACCOUNT_DISABLED', 'This account is disabled.', { status: 403 });

export const authRequired = () => new AppError('AUTH_REQUIRED', 'Sign in first.', { status: 401 });

export const invalidToken = () =>
  new AppError('AUTH_INVALID_TOKEN', 'The bearer token is unknown, expired or revoked.', { status: 401 });

export const csrfMismatch = () =>
  new AppError('AUTH_CSRF_MISMATCH', 'A cookie-signed request must carry the x-csrf-token header given at sign-in.', { status: 403 });

export const roleDenied = (needed: readonly string[]) =>
  new AppError('ACCESS_ROLE_DENIED', `This needs one of the roles: ${needed.join(', ')}.`, { status: 403, params: { needed } });

export const outOfScope = (jurisdiction: string) =>
  new AppError('ACCESS_OUT_OF_SCOPE', `You cannot act on records of ${jurisdiction}.`, { status: 403, params: { jurisdiction } });

export const userNotFound = (id: string) => new AppError('ACCOUNTS_USER_NOT_FOUND', 'No such user.', { status: 404, params: { id } });

export const emailTaken = (email: string) =>
  new AppError('ACCOUNTS_EMAIL_TAKEN', `A user with the email ${email} already exists.`, { status: 409, params: { email } });

export const unknownJurisdiction = (code: string) =>
  new AppError('ACCOUNTS_UNKNOWN_JURISDICTION', `There is no jurisdiction ${code}.`, { status: 400, params: { code } });

export const roleNotGrantable = (role: string) =>
  new AppError('ACCOUNTS_ROLE_NOT_GRANTABLE', `You cannot grant the role ${role}.`, { status: 403, params: { role } });

export const weakPassword = (minLength: number) =>
  new AppError('ACCOUNTS_WEAK_PASSWORD', `Passwords need at least ${minLength} characters.`, { status: 400, params: { minLength } });

export const tokenNotFound = (id: string) => new AppError('ACCOUNTS_TOKEN_NOT_FOUND', 'No such API token.', { status: 404, params: { id } });
