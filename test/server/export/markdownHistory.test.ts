/**
 * The Markdown report a lead hands to a standards editor carries the audit trail that matters
 * to one: each card's verdict history (who set what, what it was, when) and the cards deleted
 * from the board, by whom and when, from the board's history, on the composed server (real
 * SQLite, the sync server and its history, y-websocket clients as two editors). Before, the
 * report gave only a card's last change, and a deleted card was not in it at all (audit63).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardsMap, deleteCard, setVerdict } from '../../../shared/board';
import { mdInline } from '../../../shared/export/markdownText';
import { createBoardOverRest, inviteOverRest, postJson } from '../../helpers/restApi';
import { useTestServer } from '../../helpers/http/useTestServer';

const live = useTestServer();

const SEED = readFileSync(
  new URL('../../../seeds/000_90c871332769486b.txt', import.meta.url),
  'utf8',
);
const TIME = '\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z';

describe('the Markdown report’s audit trail', () => {
  let md: string;
  let claims: string[];

  beforeAll(async () => {
    const board = await createBoardOverRest(live.server.url, 'Prisons', 'Lena');
    await postJson(
      `${live.server.url}/api/boards/${board.id}/articles`,
      { title: 'Prisons', text: SEED },
      board.leadToken,
    );
    const eddie = await live.connect(
      board.id,
      (await inviteOverRest(live.server.url, board, 'Eddie', 'editor')).token,
    );
    const bea = await live.connect(
      board.id,
      (await inviteOverRest(live.server.url, board, 'Bea', 'editor')).token,
    );
    // Three cards whose claims the report prints as they are (nothing to escape).
    const claimOf = (id: string) => String(cardsMap(eddie.doc).get(id)?.get('claim'));
    const ids = [...cardsMap(eddie.doc).keys()]
      .filter((id) => mdInline(claimOf(id)) === claimOf(id))
      .slice(0, 3);
    claims = ids.map(claimOf);
    const [judged, deleted, back] = ids as [string, string, string];
    setVerdict(eddie.doc, judged, 'Unproven', undefined, eddie.as);
    await eddie.allSaved();
    await bea.cardArrived(judged);
    await new Promise((resolve) => setTimeout(resolve, 5));
    setVerdict(bea.doc, judged, 'Mostly true', undefined, bea.as);
    await bea.allSaved();
    await new Promise((resolve) => setTimeout(resolve, 5));
    setVerdict(bea.doc, judged, null, undefined, bea.as);
    deleteCard(bea.doc, deleted, bea.as);
    deleteCard(bea.doc, back, bea.as);
    await bea.allSaved();
    await postJson(
      `${live.server.url}/api/boards/${board.id}/cards/${back}/restore`,
      {},
      board.leadToken,
    );
    const res = await fetch(`${live.server.url}/api/boards/${board.id}/export?format=md`, {
      headers: { authorization: `Bearer ${board.leadToken}` },
    });
    expect(res.status).toBe(200);
    md = await res.text();
  });

  it('gives a card’s verdict changes in order: each verdict, what it was, who, when', () => {
    const section = md.slice(md.indexOf(claims[0]!));
    const trail = section.slice(section.indexOf('**Verdict history**'));
    expect(trail).toMatch(
      new RegExp(
        [
          '^\\*\\*Verdict history\\*\\*\\n\\n',
          `- ${TIME}: \\*\\*Unproven\\*\\*, set by Eddie\\n`,
          `- ${TIME}: \\*\\*Mostly true\\*\\* \\(was Unproven\\), set by Bea\\n`,
          `- ${TIME}: cleared \\(was Mostly true\\), by Bea\\n`,
        ].join(''),
      ),
    );
    // Only the card whose verdict changed has one.
    expect(md.match(/\*\*Verdict history\*\*/g)).toHaveLength(1);
  });

  it('lists the cards deleted and not restored, by whom and when', () => {
    expect(md).toMatch(
      new RegExp(
        `\\n## Deleted cards \\(1\\)\\n\\n- “${escape(claims[1]!)}” — deleted by Bea, ${TIME}\\n$`,
      ),
    );
    // The card restored since is on the board, under its column, not among the deleted.
    expect(md.split(claims[2]!)).toHaveLength(3); // its heading and its source line
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
