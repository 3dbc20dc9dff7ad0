/** The plain, frozen data that `readBoard` returns: what components and exports consume. */
import type { Actor } from './actor';
import type { RatingScale } from './ratingScale';
import type { ColumnId, SpeakerType } from './schema';

export type Stance = 'supports' | 'refutes' | 'context';

export interface SourceSpan {
  readonly articleId: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: string;
}

export interface Chip {
  readonly text: string;
  readonly type: string;
}

/** What the claim extractor said about a card it proposed. */
export interface Extraction {
  readonly score: number;
  readonly rank: number;
  readonly chips: readonly Chip[];
}

export interface EvidenceView {
  readonly id: string;
  readonly url: string;
  readonly quote: string;
  readonly stance: Stance;
  readonly note: string;
  readonly addedBy: Actor;
  readonly addedAt: number;
}

export interface CommentView {
  readonly id: string;
  readonly cardId: string;
  /** The thread's first comment for a reply, null for a thread's first comment. */
  readonly parentId: string | null;
  readonly text: string;
  readonly author: Actor;
  readonly createdAt: number;
  readonly editedAt: number | null;
  readonly deletedAt: number | null;
  readonly resolved: boolean;
  readonly resolvedBy: Actor | null;
  /** Who redacted its text for good, and when (a lead: redactComment); null if nobody did. */
  readonly redacted: { readonly by: Actor; readonly at: number } | null;
}

export interface CardView {
  readonly id: string;
  readonly claim: string;
  readonly source: SourceSpan | null;
  readonly speaker: string | null;
  /** What the speaker is, as an editor said; null: not said (ClaimReview then guesses). */
  readonly speakerType: SpeakerType | null;
  readonly column: ColumnId;
  readonly rank: string;
  readonly verdict: string | null;
  readonly rationale: string;
  /** The published fact-check (http or https), the ClaimReview's url; null: not published. */
  readonly reviewUrl: string | null;
  readonly assignee: Actor | null;
  readonly evidence: readonly EvidenceView[];
  /** Oldest first. */
  readonly comments: readonly CommentView[];
  readonly extraction: Extraction | null;
  readonly createdBy: Actor;
  readonly createdAt: number;
  readonly updatedBy: Actor;
  readonly updatedAt: number;
}

export interface ArticleView {
  readonly id: string;
  readonly title: string;
  readonly url: string | null;
  readonly text: string;
  readonly createdBy: Actor;
  readonly createdAt: number;
  /** The day it was published, `YYYY-MM-DD`; null when unknown (publishedDate.ts). */
  readonly published: string | null;
}

export interface Organisation {
  readonly name: string;
  readonly url: string;
}

export interface BoardMeta {
  readonly title: string;
  readonly schemaVersion: number;
  readonly ratingScale: RatingScale;
  /**
   * The stored entry id of each label of `ratingScale`, by name. A label renamed in place
   * keeps its entry (editRatingScale), so a client can tell a rename from a removal: a verdict
   * picked and not saved yet follows its label's new name. Empty for a scale not stored as
   * entries (a version 1 board, the default read for a missing scale).
   */
  readonly ratingLabelIds: ReadonlyMap<string, string>;
  readonly organisation: Organisation | null;
}

export interface BoardView {
  readonly meta: BoardMeta;
  /** Oldest first. */
  readonly articles: readonly ArticleView[];
  readonly cards: Readonly<Record<string, CardView>>;
  /** Card ids of each column in display order (rank, then id). */
  readonly columns: Readonly<Record<ColumnId, readonly string[]>>;
}
