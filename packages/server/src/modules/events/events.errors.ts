import { AppError } from '@concord/core';

export const eventNotFound = (id: string) => new AppError('EVENT_NOT_FOUND', 'No such event, or not one you may see.', { status: 404, params: { id } });

export const wrongStatus = (action: string, status: string, allowed: readonly string[]) =>
  new AppError('EVENT_WRONG_STATUS', `You cannot ${action} an event that is ${status}; it must be ${allowed.join(' or ')}.`, {
    status: 409,
    params: { action, status, allowed },
  });

export const eventFieldsMissing = (fields: string[]) =>
  new AppError('EVENT_FIELDS_MISSING', `An event not opened from a signal needs: ${fields.join(', ')}.`, { status: 400, params: { fields } });

export const notificationNotFound = (id: string) =>
  new AppError('EVENT_NOTIFICATION_NOT_FOUND', 'No such notification addressed to you.', { status: 404, params: { id } });

export const notificationAcknowledged = (id: string, at: Date) =>
  new AppError('EVENT_NOTIFICATION_ALREADY_ACKNOWLEDGED', `The notification was acknowledged at ${at.toISOString()}.`, {
    status: 409,
    params: { id, at: at.toISOString() },
  });

export const notAddressee = (id: string, recipient: string) =>
  new AppError('EVENT_NOTIFICATION_NOT_YOURS', `The notification is addressed to ${recipient}.`, { status: 403, params: { id, recipient } });

export const diseaseRequiredForIhr = () =>
  new AppError('EVENT_DISEASE_OR_CONCERN_REQUIRED', 'An event of unknown cause enters IHR Annex 2 only when flagged potentialInternationalConcern.', {
    status: 400,
  });
