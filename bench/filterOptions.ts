/**
 * Filter bench (a colleague's change on a 10,000-card board): what the filter menus' speakers
 * and assignees, and the For me count, cost after one card changed, recounted over every card
 * (what the board page did at each change) against kept from the last board with the cards the
 * reader says changed (keepOptions, keepCount). The board is made with the board commands in
 * Node: 10,000 cards by 300 speakers, every 7th card taken by one of 40 people. Each sample
 * edits one card (its claim, or its speaker to a new name and back, so a speaker comes and
 * goes), reads the board, then times each way; the table gives medians. A few seconds, no
 * server or browser.
 */
import * as Y from 'yjs';
import { addClaims, assignCard, type CardView, createBoardReader, editCard } from '../shared/board';
import { countCards, keepCount, type KeptCount } from '../client/board/filterCards';
import { filterOptions, keepOptions, type KeptOptions } from '../client/board/filterOptions';
import type { Section } from './section';
import { median } from './stats';
import { formatNumber, formatRatio, type Table } from './table';

const CARDS = 10_000;
const SPEAKERS = 300;
const ASSIGNEES = 40;
const SAMPLES = Number(process.env.FILTER_OPTIONS_SAMPLES ?? 400);
const ctx = { actor: { id: 'ana', name: 'Ana' } };

function bigBoard(): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const claims = Array.from({ length: CARDS }, (_, i) => ({
    claim: `Claim number ${i}, which someone said on the record`,
    speaker: `Speaker ${i % SPEAKERS}`,
  }));
  const ids = addClaims(doc, claims, ctx);
  ids.forEach((id, i) => {
    const who = { id: `p${i % ASSIGNEES}`, name: `Person ${i % ASSIGNEES}` };
    if (i % 7 === 0) assignCard(doc, id, who, ctx);
  });
  return { doc, ids };
}

type Change = 'claim edited' | 'speaker new, then back';
type Figures = Record<'options' | 'keptOptions' | 'count' | 'keptCount' | 'read', number>;

/** The For me test of someone with cards assigned (the page's also reads mentions, per card). */
const mine = (card: CardView) => card.assignee?.id === 'p3';

function measure(change: Change): Figures {
  const { doc, ids } = bigBoard();
  const reader = createBoardReader(doc);
  let options: KeptOptions = keepOptions(null, reader.read(), reader.changedCards);
  let count: KeptCount = keepCount(null, reader.read(), mine, reader.changedCards);
  const samples: Record<keyof Figures, number[]> = {
    options: [],
    keptOptions: [],
    count: [],
    keptCount: [],
    read: [],
  };
  const time = (figure: keyof Figures, run: () => void) => {
    const start = performance.now();
    run();
    samples[figure].push(performance.now() - start);
  };
  for (let i = 0; i < SAMPLES; i++) {
    if (change === 'claim edited') {
      editCard(doc, ids[(i * 7919) % CARDS] as string, { claim: `Edited claim ${i}` }, ctx);
    } else {
      const speaker = i % 2 === 0 ? `Newcomer ${i}` : `Speaker ${((i - 1) * 7919) % SPEAKERS}`;
      editCard(doc, ids[((i - (i % 2)) * 7919) % CARDS] as string, { speaker }, ctx);
    }
    let board = options.board;
    time('read', () => (board = reader.read()));
    time('options', () => filterOptions(board));
    time('keptOptions', () => {
      options = keepOptions(options, board, reader.changedCards);
      options.index.options();
    });
    time('count', () => countCards(board, mine));
    time('keptCount', () => (count = keepCount(count, board, mine, reader.changedCards)));
  }
  doc.destroy();
  const at = (figure: keyof Figures) => median(samples[figure]) ?? NaN;
  return {
    options: at('options'),
    keptOptions: at('keptOptions'),
    count: at('count'),
    keptCount: at('keptCount'),
    read: at('read'),
  };
}

export function filterOptionsSection(): Section {
  return {
    name: 'filteroptions',
    async run(): Promise<Table> {
      const rows = (['claim edited', 'speaker new, then back'] as const).flatMap((change) => {
        const f = measure(change);
        return [
          [
            change,
            'filter options',
            formatNumber(f.options, 'ms'),
            formatNumber(f.keptOptions, 'ms'),
            formatRatio(f.options, f.keptOptions),
          ],
          [
            change,
            'For me count',
            formatNumber(f.count, 'ms'),
            formatNumber(f.keptCount, 'ms'),
            formatRatio(f.count, f.keptCount),
          ],
          [change, "(the reader's read, for scale)", '', formatNumber(f.read, 'ms'), ''],
        ];
      });
      return {
        title: `Filter options and For me count after one card changed (${CARDS.toLocaleString('en-US')} cards)`,
        columns: ['change', 'what', 'recount (before)', 'kept', 'recount / kept'],
        rows,
        notes: [
          `${SPEAKERS} speakers, ${ASSIGNEES} assignees; median of ${SAMPLES} changes, each timed after the edit's transaction and the board's read.`,
          'recount: filterOptions(board) and countCards(board) over every card, as the board page ran them at every change (filterOptions now sorts with Intl.Collator, as localeCompare does).',
          "kept: keepOptions (with the options taken) and keepCount, told by the reader's changedCards of the one card that changed; the menus' lists are remade only when a speaker or assignee comes or goes.",
          "reader's read: the incremental reader rebuilding the changed card; it copies the board's cards record (10,000 keys) at each change.",
        ],
      };
    },
  };
}
