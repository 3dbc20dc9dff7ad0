import { describe, expect, it } from 'vitest';
import { CarryVoice } from '../../client/board/carryVoice';

/** A burst of steps (true: the card moved), and what each said; then the settle's words. */
function hear(steps: readonly boolean[]): { steps: (string | null)[]; settled: string | null } {
  const voice = new CarryVoice();
  let at = 1;
  const place = () => `position ${at}`;
  const said = steps.map((moved) => {
    if (moved) at++;
    return voice.step(moved, place, () => 'Bottom.');
  });
  return { steps: said, settled: voice.settle(place) };
}

describe('CarryVoice', () => {
  it('says the first step of a burst at once and its last place when the keys stop', () => {
    const { steps, settled } = hear([true, true, true, true]);
    expect(steps).toEqual(['position 2', null, null, null]);
    expect(settled).toBe('position 5');
  });

  it('says a lone step once', () => {
    expect(hear([true])).toEqual({ steps: ['position 2'], settled: null });
  });

  it('says an edge once, with the place the burst left unsaid, and nothing more after it', () => {
    const { steps, settled } = hear([true, true, false, false, false]);
    expect(steps).toEqual(['position 2', null, 'Bottom. position 3', null, null]);
    expect(settled).toBeNull();
  });

  it('says an edge met by the first key alone, and again in the next burst', () => {
    const voice = new CarryVoice();
    const place = () => 'position 1';
    const edge = () => 'Bottom.';
    expect(voice.step(false, place, edge)).toBe('Bottom.');
    expect(voice.step(false, place, edge)).toBeNull();
    expect(voice.settle(place)).toBeNull();
    expect(voice.step(false, place, edge)).toBe('Bottom.');
  });

  it('says an edge again once the card has moved away from it', () => {
    const { steps } = hear([false, true, false]);
    expect(steps).toEqual(['Bottom.', null, 'Bottom. position 2']);
  });
});
