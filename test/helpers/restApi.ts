/** The REST calls tests need: a board with invites, and the POST they are made with. */
import type { Role } from '../../shared/roles';

/** POSTs JSON (as the lead when a token is given) and returns the 201 answer's body. */
export async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
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

export function createBoardOverRest(
  baseUrl: string,
  title: string,
  leadName?: string,
): Promise<RestBoard> {
  return postJson<RestBoard>(`${baseUrl}/api/boards`, { title, name: leadName });
}

export function inviteOverRest(
  baseUrl: string,
  board: RestBoard,
  name: string,
  role: Role,
): Promise<{ inviteId: string; token: string }> {
  return postJson(`${baseUrl}/api/boards/${board.id}/invites`, { name, role }, board.leadToken);
}
