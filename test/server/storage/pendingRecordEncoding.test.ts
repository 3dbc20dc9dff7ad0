/**
 * The pending log's record encoding (server/storage/pendingLog.ts): written straight into one
 * buffer, it must be byte for byte what lib0's encoder wrote before (a log left by an older
 * server is read on open, and one written now by an older server after a downgrade), and read
 * back to the same record. The lengths cross each size of lib0's variable-length integers.
 */
import { crc32 } from 'node:zlib';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decodePendingRecord,
  PendingLog,
  type PendingRecord,
} from '../../../server/storage/pendingLog';
import { makeTempDir, type TempDir } from '../../helpers/tempDir';

/** The record as the pending log wrote it until 5 December 2026, with lib0's encoder. */
function lib0Record(record: PendingRecord): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeFloat64(encoder, record.rec);
  encoding.writeVarString(encoder, record.boardId);
  encoding.writeFloat64(encoder, record.firstSeq);
  encoding.writeFloat64(encoder, record.batch.at);
  encoding.writeVarUint(encoder, record.batch.updates.length);
  for (const update of record.batch.updates) encoding.writeVarUint8Array(encoder, update);
  const { bindings, history } = record.batch;
  const places = record.batch.places?.length ? record.batch.places : undefined;
  encoding.writeVarString(encoder, JSON.stringify({ bindings, history, places }));
  const body = encoding.toUint8Array(encoder);
  const out = Buffer.allocUnsafe(8 + body.byteLength);
  out.writeUInt32LE(body.byteLength, 0);
  out.writeUInt32LE(crc32(body), 4);
  out.set(body, 8);
  return out;
}

const bytes = (length: number, seed: number) =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

const actor = (name: string) => ({ id: 'inv_0123456789abcdef', name });

function record(rec: number, updateLengths: readonly number[], name: string): PendingRecord {
  return {
    rec,
    boardId: 'b_0123456789abcdef',
    firstSeq: rec * 3 + 1,
    batch: {
      updates: updateLengths.map((length, i) => bytes(length, i)),
      bindings: rec % 2 ? [{ clientId: 4_294_967_295, inviteId: 'inv_0123456789abcdef' }] : [],
      history: [
        {
          boardId: 'b_0123456789abcdef',
          cardId: 'c_1',
          type: 'card.edited',
          actor: actor(name),
          at: 1_764_930_000_123,
          data: { fields: ['rationale'], values: { rationale: name.repeat(40) } },
        },
      ],
      places:
        rec % 3 === 0
          ? [
              {
                holder: {
                  cardId: 'c_1',
                  evidenceId: null,
                  evidenceUrl: null,
                  claim: name,
                  deleted: 'card' as const,
                  deletedBy: actor(name),
                },
                structs: [{ client: 7, clock: 0, length: 3, key: null }],
              },
            ]
          : [],
      at: 1_764_930_000_456,
    },
  };
}

let dir: TempDir;
let log: PendingLog;
beforeEach(() => {
  dir = makeTempDir('factboard-record-');
  PendingLog.lock(`${dir.path}/pending`);
  log = new PendingLog(`${dir.path}/pending`, false);
});
afterEach(() => {
  log.close();
  dir.remove();
});

describe('a pending-log record', () => {
  const cases: [string, PendingRecord][] = [
    ['no updates, an ASCII name', record(1, [], 'Ana')],
    ['one update under 128 bytes', record(2, [127], 'Ana')],
    ['updates at 128 and 16,383 bytes', record(3, [128, 16_383], 'Zoë Ñúñez')],
    ['an update of 16,384 bytes and one of 2 MiB', record(4, [16_384, 2 * 1024 * 1024], '陈静')],
    ['a name of emoji and a lone surrogate', record(5, [300], 'Bo 🧪 \ud800')],
    ['a record number past 2³²', record(2 ** 40 + 5, [1], 'Ana')],
    [
      '200 updates',
      record(
        6,
        Array.from({ length: 200 }, (_, i) => i + 1),
        'Ana',
      ),
    ],
  ];
  for (const [what, r] of cases) {
    it(`is written as lib0 wrote it and reads back whole: ${what}`, () => {
      const written = Buffer.from(log.append(r));
      expect(written.equals(lib0Record(r))).toBe(true);
      const back = decodePendingRecord(written);
      expect(back.rec).toBe(r.rec);
      expect(back.boardId).toBe(r.boardId);
      expect(back.firstSeq).toBe(r.firstSeq);
      expect(back.batch.at).toBe(r.batch.at);
      expect(back.batch.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
        r.batch.updates.map((u) => Buffer.from(u).toString('hex')),
      );
      expect(back.batch.bindings).toEqual(r.batch.bindings);
      // JSON keeps a lone surrogate as its escape, so the name reads back exactly.
      expect(back.batch.history).toEqual(r.batch.history);
      expect(back.batch.places ?? []).toEqual(r.batch.places);
    });
  }
});
