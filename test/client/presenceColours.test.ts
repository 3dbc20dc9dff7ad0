/** Presence colours: each person's own colour unless someone present has it already. */
import { describe, expect, it } from 'vitest';
import { colourFor, PRESENCE_COLOURS, presenceColours } from '../../client/sync/presence';

describe('presenceColours', () => {
  it('gives up to eight people eight colours, the same whatever order they are listed in', () => {
    // Find two ids whose own colours collide, as "AE" and "BE" did in a QA session.
    const ids = Array.from({ length: 200 }, (_, i) => `invite-${i}`);
    const first = ids[0] as string;
    const twin = ids.find((id) => id !== first && colourFor(id) === colourFor(first)) as string;
    expect(twin).toBeDefined();
    const pair = presenceColours([first, twin]);
    expect(pair.get(first)).not.toBe(pair.get(twin));
    expect(presenceColours([twin, first])).toEqual(pair);
    // The one earlier by id keeps their own colour.
    const earlier = [first, twin].sort()[0] as string;
    expect(pair.get(earlier)).toBe(colourFor(earlier));

    const eight = ids.slice(0, PRESENCE_COLOURS.length);
    expect(new Set(presenceColours(eight).values()).size).toBe(PRESENCE_COLOURS.length);
    // Alone, everyone has their own colour.
    for (const id of eight) expect(presenceColours([id]).get(id)).toBe(colourFor(id));
  });
});
