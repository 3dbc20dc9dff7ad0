// Plain data produced by claim extraction. Every offset is a JavaScript string index into
// the stored article text (`ExtractResult.text`), end exclusive: text.slice(start, end)
// is exactly the sentence or chip.

/** Why a block of the scraped text is page furniture rather than article body. */
export type FurnitureReason =
  | 'headline' // the headline (it becomes the title) and its duplicates
  | 'breadcrumb' // navigation trail, alone or glued to the headline
  | 'byline' // author, publication date and similar metadata above the body
  | 'share' // share-button residue ("share icon icon icon")
  | 'appeal' // donation, membership and newsletter appeals
  | 'feedback' // "Was this content helpful?", "Click here to send us your comments"
  | 'teaser' // "SEE ALSO: …", "Read more: …" and truncated teasers ending in "…"
  | 'related' // everything after a "Related content" / "More from" heading
  | 'about' // everything after an "About us" / "About <publisher>" heading
  | 'boilerplate' // republishing, copyright and licence notices
  | 'cookie' // cookie and consent notices
  | 'tags' // trailing tag and topic lists
  | 'caption' // photo captions and credits
  | 'footnote' // a footnote below the text ("¹ Seasonally adjusted figures, …")
  | 'advertisement' // "Advertisement: Buy now and save 50%!"
  | 'repeated'; // a block repeated verbatim from earlier in the text

export type BlockKind = 'body' | 'heading' | 'furniture';

/** A body block that is a list item or a table row stating a figure (see markFigureLines). */
export type BlockForm = 'item' | 'row';

/** A paragraph or line of the text: a unit that no sentence crosses. */
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  reason?: FurnitureReason;
  form?: BlockForm;
  /** A table row's cells, its table's header cells and title, for the card's claim text. */
  cells?: { start: number; end: number }[];
  header?: { start: number; end: number }[];
  title?: { start: number; end: number };
}

export interface FurnitureRange {
  start: number;
  end: number;
  reason: FurnitureReason;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  kind: BlockKind;
  reason?: FurnitureReason;
}

export type EntityType =
  | 'number'
  | 'money'
  | 'percent'
  | 'date'
  | 'time'
  | 'duration'
  | 'person'
  | 'organization'
  | 'place'
  | 'name';

export interface EntityChip {
  text: string;
  type: EntityType;
  start: number;
  end: number;
}

/** How the speaker was found, from the most to the least explicit form. */
export type AttributionForm =
  | 'according_to' // "…, according to a spokesperson"
  | 'reported' // "…, La Prensa Gráfica reported." / "…," said Stanley Quinteros
  | 'subject' // "Treasury said …"
  | 'relative' // "… Mayor Ana Ruiz, who said on Monday that …"
  | 'source' // "… in a separate El Faro report"
  | 'pronoun'; // "…," he added. (resolved to the previous speaker)

export interface Attribution {
  speaker: string;
  start: number;
  end: number;
  form: AttributionForm;
}

export type Priority = 'high' | 'medium' | 'low';

export interface ClaimCandidate {
  /** Stable per article: `${start}-${end}`, so a re-import can recognise its cards. */
  id: string;
  sentence: string;
  start: number;
  end: number;
  /** Short claim text: the sentence without its attribution clause. */
  claim: string;
  speaker: string | null;
  attribution: Attribution | null;
  entities: EntityChip[];
  score: number;
  /** 1 = most check-worthy. */
  rank: number;
  priority: Priority;
  /** Signals that made up the score, e.g. 'number', 'date', 'named_source', 'opinion'. */
  signals: string[];
}

export interface ExtractResult {
  title: string;
  /** The stored article text; every offset refers to it. */
  text: string;
  /**
   * The language claims were sought in ('en', 'es'); 'other' when the text is in neither and
   * no claims are proposed.
   */
  language: 'en' | 'es' | 'other';
  blocks: Block[];
  removed: FurnitureRange[];
  /** Reader view: body and headings without furniture. Display only; offsets do not index it. */
  cleanText: string;
  sentences: Sentence[];
  /** Ranked: claims[0] has rank 1. */
  claims: ClaimCandidate[];
}
