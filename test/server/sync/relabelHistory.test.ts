/**
 * A rating-scale rename relabels cards (B11) through the card map, so the server's history
 * records one verdict.set per relabelled card, attributed to the lead whose connection sent it,
 * whatever actor the client's command claimed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClaim, DEFAULT_RATING_SCALE, editRatingScale, moveCard } from '../../../shared/board';
import { readAllHistory } from '../../../server/storage/readAllHistory';
import { connectProvider, type TestClient } from '../../helpers/connectProvider';
import { startSyncTestServer, type SyncTestServer } from '../../helpers/startSyncTestServer';
import { waitFor } from '../../helpers/waitFor';

describe('history of a rating-scale rename', () => {
  let server: SyncTestServer;
  let boardId: string;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    server = await startSyncTestServer();
    boardId = await server.createBoard();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
  });
  const join = async (role: 'lead' | 'editor', name: string) => {
    const invite = await server.invite(boardId, role, name);
    const client = connectProvider(server.syncUrl, boardId, invite.token);
    clients.push(client);
    await client.synced();
    return client;
  };

  it('records a verdict.set per relabelled card, by the lead', async () => {
    const editor = await join('editor', 'Edie');
    const lead = await join('lead', 'Lea');
    const liar = { actor: { id: 'someone-else', name: 'Mallory' } };
    const judged = [0, 1, 2].map((i) => {
      const id = addClaim(editor.doc, { claim: `Claim ${i}` }, liar);
      const verdict = i < 2 ? 'Misleading' : 'False';
      moveCard(editor.doc, id, { column: 'disputed', index: 0, verdict }, liar);
      return id;
    });
    await editor.allSaved();
    await waitFor(() => judged.every((id) => lead.doc.getMap('cards').has(id)));

    const renames = [{ from: 'Misleading', to: 'Spin' }];
    const scale = {
      ...DEFAULT_RATING_SCALE,
      labels: DEFAULT_RATING_SCALE.labels.map((l) =>
        l.label === 'Misleading' ? { ...l, label: 'Spin' } : l,
      ),
    };
    editRatingScale(lead.doc, { scale, renames }, liar);
    await lead.allSaved();

    const relabels = (await readAllHistory(server.storage, boardId)).filter(
      (e) => e.type === 'verdict.set' && e.data.verdict === 'Spin',
    );
    expect(relabels).toHaveLength(2);
    expect(relabels.map((e) => [e.cardId, e.actor.name, e.data])).toEqual(
      expect.arrayContaining(
        judged.slice(0, 2).map((id) => [id, 'Lea', { verdict: 'Spin', from: 'Misleading' }]),
      ),
    );
    // The card the rename does not concern has only the editor's verdict.
    const other = await readAllHistory(server.storage, boardId, judged[2]);
    expect(other.filter((e) => e.type === 'verdict.set').map((e) => e.actor.name)).toEqual([
      'Edie',
    ]);
  });
});
