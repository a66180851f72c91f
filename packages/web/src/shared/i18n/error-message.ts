import { isApiError } from '../api/client.ts';

/**
 * Turns an error into a sentence in the reader's language. The dictionary
 * (`errors.<CODE>` in en.json / fr.json) is keyed by the server's stable
 * codes (docs/errors.md) and fills `{{param}}` from the error's params; a
 * code the dictionary does not know yet falls back to the server's own
 * message, which is English but still says what happened.
 */
export interface Translator {
  language: string;
  exists(key: string): boolean;
  t(key: string, params?: Record<string, unknown>): string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const formatValue = (value: unknown, tr: Translator): string => {
  if (Array.isArray(value)) return value.map((item) => formatValue(item, tr)).join(', ');
  if (typeof value === 'number') return new Intl.NumberFormat(tr.language).format(value);
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
      return new Intl.DateTimeFormat(tr.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
    }
    // Role names read better as their labels ("hub coordinator"), and the
    // API's other stable words (pact states, workflow steps) as theirs.
    if (tr.exists(`roles.${value}`)) return tr.t(`roles.${value}`);
    return tr.exists(`terms.${value}`) ? tr.t(`terms.${value}`) : value;
  }
  if (value && typeof value === 'object') {
    const { path, message } = value as { path?: unknown; message?: unknown };
    if (typeof path === 'string' && typeof message === 'string') return `${path}: ${message}`;
    return JSON.stringify(value);
  }
  return String(value);
};

export const formatParams = (params: Record<string, unknown>, tr: Translator): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([key, value]) => [key, formatValue(value, tr)]));

export const errorMessage = (error: unknown, tr: Translator): string => {
  if (isApiError(error)) {
    const key = `errors.${error.code}`;
    if (tr.exists(key)) return tr.t(key, formatParams(error.params, tr));
    return error.message || tr.t('errors.UNKNOWN', { code: error.code });
  }
  return tr.t('errors.UNEXPECTED');
};
