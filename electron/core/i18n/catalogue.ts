/**
 * The UI's catalogues, for the few texts core writes itself (export headers and values). Same
 * files as the renderer, so an exported sheet speaks the words the user sees on screen.
 */
import ar from '../../../resources/locales/ar.json';
import en from '../../../resources/locales/en.json';
import ru from '../../../resources/locales/ru.json';
import uz from '../../../resources/locales/uz.json';
import type { Language } from '../../shared/domain/settings';

const CATALOGUES: Record<Language, unknown> = { en, ar, uz, ru };

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  return (key, values = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), CATALOGUES[language]);
    const text = typeof found === 'string' ? found : key;
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}
