/** GET /api/boards/:id/members: names and roles of live invites, for every member, nothing more. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/roles';
import { errorCode, request } from '../../helpers/http/request';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { inviteOverRest } from '../../helpers/restApi';

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
  it('lists the live invites as names and roles, sorted, once each, to a viewer too', async () => {
    await invite('Edith Reyes', 'editor');
    await invite('Edith Reyes', 'editor'); // a second link for the same person
    const gone = await invite('Gone Reviewer', 'reviewer');
    await request(server.url, 'DELETE', `/api/boards/${boardId}/invites/${gone.inviteId}`, {
      token: leadToken,
    });
    const viewer = await invite('Vera Viewer', 'viewer');
    const res = await request(server.url, 'GET', `/api/boards/${boardId}/members`, {
      token: viewer.token,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      members: [
        { name: 'Edith Reyes', role: 'editor' },
        { name: 'Lea Lead', role: 'lead' },
        { name: 'Vera Viewer', role: 'viewer' },
      ],
    });
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
