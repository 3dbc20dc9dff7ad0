/**
 * A ClaimReview is pasted into a publisher's page, where what follows each of its texts is the
 * page's own words: a right-to-left override left open in a claim, a speaker or a label would
 * show them reversed, and one closed only at the text's end the rest of the claim. Every
 * control the review carries is closed where it stands, as the CSV and Markdown exports do
 * (inertBidi). Through the real export route and SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  DEFAULT_RATING_SCALE,
  initBoard,
  moveCard,
  setBoardMeta,
  setRatingScale,
  setVerdict,
} from '../../../shared/board';
import { type ExportServer, startExportServer } from './exportServer';

const RLO = '\u202e';
const PDF = '\u202c';
const RLI = '\u2067';
const PDI = '\u2069';

const created = Date.now() - 60_000;
const editor = { actor: { id: 'inv-ed', name: 'Ed' }, now: () => created };
/** A label a lead wrote with an override in it, as any label may be. */
const LABEL = `Fa${RLO}lse`;

let server: ExportServer;
let reviews: Record<string, unknown>[];

beforeAll(async () => {
  server = await startExportServer();
  const { boardId } = await server.createBoard('Bidi', created);
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Bidi' }, editor);
  setBoardMeta(
    doc,
    { organisation: { name: `Desk ${RLO}kseD`, url: 'https://desk.example/checks' } },
    editor,
  );
  setRatingScale(
    doc,
    {
      ...DEFAULT_RATING_SCALE,
      labels: DEFAULT_RATING_SCALE.labels.map((l) =>
        l.label === 'False' ? { ...l, label: LABEL } : l,
      ),
    },
    editor,
  );
  const articleId = addArticle(
    doc,
    {
      title: `Budget ${RLI}speech`,
      url: 'https://news.example/budget',
      text: 'The minister said unemployment fell 12% last year.',
    },
    editor,
  );
  const card = addClaim(
    doc,
    {
      claim: `Unemployment fell 12% ${RLO}evil override`,
      speaker: `The ${RLO}minister`,
      source: { articleId, start: 0, end: 20, sentence: 'The minister said' },
    },
    editor,
  );
  moveCard(doc, card, { column: 'disputed', index: 0 }, editor);
  setVerdict(doc, card, LABEL, `First ${RLO}line\nsecond ${RLI}line${PDI} closed`, editor);
  await server.storage.appendUpdate(boardId, Y.encodeStateAsUpdate(doc), created);
  const res = await server.get(
    `/api/boards/${boardId}/export?format=claimreview`,
    await server.invite(boardId, 'lead'),
  );
  expect(res.status).toBe(200);
  reviews = (await res.json()) as Record<string, unknown>[];
  expect(reviews).toHaveLength(1);
});

afterAll(async () => {
  await server?.close();
});

/** Every string in a JSON value, with its path. */
function strings(value: unknown, path = '$'): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  }
  return [];
}

describe('ClaimReview export and right-to-left controls', () => {
  it('closes an override in the claim where it stands, so the rest of the claim reads as stored', () => {
    expect(reviews[0]?.claimReviewed).toBe(`Unemployment fell 12% ${RLO}${PDF}evil override`);
  });

  it('closes each control of the rationale where it stands, one PDF or PDI each', () => {
    expect(reviews[0]?.reviewBody).toBe(
      `First ${RLO}${PDF}line\nsecond ${RLI}${PDI}line${PDI} closed`,
    );
  });

  it('leaves no control in any text of the review that reorders what follows it', () => {
    // Each opener is followed at once by its terminator: inert, as in the CSV and Markdown.
    const live = strings(reviews[0]).filter(([, text]) =>
      /[\u202a\u202b\u202d\u202e](?!\u202c)|[\u2066-\u2068](?!\u2069)/.test(text),
    );
    expect(live).toEqual([]);
    // The speaker, the article, the organisation and the label were all written open.
    const texts = Object.fromEntries(strings(reviews[0]));
    expect(texts['$.itemReviewed.author.name']).toBe(`The ${RLO}${PDF}minister`);
    expect(texts['$.itemReviewed.appearance.name']).toBe(`Budget ${RLI}${PDI}speech`);
    expect(texts['$.author.name']).toBe(`Desk ${RLO}${PDF}kseD`);
    expect(texts['$.reviewRating.alternateName']).toBe(`Fa${RLO}${PDF}lse`);
  });
});
