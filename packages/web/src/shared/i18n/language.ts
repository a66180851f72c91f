/**
 * Which language the dashboard speaks. The region has anglophone and
 * francophone partner states, so English and French come first; Kiswahili
 * can join by adding a dictionary. Order of preference: a choice made in
 * this browser (the language switch), then the account's locale (from
 * /api/v1/me), then the browser's languages, then English.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

export const chooseLanguage = (input: { chosen?: string | null; account?: string | null; browser?: readonly string[] }): Language => {
  if (isLanguage(input.chosen)) return input.chosen;
  if (isLanguage(input.account)) return input.account;
  for (const tag of input.browser ?? []) {
    // "fr-CA" → "fr": a regional variant still reads the base language.
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
};
