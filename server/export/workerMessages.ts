import type { ExportErrorCode } from '../../shared/export/ExportError';
import type { HistoryInput } from '../../shared/export/toJsonExport';
import type { RenderedExport } from './renderExport';

/**
 * The main thread sends the job in pieces (each small enough to copy in a few ms), then
 * `render`, then asks for each slice of the text with `more`.
 */
export type ToWorker =
  | { readonly type: 'content'; readonly snapshot: Uint8Array | null }
  | { readonly type: 'updates'; readonly updates: readonly Uint8Array[] }
  | { readonly type: 'history'; readonly events: readonly HistoryInput[] }
  | { readonly type: 'render' }
  | { readonly type: 'more' };

/** What the worker sends: a head, then the text in slices, then end; or a refusal. */
export type FromWorker =
  | ({ readonly type: 'head' } & Pick<RenderedExport, 'title' | 'skipped' | 'placeholderUrl'>)
  | { readonly type: 'chunk'; readonly text: string }
  | { readonly type: 'end' }
  | { readonly type: 'refused'; readonly code: ExportErrorCode; readonly message: string };
