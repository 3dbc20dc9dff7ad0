/** The export formats of `GET /api/boards/:id/export?format=…`: media type and file name. */
import { z } from 'zod';
import { isoDate } from '../../shared/export/isoTime';

export const EXPORT_FORMATS = ['json', 'csv', 'md', 'claimreview'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

export const FORMAT_FILES: Readonly<
  Record<ExportFormat, { readonly contentType: string; readonly extension: string }>
> = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  claimreview: { contentType: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
};

/** A file-name part from a board title: ASCII letters and digits joined by dashes. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'board';
}

/** `<slug>-<YYYY-MM-DD>.<ext>`; only ASCII, so the header needs no quoting beyond "". */
/**
 * `<title>-<day>.<ext>`, or `<title>-as-of-<day>T<hh>-<mm>.<ext>` for an export as of a past
 * moment, so that it never takes the name of the current export of the same day.
 */
export function exportFilename(
  title: string,
  exportedAt: number,
  format: ExportFormat,
  asOf: number | null = null,
): string {
  const when =
    asOf === null
      ? isoDate(exportedAt)
      : `as-of-${new Date(asOf).toISOString().slice(0, 16).replace(':', '-')}`;
  return `${slugify(title)}-${when}.${FORMAT_FILES[format].extension}`;
}
