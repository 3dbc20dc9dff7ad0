/**
 * Regenerates docs/screenshot.png, the README's picture of the demo board: the server's own
 * demo board (the seed article's claims), a colleague with a card open, a few cards moved and
 * checked. Run: node --import tsx test/e2e/support/screenshot.ts
 */
import { fileURLToPath } from 'node:url';
import { staticClient } from '../../../server/http/staticClient';
import { inviteMember, inviteUrl } from '../../../server/http/boardActions';
import { seedDemoBoardIfEmpty } from '../../../server/seed/seedDemoBoardIfEmpty';
import { startTestServer } from '../../helpers/http/startTestServer';
import { launchBrowser } from '../../helpers/browser';
import { card, column, moveTo, waitSaved } from './boardPage';
import { buildClient } from './buildClient';

const OUT = fileURLToPath(new URL('../../../docs/screenshot.png', import.meta.url));

const client = buildClient();
const server = await startTestServer({}, { client: staticClient(client.dir) });
const browser = await launchBrowser();
try {
  const demo = await seedDemoBoardIfEmpty(server);
  if (!demo) throw new Error('no demo board');
  const editor = await inviteMember(server, demo.boardId, { name: 'Bo Ramírez', role: 'editor' });
  const [ca, cb] = await Promise.all([
    browser.newContext({ viewport: { width: 1440, height: 900 } }),
    browser.newContext(),
  ]);
  const [a, b] = await Promise.all([ca.newPage(), cb.newPage()]);
  await a.goto(demo.leadUrl);
  await b.goto(inviteUrl(server.url, demo.boardId, editor.token));
  await Promise.all([waitSaved(a), waitSaved(b)]);

  // A board in use: two cards checked, one disputed, one open on a colleague's screen.
  const claims = await column(a, 'Unverified').locator('li[data-card-id] .claim').allTextContents();
  const [first, second, third, fourth] = claims as [string, string, string, string];
  await moveTo(a, second, 'Corroborated');
  await moveTo(a, fourth, 'Disputed');
  await card(b, third)
    .getByRole('button', { name: /^Open:/ })
    .click();
  await b.getByRole('dialog').getByRole('button', { name: 'Close' }).waitFor();
  await card(a, first).focus();
  await waitSaved(a);
  await a.waitForTimeout(300);
  await a.screenshot({ path: OUT });
  console.log(`saved ${OUT}`);
} finally {
  await browser.close();
  await server.stop();
  client.remove();
}
