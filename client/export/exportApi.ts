/**
 * The export and import calls (DESIGN §4): `GET /api/boards/:id/export` with the lead's
 * token, answered with a file, and `POST /api/boards/import` with a JSON export, answered
 * like board creation (uploadBoardImport). Refusals keep the server's `details` (the import lists every problem).
 */
import { ApiError } from '../app/api';
import { filenameFromDisposition } from './contentDisposition';

export type ExportFormat = 'json' | 'csv' | 'md' | 'claimreview';

export interface ExportChoice {
  readonly format: ExportFormat;
  readonly label: string;
  readonly description: string;
  /** Used only when the server's answer names no file. */
  readonly fallbackName: string;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  {
    format: 'json',
    label: 'JSON',
    description: 'Everything on the board, with history. Import it to make a copy.',
    fallbackName: 'board.json',
  },
  {
    format: 'csv',
    label: 'CSV',
    description: 'One row per card, for spreadsheets.',
    fallbackName: 'board.csv',
  },
  {
    format: 'md',
    label: 'Markdown report',
    description: 'A readable report of every column, to paste or publish.',
    fallbackName: 'board.md',
  },
  {
    format: 'claimreview',
    label: 'ClaimReview JSON-LD',
    description: 'schema.org markup for reviewed claims; needs your organisation.',
    fallbackName: 'board.jsonld',
  },
];

/** A refusal from the server, with the problems it listed (empty when it listed none). */
export class RequestRefused extends ApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: readonly string[],
  ) {
    super(status, code, message);
    this.name = 'RequestRefused';
  }
}

const UNREACHABLE = 'The server cannot be reached. Check your connection.';

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { ...init, cache: 'no-store' });
  } catch {
    throw new ApiError(0, 'network', UNREACHABLE);
  }
}

/** The `{error: {code, message, details?}}` of a failed response as an error to throw. */
export async function refusalOf(res: Response): Promise<RequestRefused> {
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: unknown; message?: unknown; details?: unknown };
  } | null;
  const error = body?.error;
  const details = Array.isArray(error?.details)
    ? error.details.filter((d): d is string => typeof d === 'string')
    : [];
  return new RequestRefused(
    res.status,
    typeof error?.code === 'string' ? error.code : 'http_error',
    typeof error?.message === 'string' ? error.message : `The server answered ${res.status}.`,
    details,
  );
}

export interface ExportedFile {
  readonly blob: Blob;
  readonly filename: string;
  /** ClaimReview only: cards in Corroborated or Disputed left out for want of a verdict label. */
  readonly skipped: number | null;
  /** ClaimReview only: reviews given the placeholder URL, for want of a published one. */
  readonly placeholderUrls: number | null;
  /** ClaimReview only: cards in Unverified with a verdict, which it does not publish. */
  readonly unverifiedVerdicts: number | null;
  /**
   * ClaimReview only: how many reviews the file holds, so that an empty file (no card in
   * Corroborated or Disputed, now or at the moment picked) is not said to hold every review.
   */
  readonly reviews: number | null;
  /** CSV only: cells cut to the 32,767 characters a spreadsheet cell holds. */
  readonly cutCells: number | null;
}

/** The reviews in a ClaimReview file (a JSON array), or null when it is not one. */
async function reviewCount(blob: Blob): Promise<number | null> {
  try {
    const reviews: unknown = JSON.parse(await blob.text());
    return Array.isArray(reviews) ? reviews.length : null;
  } catch {
    return null;
  }
}

/** A count the server sent in a header, or null (another format, or an older server). */
function countHeader(res: Response, name: string): number | null {
  const value = res.headers.get(name);
  const count = value === null ? NaN : Number(value);
  return Number.isInteger(count) ? count : null;
}

export async function fetchExport(
  boardId: string,
  token: string,
  choice: ExportChoice,
  at: string | null,
): Promise<ExportedFile> {
  const query = new URLSearchParams({ format: choice.format });
  if (at) query.set('at', at);
  const res = await send(`/api/boards/${encodeURIComponent(boardId)}/export?${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!res.ok) throw await refusalOf(res);
  const blob = await res.blob();
  return {
    blob,
    filename: filenameFromDisposition(res.headers.get('Content-Disposition'), choice.fallbackName),
    skipped: countHeader(res, 'X-Factboard-Skipped'),
    placeholderUrls: countHeader(res, 'X-Factboard-Placeholder-Urls'),
    unverifiedVerdicts: countHeader(res, 'X-Factboard-Unverified-Verdicts'),
    reviews: choice.format === 'claimreview' ? await reviewCount(blob) : null,
    cutCells: countHeader(res, 'X-Factboard-Cut-Cells'),
  };
}
