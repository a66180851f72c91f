import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import { chooseLanguage, type Language } from './language.ts';

/**
 * i18next with one dictionary per language (en.json, fr.json), bundled: they
 * are small, and a page never waits for its words. `{{name}}` marks a
 * parameter. React escapes what it renders, so i18next does not escape again.
 */
const STORAGE_KEY = 'concord.language';

const storedChoice = (): string | null => {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage can be switched off; the choice then lasts for the page only
  }
};

export const initI18n = async () => {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: chooseLanguage({ chosen: storedChoice(), browser: navigator.languages }),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return i18next;
};

/** The language switch: remembered in this browser, and it wins over the account's locale. */
export const switchLanguage = async (language: Language) => {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // see storedChoice
  }
  await i18next.changeLanguage(language);
};

/** After sign-in: speak the account's language unless this browser chose one. */
export const applyAccountLanguage = async (locale: string) => {
  const language = chooseLanguage({ chosen: storedChoice(), account: locale, browser: navigator.languages });
  if (language !== i18next.language) await i18next.changeLanguage(language);
};
