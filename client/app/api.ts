/** The REST calls the client makes (DESIGN §4), with the server's `{error}` shape as an Error. */
import { type RetryKey, retryKey } from './retryKeys';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request never reached the server: no network, or the server is down. */
export const unreachable = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'network';

/**
 * One JSON call to the server; feature folders build their REST calls on it. `retrySafe`: a
 * change sent with an Idempotency-Key (retryKeys), which sending again does not do twice.
 */
export async function call<T>(
  path: string,
  init: RequestInit & { token?: string; retrySafe?: boolean } = {},
): Promise<T> {
  const { token, retrySafe, ...rest } = init;
  const headers = new Headers(init.headers);
  if (init.body) headers.set('Content-Type', 'application/json');
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const request = `${init.method ?? 'GET'} ${path} ${typeof init.body === 'string' ? init.body : ''}`;
  const retry: RetryKey | null = retrySafe ? await retryKey(request) : null;
  if (retry) headers.set('Idempotency-Key', retry.key);
  let res: Response;
  try {
    res = await fetch(path, { ...rest, headers });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection.');
  }
  const body = (await res.json().catch(() => null)) as
    (T & { error?: { code?: string; message?: string } }) | null;
  retry?.answered(res.status, body?.error?.code);
  if (!res.ok) {
    throw new ApiError(
      res.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `The server answered ${res.status}.`,
    );
  }
  return body as T;
}

export interface CreatedBoard {
  readonly id: string;
  readonly title: string;
  readonly leadToken: string;
  readonly leadUrl: string;
}

export function createBoard(title: string, name: string): Promise<CreatedBoard> {
  return call('/api/boards', {
    method: 'POST',
    body: JSON.stringify({ title, name }),
    retrySafe: true,
  });
}
