/** The order of checks (DESIGN §4): token (401), then board named (403), then board exists (404). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenSigner } from '../../../server/auth/tokens';
import { startTestServer, type TestServer } from '../../helpers/http/startTestServer';
import { errorCode, request } from '../../helpers/http/request';

let server: TestServer;
let boardId: string;
let leadToken: string;
let otherBoardToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const a = await request(server.url, 'POST', '/api/boards', { json: { title: 'A' } });
  const b = await request(server.url, 'POST', '/api/boards', { json: { title: 'B' } });
  ({ id: boardId, leadToken } = a.body);
  otherBoardToken = b.body.leadToken;
});
afterAll(() => server.stop());

const paths = () => [`/api/boards/${boardId}`, `/api/boards/${boardId}/history`];

describe('member authentication', () => {
  it('401 missing_token without an Authorization header, or with another scheme', async () => {
    for (const path of paths()) {
      const none = await request(server.url, 'GET', path);
      expect(none.status).toBe(401);
      expect(errorCode(none)).toBe('missing_token');
      const basic = await request(server.url, 'GET', path, {
        headers: { authorization: `Basic ${leadToken}` },
      });
      expect(basic.status).toBe(401);
      expect(errorCode(basic)).toBe('missing_token');
    }
  });

  it('401 invalid_token for a wrong signature, garbage, or an expired token', async () => {
    const claims = server.signer.verify(leadToken)!;
    const forged = createTokenSigner('some other secret').sign(claims);
    const tampered = leadToken.replace(/^./, (c) => (c === 'e' ? 'f' : 'e'));
    const expired = server.signer.sign({ ...claims, exp: Date.now() - 1000 });
    for (const token of [forged, tampered, 'garbage', expired]) {
      const res = await request(server.url, 'GET', `/api/boards/${boardId}`, { token });
      expect(res.status, token).toBe(401);
      expect(errorCode(res)).toBe('invalid_token');
    }
  });

  it('401 before anything else: a bad token on an unknown board learns nothing', async () => {
    const res = await request(server.url, 'GET', '/api/boards/doesnotexist', { token: 'garbage' });
    expect(res.status).toBe(401);
  });

  it('403 wrong_board for a valid token of another board', async () => {
    for (const path of paths()) {
      const res = await request(server.url, 'GET', path, { token: otherBoardToken });
      expect(res.status).toBe(403);
      expect(errorCode(res)).toBe('wrong_board');
    }
    // Also when the requested board does not exist: 403 comes before 404.
    const res = await request(server.url, 'GET', '/api/boards/nosuchboard', {
      token: otherBoardToken,
    });
    expect(res.status).toBe(403);
  });

  it('404 board_not_found for a correctly signed token of a board that does not exist', async () => {
    const fabricated = server.signer.sign({
      boardId: 'fabricatedboard1',
      inviteId: 'fabricatedinvite',
      role: 'lead',
      name: 'Ghost',
      iat: Date.now(),
      exp: null,
    });
    const res = await request(server.url, 'GET', '/api/boards/fabricatedboard1', {
      token: fabricated,
    });
    expect(res.status).toBe(404);
    expect(errorCode(res)).toBe('board_not_found');
  });

  it('401 for a signed token whose invite does not exist on an existing board', async () => {
    const token = server.signer.sign({
      boardId,
      inviteId: 'neverissued',
      role: 'lead',
      name: 'Ghost',
      iat: Date.now(),
      exp: null,
    });
    const res = await request(server.url, 'GET', `/api/boards/${boardId}`, { token });
    expect(res.status).toBe(401);
    expect(errorCode(res)).toBe('revoked_token');
  });

  it('takes the role from the invite record, not from the token', async () => {
    const res = await request(server.url, 'POST', `/api/boards/${boardId}/invites`, {
      token: leadToken,
      json: { name: 'Vi', role: 'viewer' },
    });
    const viewerClaims = server.signer.verify(res.body.token)!;
    // A token minted with the right secret but a promoted role does not promote the invite.
    const promoted = server.signer.sign({ ...viewerClaims, role: 'lead' });
    const list = await request(server.url, 'GET', `/api/boards/${boardId}/invites`, {
      token: promoted,
    });
    expect(list.status).toBe(403);
  });
});
