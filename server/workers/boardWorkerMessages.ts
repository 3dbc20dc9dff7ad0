/** What the main thread and a board worker (boardWorker) say to each other. */
import type { ExportErrorCode } from '../../shared/export/ExportError';
import type { HistoryInput } from '../../shared/export/toJsonExport';
import type { CardView } from '../../shared/board/view';
import type { CardAtJob } from '../cards/readCardInWorker';
import type { BuiltImport } from '../export/buildImportInWorker';
import type { ExportHead, ExportJob } from '../export/renderExport';

/** An export job without its content and history, which follow in pieces. */
export type ExportJobHead = Omit<ExportJob, 'snapshot' | 'updates' | 'history'>;

/**
 * A job starts with `export`, `import` or `card`. An export then sends its content in pieces
 * (each small enough to copy in a few ms), then `render`, then asks for each slice of the text
 * with `more`.
 */
export type ToBoardWorker =
  | { readonly type: 'export'; readonly job: ExportJobHead }
  | { readonly type: 'content'; readonly snapshot: Uint8Array | null }
  | { readonly type: 'updates'; readonly updates: readonly Uint8Array[] }
  | { readonly type: 'history'; readonly events: readonly HistoryInput[] }
  | { readonly type: 'render' }
  | { readonly type: 'more' }
  | { readonly type: 'import'; readonly text: string; readonly at: number }
  | { readonly type: 'card'; readonly job: CardAtJob };

/**
 * The worker's replies. To an export: a head, then the text in slices, then end; or a
 * refusal. To an import: the board built, or its problems. To a card read: the card or null.
 */
export type FromBoardWorker =
  | ({ readonly type: 'head' } & ExportHead)
  | { readonly type: 'chunk'; readonly text: string }
  | { readonly type: 'end' }
  | { readonly type: 'refused'; readonly code: ExportErrorCode; readonly message: string }
  | { readonly type: 'imported'; readonly built: BuiltImport }
  | { readonly type: 'card'; readonly card: CardView | null };
