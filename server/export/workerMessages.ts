import type { ExportErrorCode } from '../../shared/export/ExportError';
import type { RenderedExport } from './renderExport';

/** What the export worker sends: a head, then the text in chunks, then end; or a refusal. */
export type WorkerMessage =
  | { readonly type: 'head'; readonly title: string; readonly skipped: RenderedExport['skipped'] }
  | { readonly type: 'chunk'; readonly text: string }
  | { readonly type: 'end' }
  | { readonly type: 'refused'; readonly code: ExportErrorCode; readonly message: string };
