/** The few REST calls the sync and durability tests need: a board with invites. */
import type { Role } from '../../shared/roles';

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface RestBoard {
  readonly id: string;
  readonly leadToken: string;
}

export function createBoardOverRest(baseUrl: string, title: string): Promise<RestBoard> {
  return post<RestBoard>(`${baseUrl}/api/boards`, { title });
}

export function inviteOverRest(
  baseUrl: string,
  board: RestBoard,
  name: string,
  role: Role,
): Promise<{ inviteId: string; token: string }> {
  return post(`${baseUrl}/api/boards/${board.id}/invites`, { name, role }, board.leadToken);
}
