/**
 * The test browser itself: a context opens no renderer for the address bar's WebUI drop-down
 * (test/helpers/chromiumSwitches), which cost each context of every browser test about a
 * second of CPU. Should a Chromium upgrade rename those features, this says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../helpers/browser';
import { openBoard } from './support/boardPage';
import { useBoardBrowser } from './support/useBoardBrowser';

/**
 * The command lines of this process's descendants (Chromium's processes among them), split at
 * NULs and spaces: Chromium's child processes rewrite theirs as one line.
 */
function descendants(): string[][] {
  const processes = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/\0| /);
        return [{ pid: Number(pid), ppid, args }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) grew = mine.add(p.pid) !== undefined;
    }
  }
  return processes.filter((p) => mine.has(p.pid) && p.pid !== process.pid).map((p) => p.args);
}

describe.skipIf(!chromiumAvailable())('the test browser', () => {
  const { server, browser } = useBoardBrowser();

  it('opens a board in a fresh context without a renderer for the address bar’s WebUI', async () => {
    const board = await server.createBoard('Browser', 'Lea');
    const context = await browser.newContext();
    await openBoard(await context.newPage(), board.leadUrl);
    const renderers = descendants().filter((args) => args.includes('--type=renderer'));
    expect(renderers.length).toBeGreaterThan(0);
    expect(renderers.filter((args) => args.includes('--top-chrome-webui'))).toEqual([]);
    await context.close();
  });
});
