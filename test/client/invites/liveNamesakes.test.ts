import { describe, expect, it } from 'vitest';
import type { Invite } from '../../../client/invites/invitesApi';
import { liveNamesakes } from '../../../client/invites/liveNamesakes';

const invite = (inviteId: string, name: string, revokedAt: number | null = null): Invite => ({
  inviteId,
  name,
  role: 'editor',
  createdAt: 1,
  joinedAt: null,
  revokedAt,
  revokedBy: null,
  expiresAt: null,
  expirySetBy: null,
});

const INVITES = [
  invite('i1', 'José Ruiz'),
  invite('i2', 'Zoë'),
  invite('i3', 'किरण'),
  invite('i4', 'Jose Ruiz', 2),
];

const namesakes = (name: string) => liveNamesakes(INVITES, name).map((i) => i.inviteId);

describe('liveNamesakes (the live invites the board takes for the name typed)', () => {
  it('whatever the accents, case, spacing or Unicode form', () => {
    for (const name of [
      'José Ruiz',
      'Jose Ruiz',
      '  jose   RUIZ ',
      'JOSÉ RUIZ',
      'Jose\u0301 Ruiz',
    ]) {
      expect(namesakes(name), name).toEqual(['i1']);
    }
    expect(namesakes('zoe')).toEqual(['i2']);
    expect(namesakes('Ｚｏｅ')).toEqual(['i2']); // full-width letters
  });

  it('not another name, a revoked invite, or a name that shows nothing', () => {
    expect(namesakes('José Ruiz B')).toEqual([]);
    // Only accents fold: a Devanagari vowel sign is part of the name ("करण" is Karan).
    expect(namesakes('करण')).toEqual([]);
    expect(namesakes('किरण')).toEqual(['i3']);
    expect(liveNamesakes([invite('i4', 'Jose Ruiz', 2)], 'José Ruiz')).toEqual([]);
    expect(namesakes('   ')).toEqual([]);
  });
});
