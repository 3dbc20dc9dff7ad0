// Quotations name their speaker once, and news style leans on that:
//   '"Steel went up 30% in 2023. Labour went up 12%. Insurance doubled. The river moved
//    too," said Tom Lund.' (segmentSentences keeps a quotation of up to three sentences
//    with such a clause as one sentence; a longer one is several)
//   '"It takes six months to rebuild a flock," said Maria Chen. "Until then, supply will stay
//    tight."'
// and a quotation that runs on into the next paragraph leaves the first one open and reopens
// the next with a quotation mark. The tracker follows the quotation marks from sentence to
// sentence and gives a quoted sentence that names nobody the speaker of its quotation: the one
// named after its last sentence, or else the speaker of the paragraph's last attributed
// quotation.
import type { Attribution, ClaimCandidate } from './types';

type Speaking = Pick<ClaimCandidate, 'speaker' | 'attribution'>;

// Forms that attribute the quotation before them: '…," Mendez said.' / '…," she added.'
const QUOTATION_FORMS: ReadonlySet<Attribution['form']> = new Set(['reported', 'pronoun']);
// Forms of a speaker who may introduce the quotation after them: 'Union leader Maria Gonzalez
// said the strike would continue. “Our members …' / '…Robert Nguyen, told the Ledger:
// “Nobody disputes … But …”'. A document or "according to" cites a figure, not a quotation.
const INTRODUCING_FORMS: ReadonlySet<Attribution['form']> = new Set([
  'subject',
  'reported',
  'pronoun',
  'relative',
]);

/** A language's quotation marks: those that open, those that close, those that do both. */
export interface QuotationMarks {
  open: string;
  close: string;
  toggle: string;
  /**
   * A dash that opens a paragraph of dialogue (Spanish "—En el penal hay 1.200 reos. Los reos
   * comen … —dijo el director."): the turn runs until the sentence whose clause names its
   * speaker, and every sentence of it is that speaker's.
   */
  dialogue?: string;
}

export const ENGLISH_QUOTATION_MARKS: QuotationMarks = { open: '“', close: '”', toggle: '"' };

export class QuotationTracker {
  private block = -1;
  private open = false;
  /** Whether the open quotation is a dialogue turn opened by a dash. */
  private dialogue = false;
  /** Who the paragraph's last attributed quotation belongs to. */
  private speaker: Attribution | null = null;
  /** The speaker the paragraph's previous sentence named, who may introduce a quotation. */
  private introducer: Attribution | null = null;
  /** Candidates inside the open quotation, for the speaker its closing sentence names. */
  private waiting: Speaking[] = [];
  private readonly opensWithQuote: RegExp;
  private readonly hasQuote: RegExp;

  constructor(private readonly marks: QuotationMarks = ENGLISH_QUOTATION_MARKS) {
    const opening = `${marks.open}${marks.toggle}`;
    this.opensWithQuote = new RegExp(`^\\s*[${opening}]`);
    this.hasQuote = new RegExp(`[${opening}${marks.close}]`);
  }

  /**
   * Reads the next body sentence with its own attribution, if any. A candidate made from it is
   * handed to `wait`, which gives it a speaker if the sentence is quoted and names none;
   * `quoted` says that an earlier sentence already named that speaker.
   */
  next(
    block: number,
    sentence: string,
    attribution: Attribution | null,
  ): { quoted: boolean; wait(candidate: Speaking): void } {
    const opensDialogue =
      block !== this.block &&
      !!this.marks.dialogue &&
      sentence.trimStart().startsWith(this.marks.dialogue);
    const opensWithQuote = this.opensWithQuote.test(sentence) || opensDialogue;
    if (block !== this.block) {
      const continues = this.open && opensWithQuote;
      this.block = block;
      this.open = false;
      this.dialogue = false;
      this.waiting = [];
      if (!continues) this.speaker = null;
      this.introducer = null;
    }
    const wasOpen = this.open;
    const { open, close, toggle } = this.marks;
    for (const ch of sentence) {
      if (open.includes(ch)) this.open = true;
      else if (close.includes(ch)) this.open = false;
      else if (toggle.includes(ch)) this.open = !this.open;
    }
    const names = attribution && QUOTATION_FORMS.has(attribution.form) ? attribution : null;
    if (opensDialogue) this.dialogue = true;
    // A dialogue turn is open until a sentence of it names who spoke.
    if (this.dialogue) {
      this.open = !names;
      if (names) this.dialogue = false;
    }
    if (wasOpen && !this.open) {
      // The closing sentence names the quotation's speaker for every sentence in it.
      if (names) {
        for (const c of this.waiting) {
          c.speaker = names.speaker;
          c.attribution = names;
        }
      }
      this.waiting = [];
    }
    if (names && this.hasQuote.test(sentence)) this.speaker = names;
    const introduces = attribution && INTRODUCING_FORMS.has(attribution.form) ? attribution : null;
    // A quotation that opens in a sentence naming nobody, or that its own sentence opens after
    // naming its speaker and leaves open, is that speaker's until its closing sentence names
    // another: "X said …. “…" and "X told the Ledger: “… But …”".
    if (!wasOpen && opensWithQuote && !attribution && this.introducer)
      this.speaker = this.introducer;
    if (!wasOpen && this.open && introduces) this.speaker = introduces;
    this.introducer = introduces;
    const quoted = attribution === null && (wasOpen || opensWithQuote);
    const fallback = this.speaker;
    const stillOpen = this.open;
    return {
      quoted: quoted && fallback !== null,
      wait: (candidate) => {
        if (!quoted) return;
        if (fallback) {
          candidate.speaker = fallback.speaker;
          candidate.attribution = fallback;
        }
        if (stillOpen) this.waiting.push(candidate);
      },
    };
  }
}
