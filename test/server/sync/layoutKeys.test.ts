/**
 * Keys the board layout does not name (shared/board/fieldRules' namedByLayout), against raw
 * y-protocols clients: written on a card, an evidence item, a comment, an article, the meta
 * map, the rating scale or as an entry of a root, they are refused with 4403 naming the key,
 * and nothing is stored; a board whose storage already holds such keys loads, stays editable,
 * and any of them may be deleted.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addArticle,
  addClaim,
  addComment,
  addEvidence,
  editCard,
  initBoard,
  readBoard,
} from '../../../shared/board';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { DEFAULT_RATING_SCALE } from '../../../shared/board/ratingScale';
import {
  articlesMap,
  cardsMap,
  commentsMap,
  metaMap,
  scaleMap,
} from '../../../shared/board/schema';
import { CLOSE } from '../../../shared/protocol/closeCodes';
import type { Role } from '../../../shared/roles';
import { createMemoryStorage } from '../../../server/storage/createMemoryStorage';
import { newId } from '../../../shared/board/newId';
import { type RawClient, updateFrom } from '../../helpers/rawClient';
import { rawMember } from '../../helpers/rawMember';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

const HIDDEN = 'hidden';

const card = (doc: Y.Doc, id: string) => cardsMap(doc).get(id) as Y.Map<unknown>;
const evidenceItem = (doc: Y.Doc, id: string) =>
  (card(doc, id).get('evidence') as Y.Array<Y.Map<unknown>>).get(0);
const comment = (doc: Y.Doc, id: string) => commentsMap(doc).get(id) as Y.Map<unknown>;
const article = (doc: Y.Doc, id: string) => articlesMap(doc).get(id) as Y.Map<unknown>;
const labels = (doc: Y.Doc) => scaleMap(doc)!.get('labels') as Y.Map<Y.Map<unknown>>;

describe('keys the board layout does not name, against raw clients', () => {
  let server: SyncTestServer;
  let boardId: string;
  let cardId: string;
  let commentId: string;
  let articleId: string;
  /** The comment's author. */
  let author: { actor: { id: string; name: string } };
  const raws: RawClient[] = [];

  /**
   * A board as storage holds it, written without the server: a card with evidence, a comment
   * and an article, each already holding a key of its own (as do the meta map and the scale),
   * and a card holding a map of its own: what a board written before the policy refused such
   * keys may hold.
   */
  beforeEach(async () => {
    const storage = createMemoryStorage();
    server = await startSyncTestServer({ storage });
    boardId = newId();
    await storage.createBoard({ id: boardId, title: 'Seeded', createdAt: Date.now() });
    const invite = await server.invite(boardId, 'editor', 'Edie');
    author = invite.as;
    const seed = new Y.Doc();
    initBoard(seed, { title: 'Seeded' }, { actor: SYSTEM_ACTOR });
    articleId = addArticle(seed, { title: 'Bridge', text: 'The bridge cost 2 billion.' }, author);
    cardId = addClaim(seed, { claim: 'The bridge cost 2 billion' }, author);
    addEvidence(seed, cardId, { url: 'https://example.org', stance: 'supports' }, author);
    commentId = addComment(seed, cardId, { text: 'Check the budget' }, author);
    seed.transact(() => {
      for (const map of [
        card(seed, cardId),
        evidenceItem(seed, cardId),
        comment(seed, commentId),
        article(seed, articleId),
        metaMap(seed),
        scaleMap(seed)!,
      ]) {
        map.set(HIDDEN, 'stored before the policy');
      }
      const extra = new Y.Map<unknown>();
      extra.set('x', 1);
      card(seed, cardId).set('extra', extra);
    });
    await storage.appendUpdate(boardId, Y.encodeStateAsUpdate(seed), Date.now());
  });
  afterEach(async () => {
    for (const r of raws.splice(0)) r.close();
    await server.close();
  });

  async function member(role: Role, name: string = role) {
    const { raw, as } = await rawMember(server, boardId, role, name, raws);
    return { raw, ctx: as };
  }

  const serverState = () => server.sync.read(boardId, (doc) => Y.encodeStateAsUpdate(doc));

  /** Sends the change as `role`; expects 4403 and nothing stored; gives the close's reason. */
  async function expectRefused(role: Role, change: (doc: Y.Doc) => void): Promise<string> {
    const { raw } = await member(role);
    const before = await serverState();
    raw.sendUpdate(updateFrom(raw, change));
    const closed = await raw.closedWithin();
    expect(closed.code).toBe(CLOSE.forbidden);
    expect(await serverState()).toEqual(before);
    return closed.reason;
  }

  /** Sends the change as `raw`; expects it stored and acknowledged, the socket open. */
  async function expectTaken(raw: RawClient, change: (doc: Y.Doc) => void): Promise<void> {
    const acks = raw.saved.length;
    raw.sendUpdate(updateFrom(raw, change));
    await waitFor(() => raw.saved.length > acks, { what: 'the write acknowledged' });
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
  }

  const stored = <T>(read: (doc: Y.Doc) => T) => server.sync.read(boardId, read);

  it('refuses a key of its own on every map of the layout, naming it, and stores nothing', async () => {
    const cases: [Role, string, (doc: Y.Doc) => void][] = [
      // 900 KB that every member receives and no reader, history event or export shows.
      ['editor', 'secret', (doc) => card(doc, cardId).set('secret', 'x'.repeat(900_000))],
      ['editor', 'secret', (doc) => evidenceItem(doc, cardId).set('secret', 'x')],
      ['editor', 'secret', (doc) => comment(doc, commentId).set('secret', 'x')],
      ['lead', 'secret', (doc) => article(doc, articleId).set('secret', 'x')],
      ['lead', 'secret', (doc) => metaMap(doc).set('secret', 'x')],
      ['lead', 'secret', (doc) => scaleMap(doc)!.set('secret', 'x')],
      ['lead', 'secret', (doc) => labels(doc).get('l0')!.set('secret', 'x')],
      // An entry of a root under a key that is no id (any length: it is data too).
      ['editor', 'not an id', (doc) => cardsMap(doc).set('not an id', new Y.Map())],
      ['reviewer', 'not an id', (doc) => commentsMap(doc).set('not an id', new Y.Map())],
      // Read into an object keyed by id, it would set the object's prototype: in no view.
      ['editor', '__proto__', (doc) => cardsMap(doc).set('__proto__', new Y.Map())],
      // Inside the map of its own that the stored card holds: no more the layout's than it.
      ['editor', 'x', (doc) => (card(doc, cardId).get('extra') as Y.Map<unknown>).set('x', 2)],
      // A map of its own on a card, holding a key that names a card's field: refused as the map.
      [
        'editor',
        'claim',
        (doc) => {
          const inner = new Y.Map<unknown>();
          card(doc, cardId).set('secret', inner);
          inner.set('claim', 'x');
        },
      ],
    ];
    for (const [role, key, change] of cases) {
      expect(await expectRefused(role, change)).toBe(
        key === 'claim'
          ? 'a key the board layout does not name: secret'
          : `a key the board layout does not name: ${key}`,
      );
    }
    // The author's own comment takes no key of its own either.
    const { raw, ctx } = await member('reviewer', 'Rita');
    const mine = addComment(raw.mirror, cardId, { text: 'mine' }, ctx);
    raw.sendUpdate(Y.encodeStateAsUpdate(raw.mirror));
    await waitFor(() => stored((doc) => commentsMap(doc).has(mine)));
    raw.sendUpdate(updateFrom(raw, (doc) => comment(doc, mine).set('secret', 'x')));
    expect((await raw.closedWithin()).reason).toBe('a key the board layout does not name: secret');
  });

  it('names a long key cut short, within the 123 bytes a close reason holds', async () => {
    const key = 'ключ'.repeat(500);
    const reason = await expectRefused('editor', (doc) => card(doc, cardId).set(key, 'x'));
    expect(reason).toBe(`a key the board layout does not name: ${key.slice(0, 24)}…`);
  });

  it('loads a stored board holding such keys, keeps it editable, and lets anyone who may write there delete them', async () => {
    const { raw: editor, ctx } = await member('editor', 'Eve');
    expect(card(editor.mirror, cardId).get(HIDDEN)).toBe('stored before the policy');
    expect(readBoard(editor.mirror).cards[cardId]?.claim).toBe('The bridge cost 2 billion');
    await expectTaken(editor, (doc) =>
      editCard(doc, cardId, { claim: 'The bridge cost 3 billion' }, ctx),
    );
    await expectTaken(editor, (doc) => {
      card(doc, cardId).delete(HIDDEN);
      card(doc, cardId).delete('extra');
      evidenceItem(doc, cardId).delete(HIDDEN);
    });
    // An article changes in nothing else, and a comment only at its author's hand.
    await expectTaken(editor, (doc) => article(doc, articleId).delete(HIDDEN));
    const { raw: reviewer } = await member('reviewer', 'Rita');
    await expectTaken(reviewer, (doc) => comment(doc, commentId).delete(HIDDEN));
    const { raw: lead } = await member('lead', 'Lea');
    await expectTaken(lead, (doc) => {
      metaMap(doc).delete(HIDDEN);
      scaleMap(doc)!.delete(HIDDEN);
    });
    expect(
      await stored((doc) => [
        card(doc, cardId).has(HIDDEN),
        card(doc, cardId).has('extra'),
        evidenceItem(doc, cardId).has(HIDDEN),
        comment(doc, commentId).has(HIDDEN),
        article(doc, articleId).has(HIDDEN),
        metaMap(doc).has(HIDDEN),
        scaleMap(doc)!.has(HIDDEN),
      ]),
    ).toEqual([false, false, false, false, false, false, false]);
    expect(await stored((doc) => readBoard(doc).cards[cardId]?.claim)).toBe(
      'The bridge cost 3 billion',
    );
    // A comment's layout keys stay its author's.
    await expectRefused('reviewer', (doc) => comment(doc, commentId).delete('editedAt'));
  });

  it('takes the rating scale a version 1 tab still writes, as version 1 wrote it', async () => {
    const { raw } = await member('lead', 'Lea');
    await expectTaken(raw, (doc) => metaMap(doc).set('ratingScale', DEFAULT_RATING_SCALE));
    expect(
      await expectRefused('lead', (doc) =>
        metaMap(doc).set('ratingScale', { ...DEFAULT_RATING_SCALE, secret: 'x' }),
      ),
    ).toBe('a value that does not fit the board’s ratingScale');
  });

  it('leaves the server’s own writes unjudged', async () => {
    await server.sync.change(boardId, SYSTEM_ACTOR, (doc) => card(doc, cardId).set('mark', 1));
    expect(await stored((doc) => card(doc, cardId).get('mark'))).toBe(1);
  });
});
