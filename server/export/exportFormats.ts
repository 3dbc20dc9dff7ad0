/** The export formats of `GET /api/boards/:id/export?format=…`: media type and file name. */
import { z } from 'zod';
import { isoDate } from '../../shared/export/isoTime';

const EXPORT_FORMATS = ['json', 'csv', 'md', 'claimreview'] as const;
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
function slugify(title: string): string {
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

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The slug's rule in any script: letters (accents kept), marks and digits, in lower case,
 * joined by dashes, at most 60 characters as readers count them. Everything else goes: path
 * separators, quotes, control and bidi characters (an override shows "exe.jpg" as "gpj.exe"),
 * dots (no hidden file, no second extension). Empty when nothing is left.
 */
function fileTitle(title: string): string {
  const name = title
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+/, '');
  const cut = Array.from(GRAPHEMES.segment(name), (g) => g.segment)
    .slice(0, 60)
    .join('');
  return cut.replace(/-+$/, '');
}

/**
 * The `Content-Disposition` of an export: `<title>-<day>.<ext>`, or
 * `<title>-as-of-<day>T<hh>-<mm>.<ext>` for an export as of a past moment, so that it never
 * takes the name of the current export of the same day. `filename` is the ASCII slug (older
 * clients, and the only name when the title has no letters the slug drops); `filename*`
 * (RFC 6266) keeps the title in its own script, which a title with no Latin letters otherwise
 * loses ("board-…"), and its accents.
 */
export function contentDisposition(
  title: string,
  exportedAt: number,
  format: ExportFormat,
  asOf: number | null = null,
): string {
  const when =
    asOf === null
      ? isoDate(exportedAt)
      : `as-of-${new Date(asOf).toISOString().slice(0, 16).replace(':', '-')}`;
  const tail = `${when}.${FORMAT_FILES[format].extension}`;
  const ascii = `${slugify(title)}-${tail}`;
  const named = fileTitle(title);
  const utf8 = named ? `${named}-${tail}` : ascii;
  // Letters, marks, digits, dashes and a dot: encodeURIComponent leaves only RFC 5987's
  // attr-chars unencoded among them.
  const extended = utf8 === ascii ? '' : `; filename*=UTF-8''${encodeURIComponent(utf8)}`;
  return `attachment; filename="${ascii}"${extended}`;
}
