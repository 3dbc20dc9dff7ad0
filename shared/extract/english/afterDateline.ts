import type { Token } from '../analyzeText';
import { WIRE_DATELINE } from '../wireDateline';

/**
 * The words after a wire dateline, which is no part of the first sentence's subject:
 * "WASHINGTON (Reuters) - U.S. Sen. Maria Cantwell said …" opens on "U.S. Sen. …".
 */
export function afterDateline(text: string, ws: Token[]): Token[] {
  const start = ws[0]!.start;
  const dateline = WIRE_DATELINE.exec(text.slice(start, start + 80));
  if (!dateline) return ws;
  const end = start + dateline[0].length;
  return ws.filter((w) => w.start >= end);
}
