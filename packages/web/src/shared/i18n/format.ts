/** Numbers and dates in the reader's language (Intl, no extra library). */
export const formatNumber = (value: number, language: string, options: Intl.NumberFormatOptions = {}) =>
  new Intl.NumberFormat(language, options).format(value);

/** "55.1 M" style, for maps, legends and cards where a full number is noise. */
export const formatCompact = (value: number, language: string) =>
  new Intl.NumberFormat(language, { notation: 'compact', maximumFractionDigits: 1 }).format(value);

export const formatDateTime = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));

/** A calendar date of the pact (YYYY-MM-DD, a UTC day) in the reader's language, never shifted by their time zone. */
export const formatCalendarDate = (date: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
