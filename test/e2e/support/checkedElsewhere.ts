/**
 * Cards a person is checking, made and taken ("Take this card") on their other device or tab,
 * `own` (a client with their invite): returns once their page shows every one and a
 * colleague's client holds as many cards as `own`, so what the colleague does next meets them.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { addClaim, assignCard } from '../../../shared/board';
import type { TestClient } from '../../helpers/connectProvider';
import { card } from './boardPage';

export async function checkedElsewhere(
  page: Page,
  own: TestClient,
  colleague: TestClient,
  claims: readonly string[],
): Promise<void> {
  const { doc, as } = own;
  for (const claim of claims) assignCard(doc, addClaim(doc, { claim }, as), as.actor, as);
  await own.allSaved();
  for (const claim of claims) await card(page, claim).waitFor();
  await expect.poll(() => colleague.doc.getMap('cards').size).toBe(own.doc.getMap('cards').size);
}
