// A quotation that runs over several sentences names its speaker once, after its last
// sentence: '"We were promised a $24 million project. Now it is twice that," Mendez said.'
// The tracker follows the quotation marks from sentence to sentence within a paragraph, and
// gives the sentences inside the quotation the speaker of the sentence that closes it.
import type { Attribution, ClaimCandidate } from './types';

type Speaking = Pick<ClaimCandidate, 'speaker' | 'attribution'>;

// Forms that attribute the quotation before them: '…," Mendez said.' / '…," she added.'
const QUOTATION_FORMS: ReadonlySet<Attribution['form']> = new Set(['reported', 'pronoun']);

export class QuotationTracker {
  private block = -1;
  private open = false;
  private waiting: Speaking[] = [];

  /**
   * Reads the next body sentence with its own attribution, if any. A candidate made from a
   * sentence that is inside an open quotation and names no speaker is handed to `wait`, and
   * gets the speaker once the sentence that closes the quotation is read.
   */
  next(
    block: number,
    sentence: string,
    attribution: Attribution | null,
  ): { wait(candidate: Speaking): void } {
    // News style reopens a quotation at each new paragraph, naming the speaker again.
    if (block !== this.block) {
      this.block = block;
      this.open = false;
      this.waiting = [];
    }
    const wasOpen = this.open;
    for (const ch of sentence) {
      if (ch === '“') this.open = true;
      else if (ch === '”') this.open = false;
      else if (ch === '"') this.open = !this.open;
    }
    if (wasOpen && !this.open) {
      if (attribution && QUOTATION_FORMS.has(attribution.form)) {
        for (const c of this.waiting) {
          c.speaker = attribution.speaker;
          c.attribution = attribution;
        }
      }
      this.waiting = [];
    }
    const waits = this.open && attribution === null;
    return {
      wait: (candidate) => {
        if (waits) this.waiting.push(candidate);
      },
    };
  }
}
