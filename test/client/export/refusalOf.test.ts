import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/app/api';
import { refusalOf, RequestRefused } from '../../../client/export/exportApi';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('refusalOf', () => {
  it('keeps the code, message and every detail of the server’s error', async () => {
    const err = await refusalOf(
      json(400, {
        error: {
          code: 'invalid_export',
          message: 'not a board export: cards.0.claim: required',
          details: ['cards.0.claim: required', 'format: expected "factboard.board"'],
        },
      }),
    );
    expect(err).toBeInstanceOf(RequestRefused);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('invalid_export');
    expect(err.details).toEqual(['cards.0.claim: required', 'format: expected "factboard.board"']);
  });

  it('names the status when the body is not the error shape', async () => {
    const err = await refusalOf(new Response('<h1>Bad gateway</h1>', { status: 502 }));
    expect([err.code, err.message, err.details]).toEqual([
      'http_error',
      'The server answered 502.',
      [],
    ]);
    const odd = await refusalOf(json(409, { error: { code: 7, details: [1, 'x'] } }));
    expect([odd.code, odd.details]).toEqual(['http_error', ['x']]);
  });
});
