/**
 * A person whose invite a lead revokes is told who did it and when, in their own time zone,
 * where screen readers hear it: the open board's alert banner, and, once the page is opened
 * again (nothing of the board is kept), the refusal page's alert. One whose role a lead changes
 * hears who gave it and when, as the page takes it.
 */
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { announced, openBoard } from './support/boardPage';
import { liveSaid, recordLiveRegions, audibleLiveText } from './support/liveRegions';
import { useBoardBrowser } from './support/useBoardBrowser';

const RUN = chromiumAvailable();
/** Not the server's (UTC): the time said must be the person's. */
const ZONE = 'Asia/Kolkata';

/** A moment as the person's page writes it: their locale and time zone (formatClock). */
const clock = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(
    ms,
  );

describe.skipIf(!RUN)('the lead who revoked an invite or changed a role is named', () => {
  const { server, browser } = useBoardBrowser();

  it('on the open board, and on the refusal page after a reload', async () => {
    const board = await server.createBoard('Revoked by a lead', 'Ana Ruiz');
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: ZONE });
    try {
      const page = await context.newPage();
      await openBoard(page, await server.invite(board, 'Eddie', 'editor'));
      await recordLiveRegions(page);
      await server.revoke(board, 'Eddie');

      const res = await fetch(`${server.url}/api/boards/${board.id}/invites`, {
        headers: { authorization: `Bearer ${board.leadToken}` },
      });
      const { invites } = (await res.json()) as {
        invites: { name: string; revokedAt: number | null }[];
      };
      const revokedAt = invites.find((i) => i.name === 'Eddie')?.revokedAt ?? 0;
      const said = `Ana Ruiz (lead) revoked your invite at ${clock(revokedAt)}`;

      const banner = page.getByRole('alert').filter({ hasText: 'so nothing changed here' });
      await expect.poll(() => banner.textContent()).toContain(`${said}, so nothing changed here`);
      await expect.poll(() => liveSaid(page)).toContainEqual(expect.stringContaining(said));

      await page.reload();
      const refusal = page.getByRole('alert').filter({ hasText: 'Ask the board’s lead' });
      await expect.poll(() => refusal.textContent()).toContain(`${said}.`);
      expect(await audibleLiveText(page)).toContainEqual(expect.stringContaining(`${said}.`));
    } finally {
      await context.close();
    }
  });

  it('a role a lead changes is said with who changed it and when', async () => {
    const board = await server.createBoard('Role changed by a lead', 'Ana Ruiz');
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: ZONE });
    try {
      const page = await context.newPage();
      const link = await server.invite(board, 'Eddie', 'editor');
      await openBoard(page, link);
      const token = link.split('#invite=')[1] ?? '';
      const me = async () =>
        (await (
          await fetch(`${server.url}/api/boards/${board.id}`, {
            headers: { authorization: `Bearer ${token}` },
          })
        ).json()) as { inviteId: string; roleChangedAt: number | null };
      const res = await fetch(
        `${server.url}/api/boards/${board.id}/invites/${(await me()).inviteId}`,
        {
          method: 'PATCH',
          headers: {
            authorization: `Bearer ${board.leadToken}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ role: 'reviewer', from: 'editor' }),
        },
      );
      expect(res.status).toBe(200);
      const at = (await me()).roleChangedAt ?? 0;
      await expect
        .poll(() => announced(page))
        .toContain(`Ana Ruiz changed your role to Reviewer at ${clock(at)}`);
    } finally {
      await context.close();
    }
  });
});
