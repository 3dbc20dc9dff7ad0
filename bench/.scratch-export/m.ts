import * as Y from 'yjs';
import { buildBoard } from '../../bench/sync/cardModel';
import { readBoard } from '../../shared/board';
const b = buildBoard(10000);
const doc = new Y.Doc();
let t = performance.now();
for (const u of b.updates) Y.applyUpdate(doc, u);
console.log('apply 20 updates', performance.now() - t, b.bytes);
t = performance.now();
const full = Y.encodeStateAsUpdate(doc);
console.log('encode', performance.now() - t, full.byteLength);
t = performance.now();
const d2 = new Y.Doc();
Y.applyUpdate(d2, full);
console.log('apply full', performance.now() - t);
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const v = readBoard(d2);
  console.log('readBoard', performance.now() - t);
  t = performance.now();
  const s = JSON.stringify(v);
  console.log('stringify', performance.now() - t, s.length);
}
