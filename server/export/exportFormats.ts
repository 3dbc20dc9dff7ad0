/** The export formats of `GET /api/boards/:id/export?format=…`: media type and file name. */
import { z } from 'zod';

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
export function exportFilename(title: string, day: string, format: ExportFormat): string {
  return `${slugify(title)}-${day}.${FORMAT_FILES[format].extension}`;
}
