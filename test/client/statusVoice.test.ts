/** What the status pill reads out (StatusVoice) and the words it shows for a slow save. */
import { describe, expect, it } from 'vitest';
import { StatusVoice, type PillState } from '../../client/board/statusVoice';
import { type ConnectionKind, statusLabel } from '../../client/sync/connectionStatus';

/** The pill's state as ConnectionPill gives it, its words from statusLabel. */
function pill(kind: ConnectionKind, unsaved = false, onDevice = true, slow = false): PillState {
  const label = statusLabel(
    { kind, code: kind === 'refused' ? 4401 : null },
    { unsaved, onDevice, slow },
  );
  return { kind, label, unsaved, onDevice, slow };
}

const sayAll = (voice: StatusVoice, states: readonly PillState[]) =>
  states.map((s) => voice.next(s)).filter((s) => s !== null);

describe('StatusVoice', () => {
  it('says a connection only once it is slow: not a page opening, nor a quick reconnection', () => {
    const opening = [pill('connecting'), pill('syncing'), pill('saving', true), pill('saved')];
    expect(sayAll(new StatusVoice(), opening)).toEqual([]);
    // The server closed the socket to reconnect it (a role change): nothing to say.
    expect(sayAll(new StatusVoice(), [...opening, ...opening])).toEqual([]);
    const slowly = [pill('connecting'), pill('connecting', false, true, true), pill('saved')];
    expect(sayAll(new StatusVoice(), slowly)).toEqual(['Connecting…', 'All changes saved']);
  });

  it('says nothing for ordinary saves', () => {
    const voice = new StatusVoice();
    const saves = [
      pill('saved'),
      pill('saving', true),
      pill('saved'),
      pill('saving', true),
      pill('saved'),
    ];
    expect(sayAll(voice, saves)).toEqual([]);
  });

  it('says going offline and the kept changes once, however many edits follow, then saved once', () => {
    const voice = new StatusVoice();
    const edit = [pill('offline', true, false), pill('offline', true, true)];
    const states = [
      pill('saved'),
      pill('offline'),
      ...edit,
      ...edit,
      ...edit,
      ...edit,
      ...edit,
      pill('connecting', true, true),
      pill('syncing', true),
      pill('saving', true),
      pill('saved'),
      pill('saving', true),
      pill('saved'),
    ];
    expect(sayAll(voice, states)).toEqual([
      'Offline',
      'Offline: changes kept on this device',
      'All changes saved',
    ]);
  });

  it('says a save the server is slow to confirm, once, and when it is done', () => {
    const voice = new StatusVoice();
    const states = [
      pill('saving', true),
      pill('saving', true, true, true),
      pill('saving', true, false, true),
      pill('saving', true, true, true),
      pill('saved'),
    ];
    expect(sayAll(voice, states)).toEqual([
      'Still saving: no answer from the server yet',
      'All changes saved',
    ]);
  });

  it('says at once that the server is out of space, once however many edits follow, then saved once', () => {
    const voice = new StatusVoice();
    // Each edit's copy is on the device a moment after it is made: "Keeping…" is not said.
    const edit = [pill('storageFull', true, false), pill('storageFull', true, true)];
    const states = [pill('saving', true), ...edit, ...edit, ...edit, pill('saved')];
    expect(sayAll(voice, states)).toEqual([
      'Not saved yet: the server is out of space. Your changes are kept on this device and will be saved once it has space',
      'All changes saved',
    ]);
  });

  it('says a refusal once', () => {
    const voice = new StatusVoice();
    expect(sayAll(voice, [pill('refused'), pill('refused'), pill('refused', true)])).toEqual([
      'Your invite is no longer valid',
    ]);
  });

  it('says a refusal once when its words then name who revoked the invite and when', () => {
    const voice = new StatusVoice();
    const named = statusLabel(
      { kind: 'refused', code: 4401 },
      { unsaved: false, refusedWhy: 'Lea (lead) revoked your invite at 23:12' },
    );
    expect(sayAll(voice, [pill('refused'), { ...pill('refused'), label: named }])).toEqual([
      'Your invite is no longer valid',
    ]);
  });

  it('says a trouble again once it has passed and come back', () => {
    const voice = new StatusVoice();
    const episode = [pill('offline'), pill('connecting'), pill('syncing'), pill('saved')];
    expect(sayAll(voice, [...episode, ...episode])).toEqual([
      'Offline',
      'All changes saved',
      'Offline',
      'All changes saved',
    ]);
  });
});
