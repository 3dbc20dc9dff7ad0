/** The REST calls the client makes (DESIGN §4), with the server's `{error}` shape as an Error. */

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

/** One JSON call to the server; feature folders build their REST calls on it. */
export async function call<T>(
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<T> {
  const headers = new Headers(init.headers);
  if (init.body) headers.set('Content-Type', 'application/json');
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check your connection.');
  }
  const body = (await res.json().catch(() => null)) as
    (T & { error?: { code?: string; message?: string } }) | null;
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
  return call('/api/boards', { method: 'POST', body: JSON.stringify({ title, name }) });
}
