/**
 * One workshop summary as a CSV file, labelled in the UI language (UTF-8 with BOM so spreadsheets
 * read Arabic and Cyrillic). Counts stay plain numbers so a spreadsheet can add them up. It is a
 * report of a meeting, so its times are this computer's local ones, as the room's clock showed them.
 */
import type { TFunction } from 'i18next';
import type { Summary } from '../../../../electron/shared/workshop/model';
import { csvText, type CsvCell } from '../../../../electron/shared/text/csv';

/** The reason line shown with a summary and written into its export; old summaries carry none. */
export const endedByKey = (summary: Summary) => (summary.endedBy === 'restart' ? 'workshop.summary.endedByRestart' : 'workshop.summary.endedByFacilitator');

export const summaryMinutes = (summary: Summary) => Math.round(summary.durationMs / 60_000);

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** A moment as this computer's local date and time, "2026-11-29 01:30": a spreadsheet reads it as a date and time. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${twoDigits(d.getMonth() + 1)}-${twoDigits(d.getDate())} ${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
}

/** What a summary's printout and files are named for: its canvas and the local day it began. */
export const summaryTitle = (summary: Summary, canvasTitle: string) => `${canvasTitle} ${localDateTime(summary.startedAt).slice(0, 10)}`;

export function summaryCsvRows(summary: Summary, canvasTitle: string, zoneTitle: (key: string | null) => string, t: TFunction): CsvCell[][] {
  const overview = t('workshop.export.overview');
  const perZone = t('workshop.export.notesPerZone');
  return [
    [t('workshop.export.section'), t('workshop.export.item'), t('workshop.export.value')],
    [overview, t('workshop.export.canvas'), canvasTitle],
    [overview, t('workshop.export.started'), localDateTime(summary.startedAt)],
    [overview, t('workshop.export.ended'), localDateTime(summary.endedAt)],
    [overview, t('workshop.export.minutes'), summaryMinutes(summary)],
    [overview, t('workshop.export.participants'), summary.participants],
    [overview, t('workshop.export.notesAdded'), summary.notesAdded],
    [overview, t('workshop.export.endedBy'), t(endedByKey(summary))],
    ...summary.notesPerZone.map((z) => [perZone, zoneTitle(z.zoneKey), z.notes]),
    ...summary.voteSessions.flatMap((v) => [
      [v.title, t('workshop.export.votesCast'), v.votesCast],
      ...v.top.map((r) => [v.title, t('workshop.export.ranked', { rank: r.rank, text: r.text }), r.votes]),
    ]),
  ];
}

export const summaryCsv = (...args: Parameters<typeof summaryCsvRows>) => new Blob(['\uFEFF', csvText(summaryCsvRows(...args))], { type: 'text/csv;charset=utf-8' });
