/**
 * The scale check's overlay (the update's items over the doc's scale) against the exact
 * judgement on a copy of the doc: the same verdict, by the overlay for every write the Rating
 * scale dialog makes, by the copy for a write crossing a colleague's.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkScaleWrite, judgeOnCopy } from '../../../server/sync/checkScaleWrite';
import { analyzeUpdate } from '../../../server/sync/analyzeUpdate';
import { decodeUpdate } from '../../../server/sync/decodeUpdate';
import {
  editRatingScale,
  initBoard,
  readBoard,
  setRatingScale,
  type RatingScale,
} from '../../../shared/board';
import { SYSTEM_ACTOR } from '../../../shared/board/actor';
import { newLabelMap, scaleMap } from '../../../shared/board/schema';

const ctx = { actor: SYSTEM_ACTOR };

function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoard(doc, { title: 'Scale' }, ctx);
  return doc;
}

function replica(of: Y.Doc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(of));
  return doc;
}

/** The update a change on `client` makes. */
function write(client: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const sv = Y.encodeStateVector(client);
  change(client);
  return Y.encodeStateAsUpdate(client, sv);
}

/** Both judgements of an update on the server's doc. */
function judge(server: Y.Doc, update: Uint8Array) {
  const decoded = decodeUpdate(update);
  const { path, ...verdict } = checkScaleWrite(
    analyzeUpdate(decoded, server),
    server,
    update,
    decoded.ds,
  );
  return { path, verdict, copy: judgeOnCopy(server, update) };
}

const scaleOf = (doc: Y.Doc): RatingScale => readBoard(doc).meta.ratingScale;
const labelsOf = (doc: Y.Doc) => scaleMap(doc)!.get('labels') as Y.Map<Y.Map<unknown>>;
const labelNamed = (doc: Y.Doc, name: string) =>
  [...labelsOf(doc).values()].find((l) => l.get('label') === name)!;

describe('checkScaleWrite', () => {
  const edits: [string, (s: RatingScale) => Parameters<typeof editRatingScale>[1]][] = [
    [
      'rename',
      (s) => ({
        scale: { ...s, labels: s.labels.map((l, i) => (i === 0 ? { ...l, label: 'Right' } : l)) },
        renames: [{ from: 'True', to: 'Right' }],
      }),
    ],
    [
      'reorder',
      (s) => ({ scale: { ...s, labels: [s.labels[1]!, s.labels[0]!, ...s.labels.slice(2)] } }),
    ],
    [
      'add a label',
      (s) => ({
        scale: {
          ...s,
          labels: [...s.labels, { label: 'Pants on fire', column: 'disputed', value: 1 }],
        },
      }),
    ],
    ['remove a label', (s) => ({ scale: { ...s, labels: s.labels.slice(0, -1) } })],
    [
      'renumber all, best changed',
      (s) => ({
        scale: {
          best: 10,
          worst: 1,
          labels: s.labels.map((l) => ({ ...l, value: l.value * 2 - 1 })),
        },
      }),
    ],
    [
      'column change',
      (s) => ({
        scale: {
          ...s,
          labels: s.labels.map((l) => (l.label === 'Unproven' ? { ...l, column: 'disputed' } : l)),
        },
      }),
    ],
  ];
  for (const [name, edit] of edits) {
    it(`judges a dialog's ${name} by the overlay, as the copy does`, () => {
      const server = board();
      const client = replica(server);
      const update = write(client, (doc) => editRatingScale(doc, edit(scaleOf(doc)), ctx));
      const { path, verdict, copy } = judge(server, update);
      expect(path).toBe('overlay');
      expect(verdict).toEqual(copy);
      expect(verdict).toEqual({ ok: true });
    });
  }

  it('judges a whole scale set (setRatingScale) by the overlay', () => {
    const server = board();
    const client = replica(server);
    const update = write(client, (doc) =>
      setRatingScale(doc, { ...scaleOf(doc), labels: scaleOf(doc).labels.slice(2) }, ctx),
    );
    expect(judge(server, update)).toEqual({
      path: 'overlay',
      verdict: { ok: true },
      copy: { ok: true },
    });
  });

  it('refuses by the overlay the raw writes after which the scale would not hold together', () => {
    const cases: [string, (doc: Y.Doc) => void][] = [
      ['best is not above worst', (doc) => scaleMap(doc)!.set('worst', 5)],
      [
        'best is not above worst',
        (doc) => {
          scaleMap(doc)!.set('best', 1);
          scaleMap(doc)!.set('worst', 5);
        },
      ],
      ['a label value is not between worst and best', (doc) => scaleMap(doc)!.set('best', 4)],
      [
        'a label value is not between worst and best',
        (doc) => labelNamed(doc, 'False').set('value', 6),
      ],
      ['a label is on it twice', (doc) => labelNamed(doc, 'False').set('label', 'Misleading')],
      [
        'a label is on it twice',
        (doc) =>
          labelsOf(doc).set('l9x', newLabelMap({ label: 'True', column: 'disputed', value: 1 }, 9)),
      ],
      [
        'a Corroborated label is valued below a Disputed one',
        (doc) => labelNamed(doc, 'False').set('column', 'corroborated'),
      ],
      ['it has no label', (doc) => labelsOf(doc).clear()],
      [
        'a label value is not between worst and best',
        (doc) => {
          const entry = newLabelMap({ label: 'Half true', column: 'disputed', value: 2 }, 9);
          entry.delete('value');
          labelsOf(doc).set('l9x', entry);
        },
      ],
    ];
    for (const [fault, change] of cases) {
      const server = board();
      const update = write(replica(server), change);
      const reason = `the rating scale would not hold together: ${fault}`;
      expect(judge(server, update)).toEqual({
        path: 'overlay',
        verdict: { ok: false, reason },
        copy: { ok: false, reason },
      });
    }
  });

  it('takes a label added and deleted in one write by a replica that keeps deleted content', () => {
    const server = board();
    const client = new Y.Doc({ gc: false });
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    // The label is on the scale twice until the same write deletes it again.
    const update = write(client, (doc) =>
      doc.transact(() => {
        labelsOf(doc).set('l9x', newLabelMap({ label: 'True', column: 'disputed', value: 1 }, 9));
        labelsOf(doc).delete('l9x');
      }),
    );
    expect(judge(server, update)).toEqual({
      path: 'overlay',
      verdict: { ok: true },
      copy: { ok: true },
    });
  });

  it('judges a write crossing a colleague’s edit of the same key on the copy', () => {
    const server = board();
    const a = replica(server);
    const b = replica(server);
    const first = write(a, (doc) => scaleMap(doc)!.set('best', 6));
    const second = write(b, (doc) => scaleMap(doc)!.set('worst', 5));
    Y.applyUpdate(server, first);
    const crossing = write(b, (doc) => scaleMap(doc)!.set('best', 7));
    Y.applyUpdate(server, second);
    // b's best builds on the best a replaced: Yjs keeps one of the two, which the copy says.
    const { path, verdict, copy } = judge(server, crossing);
    expect(path).toBe('copy');
    expect(verdict).toEqual(copy);
    expect(verdict.ok).toBe(false);
  });

  it('gives the copy’s verdict for random scale edits from three replicas (seeded)', () => {
    let seed = 63;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const server = board();
    const clients = [replica(server), replica(server), replica(server)];
    const names = ['True', 'False', 'Misleading', 'Odd', 'Half', 'Pants'];
    const columns = ['corroborated', 'unverified', 'disputed'];
    const paths = { none: 0, overlay: 0, copy: 0 };
    const change = (doc: Y.Doc) => {
      const scale = scaleOf(doc);
      const map = scaleMap(doc)!;
      const ids = [...labelsOf(doc).keys()];
      switch (Math.floor(rand() * 8)) {
        case 0:
          map.set(pick(['best', 'worst']), Math.floor(rand() * 8) + 1);
          break;
        case 1:
          if (ids.length > 0)
            labelsOf(doc)
              .get(pick(ids))!
              .set('value', Math.floor(rand() * 8) + 1);
          break;
        case 2:
          if (ids.length > 0) labelsOf(doc).get(pick(ids))!.set('label', pick(names));
          break;
        case 3:
          if (ids.length > 0) labelsOf(doc).get(pick(ids))!.set('column', pick(columns));
          break;
        case 4:
          if (ids.length > 0) labelsOf(doc).delete(pick(ids));
          break;
        case 5:
          labelsOf(doc).set(
            `r${Math.floor(rand() * 4)}`,
            newLabelMap({ label: pick(names), column: pick(columns) as 'disputed', value: 2 }, 8),
          );
          break;
        default: {
          // The dialog's Save: a value moved within the range, or a label renamed.
          const labels = scale.labels.map((l) =>
            rand() < 0.3
              ? { ...l, value: scale.worst + Math.floor(rand() * (scale.best - scale.worst + 1)) }
              : l,
          );
          try {
            editRatingScale(doc, { scale: { ...scale, labels } }, ctx);
          } catch {
            // A scale the command refuses (a Corroborated label below a Disputed one): no write.
          }
        }
      }
    };
    for (let i = 0; i < 300; i++) {
      const c = Math.floor(rand() * clients.length);
      const client = clients[c]!;
      if (rand() < 0.5) Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      const update = write(client, change);
      const { path, verdict, copy } = judge(server, update);
      paths[path]++;
      expect(verdict, `update ${i}`).toEqual(copy);
      if (verdict.ok) Y.applyUpdate(server, update);
      else clients[c] = replica(server);
    }
    expect(paths.overlay).toBeGreaterThan(50);
    expect(paths.copy).toBeGreaterThan(5);
  });
});
