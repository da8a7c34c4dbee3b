/**
 * Text the desktop shell shows itself (native dialogs), taken from the same catalogues as the UI so
 * that house rule 10 holds outside the page too: every string in all four languages, one source.
 */
import ar from '../../resources/locales/ar.json';
import en from '../../resources/locales/en.json';
import ru from '../../resources/locales/ru.json';
import uz from '../../resources/locales/uz.json';
import type { Language } from '../shared/domain/settings';

const CATALOGUES: Record<Language, unknown> = { en, ar, uz, ru };

/** The keys main uses, named in full so that the catalogue test finds them in this folder. */
export type DesktopTextKey = 'externalLink.question' | 'externalLink.open' | 'common.cancel';

function lookup(catalogue: unknown, key: string): string | undefined {
  const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);
  return typeof found === 'string' ? found : undefined;
}

/** The text in `language`, falling back to English (the source catalogue) and then to the key. */
export function desktopText(language: Language, key: DesktopTextKey): string {
  return lookup(CATALOGUES[language], key) ?? lookup(en, key) ?? key;
}
