/** Commands on a card's evidence list: each item a Y.Map with a stable id. */
import * as Y from 'yjs';
import { BoardError } from '../errors';
import { evidenceInput, type EvidenceInput, evidencePatch, type EvidencePatch } from '../inputs';
import type { CommandContext } from '../origin';
import { parseInput } from '../parse';
import {
  CARD_KEYS,
  type CardMap,
  EVIDENCE_KEYS as K,
  type EvidenceList,
  newEvidenceMap,
} from '../schema';
import { getCard } from './cards';
import { setChangedKeys } from '../setChanged';
import { transact } from '../transact';

function evidenceList(card: CardMap): EvidenceList {
  const list = card.get(CARD_KEYS.evidence);
  if (!(list instanceof Y.Array))
    throw new BoardError('invalid_input', 'card has no evidence list');
  return list as EvidenceList;
}

function findEvidence(list: EvidenceList, evidenceId: string): number {
  const index = list.toArray().findIndex((item) => item.get(K.id) === evidenceId);
  if (index < 0) throw new BoardError('evidence_not_found', `no evidence ${evidenceId}`);
  return index;
}

export function addEvidence(
  doc: Y.Doc,
  cardId: string,
  input: EvidenceInput,
  ctx: CommandContext,
): string {
  const data = parseInput(evidenceInput, input);
  const list = evidenceList(getCard(doc, cardId));
  return transact(doc, 'addEvidence', ctx, (scope) => {
    const id = scope.newId();
    const item = newEvidenceMap({
      id,
      url: data.url,
      quote: data.quote,
      stance: data.stance,
      note: data.note,
      addedBy: scope.actor,
      addedAt: scope.now,
    });
    list.push([item]);
    return id;
  });
}

export function editEvidence(
  doc: Y.Doc,
  cardId: string,
  evidenceId: string,
  patch: EvidencePatch,
  ctx: CommandContext,
): void {
  const data = parseInput(evidencePatch, patch);
  const list = evidenceList(getCard(doc, cardId));
  const item = list.get(findEvidence(list, evidenceId));
  transact(doc, 'editEvidence', ctx, () => setChangedKeys(item, data));
}

export function removeEvidence(
  doc: Y.Doc,
  cardId: string,
  evidenceId: string,
  ctx: CommandContext,
): void {
  const list = evidenceList(getCard(doc, cardId));
  const index = findEvidence(list, evidenceId);
  transact(doc, 'removeEvidence', ctx, () => {
    list.delete(index, 1);
  });
}
