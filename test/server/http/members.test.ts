/**
 * GET /api/boards/:id/members: ids, names and roles of live invites, for every member, nothing
 * more; one entry per person, the invite they joined with.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { connectProvider } from '../../helpers/connectProvider';
import { inviteOverRest } from '../../helpers/restApi';
import { waitFor } from '../../helpers/waitFor';

let server: TestServer;
let boardId: string;
let leadToken: string;

const invite = (name: string, role: Role) =>
  inviteOverRest(server.url, { id: boardId, leadToken }, name, role);

beforeAll(async () => {
  server = await startTestServer();
  const res = await request(server.url, 'POST', '/api/boards', {
    json: { title: 'Members', name: 'Lea Lead' },
  });
  ({ id: boardId, leadToken } = res.body);
});
afterAll(() => server.stop());

describe('GET /api/boards/:id/members', () => {
  it('lists the live invites as ids, names and roles, sorted, once each, to a viewer too', async () => {
    const first = await invite('Edith Reyes', 'editor');
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later creation time
    const second = await invite('Edith Reyes', 'editor'); // a second link for the same person
    const gone = await invite('Gone Reviewer', 'reviewer');
    await request(server.url, 'DELETE', `/api/boards/${boardId}/invites/${gone.inviteId}`, {
      token: leadToken,
    });
    const viewer = await invite('Vera Viewer', 'viewer');
    const list = async () => {
      const res = await request(server.url, 'GET', `/api/boards/${boardId}/members`, {
        token: viewer.token,
      });
      expect(res.status).toBe(200);
      return res.body.members as { id: string; name: string; role: Role }[];
    };
    const members = await list();
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ['Edith Reyes', 'editor'],
      ['Lea Lead', 'lead'],
      ['Vera Viewer', 'viewer'],
    ]);
    expect(Object.keys(members[0]!).sort()).toEqual(['id', 'name', 'role']);
    // Neither link used yet: the newest stands for Edith.
    expect(members[0]!.id).toBe(second.inviteId);
    expect(members[2]!.id).toBe(viewer.inviteId);

    // Edith joins with her first link: that is the id her cards and comments will carry.
    const edith = connectProvider(
      `${server.url.replace(/^http/, 'ws')}/sync`,
      boardId,
      first.token,
    );
    try {
      await edith.synced();
      await waitFor(async () => (await list())[0]!.id === first.inviteId, {
        what: 'the joined invite to stand for Edith',
      });
    } finally {
      edith.destroy();
    }
  });

  it('is for members of this board only', async () => {
    const none = await request(server.url, 'GET', `/api/boards/${boardId}/members`);
    expect(none.status).toBe(401);
    const other = await request(server.url, 'POST', '/api/boards', { json: { title: 'Other' } });
    const wrong = await request(server.url, 'GET', `/api/boards/${boardId}/members`, {
      token: other.body.leadToken,
    });
    expect(wrong.status).toBe(403);
    expect(errorCode(wrong)).toBeTruthy();
  });
});
