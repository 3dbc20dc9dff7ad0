/**
 * Three checked cards, one in each column, written on the server in the lead's name: each with
 * a speaker, a verdict of its column and a rationale, evidence of every stance between them
 * (with its source's address), the lead checking one, and a comment on one. For tests of how
 * cards look (colour schemes, print) in every state of a check, without a page to set them up.
 */
import { addClaim, addComment, addEvidence, assignCard, setVerdict } from '../../../shared/board';
import type { BoardServer } from './boardServer';
import { leadActor } from './boardWithClaims';

export const CHECKED = [
  {
    claim: 'Unemployment fell to 4.1 % in March',
    speaker: 'Ana Soto, labour minister',
    column: 'corroborated',
    verdict: 'True',
    rationale: 'The statistics office’s March release gives 4.1 %.',
    evidence: [{ url: 'https://stats.example.org/march', stance: 'supports' }],
    assigned: true,
  },
  {
    claim: 'The new bridge cost twice its budget',
    speaker: 'Luis Mora',
    column: 'disputed',
    verdict: 'False',
    rationale: 'The audit puts the overrun at 12 %.',
    evidence: [
      { url: 'https://audit.example.org/bridge', stance: 'refutes' },
      { url: 'https://news.example.org/bridge-history', stance: 'context' },
    ],
    assigned: false,
  },
  {
    claim: 'Half the city’s buses run on electricity',
    speaker: 'Mayor’s office',
    column: 'unverified',
    verdict: 'Unproven',
    rationale: 'Waiting for the transport authority’s figures.',
    evidence: [],
    assigned: false,
  },
] as const;

/** Adds the CHECKED cards to a board, last in their columns. */
export async function addCheckedCards(
  server: BoardServer,
  board: { id: string; leadToken: string },
): Promise<void> {
  const lead = leadActor(board);
  const ctx = { actor: lead };
  for (const c of CHECKED) {
    await server.change(
      board.id,
      (doc) => {
        const id = addClaim(doc, { claim: c.claim, speaker: c.speaker, column: c.column }, ctx);
        setVerdict(doc, id, c.verdict, c.rationale, ctx);
        for (const e of c.evidence) {
          addEvidence(doc, id, { url: e.url, stance: e.stance, quote: '', note: '' }, ctx);
        }
        if (c.assigned) assignCard(doc, id, lead, ctx);
        if (c.column === 'disputed') addComment(doc, id, { text: 'Which audit year?' }, ctx);
      },
      lead,
    );
  }
}
