/**
 * Text the desktop shell shows itself (native dialogs), from the same catalogues as the UI so that
 * house rule 10 holds outside the page too: every string in all four languages, one source.
 */
import { translator } from '../core/i18n/catalogue';
import type { Language } from '../shared/domain/settings';

/** The keys main uses, named in full so that the catalogue test finds them in this folder. */
export type DesktopTextKey = 'externalLink.question' | 'externalLink.open' | 'common.cancel' | 'print.saveTitle' | 'print.pdfFilter' | 'menu.importBundle' | 'menu.bundleFiles' | 'menu.bundleUnreadable' | 'menu.bundleUnreadableDetail' | 'bundles.saveTitle' | 'closeGuard.message' | 'closeGuard.detail' | 'closeGuard.wait' | 'closeGuard.closeAnyway';

export const desktopText = (language: Language, key: DesktopTextKey, values?: Record<string, string>): string => translator(language)(key, values);
