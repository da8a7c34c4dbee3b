import { z } from 'zod';

export const LANGUAGES = ['en', 'ar', 'uz', 'ru'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

export const THEMES = ['light', 'dark', 'projector'] as const;
export const ThemeSchema = z.enum(THEMES);
export type ThemeName = z.infer<typeof ThemeSchema>;

export const CALENDARS = ['gregory', 'islamic-umalqura'] as const;
export const NUMERALS = ['latn', 'arab'] as const;

const BoundsSchema = z.object({ x: z.int(), y: z.int(), width: z.int().min(200), height: z.int().min(200) });

/** Settings that are not lab data: they stay on this workstation and never travel in bundles. */
export const SettingsSchema = z.object({
  language: LanguageSchema,
  theme: ThemeSchema,
  calendar: z.enum(CALENDARS),
  numerals: z.enum(NUMERALS),
  windowBounds: BoundsSchema.nullable(),
  /** The main window was maximised when it closed (its normal bounds are kept beside). */
  windowMaximized: z.boolean(),
  /** Chromium's zoom level of the main window (0 = 100 %, each step ≈ 20 %), as the View menu left it. */
  zoomLevel: z.number().min(-3).max(5),
  /** Single-key shortcuts on canvases (N adds a note); off for people whose assistive tech sends keys. */
  canvasShortcuts: z.boolean(),
  /**
   * Where the last workshop opened to phones (0: any free port), offered again for the next: a
   * ministry's firewall rule names one address and port.
   */
  workshopAddress: z.string().max(64).nullable(),
  workshopPort: z.int().min(0).max(65535),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'en',
  theme: 'light',
  calendar: 'gregory',
  numerals: 'latn',
  windowBounds: null,
  windowMaximized: false,
  zoomLevel: 0,
  canvasShortcuts: true,
  workshopAddress: null,
  workshopPort: 0,
};

/**
 * What the UI may change; the window's bounds, maximised state and zoom are written by the desktop
 * shell only, the workshop's address and port by core when a workshop opens on them.
 */
export const SettingsPatchSchema = SettingsSchema.omit({ windowBounds: true, windowMaximized: true, zoomLevel: true, workshopAddress: true, workshopPort: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Text direction of a UI language. */
export const directionOf = (language: Language): 'rtl' | 'ltr' => (language === 'ar' ? 'rtl' : 'ltr');
