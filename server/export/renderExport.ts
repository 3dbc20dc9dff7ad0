/**
 * One export, from stored content to text: apply the stored snapshot and updates to a fresh
 * doc, read it, and format it. Pure apart from its input, so it runs the same in the export
 * worker, in tests and in the bench.
 */
import * as Y from 'yjs';
import { redactComment } from '../../shared/board/commands/comments';
import { readBoard } from '../../shared/board/readBoard';
import { commentsMap } from '../../shared/board/schema';
import type { Organisation } from '../../shared/board/view';
import {
  ExportError,
  type HistoryInput,
  toClaimReview,
  toCsvFile,
  toJsonExport,
  toMarkdown,
} from '../../shared/export';
import type { RedactedMark } from '../../shared/history/redactHistoryData';
import { applyStoredContent } from '../storage/applyStoredContent';
import type { ExportFormat } from './exportFormats';

export interface ExportJob {
  readonly format: ExportFormat;
  readonly boardId: string;
  /** The stored content: the snapshot (if any) and the updates after it, in order. */
  readonly snapshot: Uint8Array | null;
  readonly updates: readonly Uint8Array[];
  readonly history: readonly HistoryInput[];
  readonly exportedAt: number;
  /** Set for `?at=`: the content and history were loaded as of this moment. */
  readonly asOf: number | null;
  /** ClaimReview: the organisation to publish under when the board's content has none. */
  readonly organisation: Organisation | null;
  /**
   * Every comment redaction of the board, by comment id (redactionMarks), for `?at=`: those
   * made since that moment are applied to the board of then. Empty for a current export.
   */
  readonly redactions: readonly (readonly [commentId: string, mark: RedactedMark])[];
}

export interface RenderedExport {
  /** The board's title (the live one, from the doc, which a lead may have renamed). */
  readonly title: string;
  readonly text: string;
  /** ClaimReview only: cards in reviewed columns that had no usable verdict. */
  readonly skipped: readonly { readonly cardId: string; readonly reason: string }[];
  /** ClaimReview only: cards whose review has the placeholder URL. */
  readonly placeholderUrl: readonly string[];
  /** ClaimReview only: cards in Unverified with a verdict, not published. */
  readonly unverifiedVerdicts: readonly string[];
  /** CSV only: cells cut to what a spreadsheet cell holds (toCsvFile). */
  readonly cutCells: number;
}

/** What a file other than ClaimReview says of reviews: nothing. */
const NO_REVIEW_COUNTS = { skipped: [], placeholderUrl: [], unverifiedVerdicts: [] } as const;
/** What a file other than CSV says of cut cells: none. */
const NO_CUT_CELLS = { cutCells: 0 } as const;

/**
 * What the answer's head says before the file: its title and, for ClaimReview, the review
 * counts; for CSV, the cells cut.
 */
export type ExportHead = Omit<RenderedExport, 'text'>;

export function renderExport(job: ExportJob): RenderedExport {
  // As a room loads it; an update that does not apply is skipped (the room logs those).
  const doc = new Y.Doc();
  applyStoredContent(doc, job);
  applyLaterRedactions(doc, job.redactions);
  const view = readBoard(doc);
  doc.destroy();
  const title = view.meta.title;
  switch (job.format) {
    case 'json': {
      const data = toJsonExport(view, job.history, {
        exportedAt: job.exportedAt,
        asOf: job.asOf,
        boardId: job.boardId,
      });
      return {
        title,
        text: JSON.stringify(data, null, 2) + '\n',
        ...NO_REVIEW_COUNTS,
        ...NO_CUT_CELLS,
      };
    }
    case 'csv':
      return { title, ...toCsvFile(view, job.history), ...NO_REVIEW_COUNTS };
    case 'md':
      return {
        title,
        text: toMarkdown(view, {
          exportedAt: job.exportedAt,
          asOf: job.asOf,
          history: job.history,
        }),
        ...NO_REVIEW_COUNTS,
        ...NO_CUT_CELLS,
      };
    case 'claimreview': {
      const organisation = view.meta.organisation ?? job.organisation;
      if (!organisation) {
        throw new ExportError(
          'organisation_required',
          'ClaimReview needs the reviewing organisation: set its name and URL on the board first',
        );
      }
      const { reviews, skipped, placeholderUrl, unverifiedVerdicts } = toClaimReview(view, {
        organisation,
        history: job.history,
      });
      return {
        title,
        text: scriptSafeJson(reviews),
        skipped,
        placeholderUrl,
        unverifiedVerdicts,
        ...NO_CUT_CELLS,
      };
    }
  }
}

/**
 * A board as of a moment before a redaction holds the comment with its words scrubbed from
 * storage and no mark saying so: a live comment with no text, which no command makes and which
 * an import of the file would keep. The redaction is applied as it was made (the same command,
 * lead and time), so every format shows the comment as an export of now does: deleted (at the
 * redaction, if it was not by then) and marked redacted.
 */
function applyLaterRedactions(doc: Y.Doc, redactions: ExportJob['redactions']): void {
  const comments = commentsMap(doc);
  for (const [commentId, { by, at }] of redactions) {
    // One redacted already (by then) is left as it is by the command itself.
    if (comments.has(commentId)) redactComment(doc, commentId, { actor: by, now: () => at });
  }
}

/**
 * JSON for a `<script type="application/ld+json">` block, where ClaimReview is published: `<`,
 * `>` and `&` as \u escapes (the same JSON to a parser), so a claim or link holding
 * `</script>` cannot end the block and run as script on the newsroom's page; and U+2028 and
 * U+2029, which JSON.stringify writes raw, so that a template putting the file in a script's
 * source does not break on an engine that ends a line at them (before ES2019).
 */
function scriptSafeJson(value: unknown): string {
  const escapes: Record<string, string> = {
    '<': '\\u003c',
    '>': '\\u003e',
    '&': '\\u0026',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029',
  };
  return (
    JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c] ?? c) + '\n'
  );
}
