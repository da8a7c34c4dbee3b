/**
 * The participant's credentials in this tab. The join link brings the workshop's secret in the
 * address fragment (never sent to a server); joining trades it for the participant's own token,
 * kept for this tab only, and the secret is then taken out of the address bar.
 */
import type { Language } from '../../../../../electron/shared/domain/settings';
import { LANGUAGES } from '../../../../../electron/shared/domain/settings';
import { JOIN_SECRET_PATTERN } from '../../../../../electron/shared/workshop/model';

const TOKEN_KEY = 'ibtikar.workshop.token';
const LANGUAGE_KEY = 'ibtikar.workshop.language';

export function secretFromAddress(): string | undefined {
  const secret = window.location.hash.slice(1);
  return JOIN_SECRET_PATTERN.test(secret) ? secret : undefined;
}

export const storedToken = () => sessionStorage.getItem(TOKEN_KEY) ?? undefined;

export function keepToken(token: string) {
  sessionStorage.setItem(TOKEN_KEY, token);
  window.history.replaceState(null, '', window.location.pathname);
}

export const forgetToken = () => sessionStorage.removeItem(TOKEN_KEY);

export function preferredLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY) as Language | null;
  const browser = navigator.language.slice(0, 2) as Language;
  return stored && LANGUAGES.includes(stored) ? stored : LANGUAGES.includes(browser) ? browser : 'en';
}

export const keepLanguage = (language: Language) => localStorage.setItem(LANGUAGE_KEY, language);
