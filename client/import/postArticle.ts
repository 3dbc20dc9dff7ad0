/**
 * POST /api/boards/:id/articles from the browser: pasted text as JSON `{text}` (the server
 * recognises pasted HTML source by itself), a chosen file as its raw bytes with the content
 * type its extension implies, so the server decodes and classifies it exactly as it does
 * for scripts (415 for a binary, 413 over 1 MB). Sent by uploadWithProgress: an article of a
 * few MB on a slow link takes minutes, and the dialog shows how far it is, can cancel it, and
 * gives up one that stalls; the server extracts claims only from a body it received whole.
 */
import type { CardView } from '../../shared/board/view';
import type { ExtractResult } from '../../shared/extract/types';
import { ApiError } from '../app/api';
import { retryKey } from '../app/retryKeys';
import { type UploadOptions, uploadWithProgress } from '../app/uploadWithProgress';
import { withScheme } from '../ui/withScheme';

export type ArticleSource =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'file';
      readonly name: string;
      readonly type: string;
      readonly bytes: ArrayBuffer;
    };

export interface ArticleMeta {
  readonly title?: string;
  readonly url?: string;
  /** The day it was published, `YYYY-MM-DD`. */
  readonly published?: string;
}

export interface ImportedArticle {
  readonly articleId: string;
  readonly title: string;
  /** False when the board already had this text: no cards were added. */
  readonly created: boolean;
  /** The board had this text without a link, and now has the one given. */
  readonly linked: boolean;
  /** The language extraction read the article as: 'other' proposes no claims. */
  readonly language: ExtractResult['language'];
  /** The cards this import made: none when the board already had this text. */
  readonly cards: readonly CardView[];
  /** When the board already had this text: the cards that came from it then. */
  readonly existingCards: readonly CardView[];
  /** Claims proposed: more than `cards` when only the most check-worthy became cards. */
  readonly found: number;
  /** Claims not made cards because a card of the board already has their sentence. */
  readonly alreadyOnBoard: number;
  /** The article most of those cards came from. */
  readonly similarTo: { readonly id: string; readonly title: string } | null;
  /**
   * Claims not made cards because a person deleted their card from the board earlier: each
   * names that card, which can be restored (restoreCard) instead.
   */
  readonly deletedBefore: readonly DeletedCard[];
}

export interface DeletedCard {
  readonly cardId: string;
  /** The claim as the card had it when it was deleted. */
  readonly claim: string;
}

const TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
};

/** The content type to send a file with: by extension, else what the browser says. */
function contentTypeFor(name: string, browserType: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return TYPES_BY_EXTENSION[ext] ?? (browserType || 'application/octet-stream');
}

export async function postArticle(
  boardId: string,
  token: string,
  source: ArticleSource,
  meta: ArticleMeta,
  upload: UploadOptions,
): Promise<ImportedArticle> {
  const title = meta.title?.trim() || undefined;
  // "www.example.org/story", as copied from a browser's bar, is a web page.
  const url = meta.url?.trim() ? withScheme(meta.url.trim()) : undefined;
  const path = `/api/boards/${encodeURIComponent(boardId)}/articles`;
  const authorization = `Bearer ${token}`;
  let target = path;
  let headers: Record<string, string>;
  let body: string | ArrayBuffer;
  if (source.kind === 'text') {
    headers = { Authorization: authorization, 'Content-Type': 'application/json' };
    body = JSON.stringify({ title, url, published: meta.published, text: source.text });
  } else {
    headers = {
      Authorization: authorization,
      'Content-Type': contentTypeFor(source.name, source.type),
    };
    const query = new URLSearchParams();
    if (title) query.set('title', title);
    if (url) query.set('url', url);
    if (meta.published) query.set('published', meta.published);
    if (query.size > 0) target = `${path}?${query}`;
    body = source.bytes;
  }
  // A file is known by its name, size and type: its bytes are not worth keeping as a key.
  const request = `POST ${target} ${source.kind === 'text' ? body : `${source.name} ${source.bytes.byteLength} ${source.type}`}`;
  const retry = await retryKey(request);
  headers['Idempotency-Key'] = retry.key;
  const res = await uploadWithProgress({ url: target, headers, body }, upload);
  const json = (await res.json().catch(() => null)) as {
    articleId?: string;
    title?: string;
    linked?: boolean;
    language?: ExtractResult['language'];
    cards?: CardView[];
    existingCards?: CardView[];
    found?: number;
    alreadyOnBoard?: number;
    similarTo?: { id: string; title: string } | null;
    deletedBefore?: DeletedCard[];
    error?: { code?: string; message?: string };
  } | null;
  retry.answered(res.status, json?.error?.code);
  if (!res.ok || !json?.articleId) {
    throw new ApiError(
      res.status,
      json?.error?.code ?? 'http_error',
      json?.error?.message ?? `The server answered ${res.status}.`,
    );
  }
  return {
    articleId: json.articleId,
    title: json.title ?? '',
    created: res.status === 201,
    linked: json.linked === true,
    language: json.language ?? 'en',
    cards: json.cards ?? [],
    existingCards: json.existingCards ?? [],
    found: json.found ?? json.cards?.length ?? 0,
    alreadyOnBoard: json.alreadyOnBoard ?? 0,
    similarTo: json.similarTo ?? null,
    deletedBefore: json.deletedBefore ?? [],
  };
}
