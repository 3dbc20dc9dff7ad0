/**
 * The client of a baseline commit (when given) and of this checkout, built, for a browser bench
 * that serves both from one server and alternates them (ABBA), so a change is measured against
 * the code before it on the same machine in the same run.
 */
import type { RequestHandler } from 'express';
import { type BuiltClient, buildClient } from '../test/e2e/support/buildClient';
import { staticClient } from '../server/http/staticClient';
import { startTestServer } from '../test/helpers/http/startTestServer';
import { checkoutAt } from './checkoutAt';

export interface Build {
  readonly name: string;
  readonly client: BuiltClient;
  readonly handler: RequestHandler;
}

/** "before (abc1234)" for `baseRef` when given, then "this checkout". */
export function buildClients(baseRef: string | undefined): Build[] {
  const builds: Build[] = [];
  const add = (name: string, client: BuiltClient) => {
    const handler = staticClient(client.dir);
    if (!handler) throw new Error(`no client built for ${name}`);
    builds.push({ name, client, handler });
  };
  const base = baseRef ? checkoutAt(baseRef) : null;
  try {
    if (base) add(`before (${base.commit.slice(0, 7)})`, buildClient(base.dir));
    add('this checkout', buildClient());
  } finally {
    base?.remove();
  }
  return builds;
}

/** The builds of round `round` in ABBA order. */
export const abbaOrder = <T>(builds: readonly T[], round: number): readonly T[] =>
  round % 2 === 0 ? builds : [...builds].reverse();

/**
 * A test server whose client is the build last given to `serve` (the first build until then):
 * one board on one server, opened with each build in turn.
 */
export async function serveBuilds(builds: readonly Build[]) {
  let serving = builds[0] as Build;
  const server = await startTestServer(
    {},
    { client: (req, res, next) => serving.handler(req, res, next) },
  );
  return {
    server,
    /** Serves `build`'s client from the next page load on. */
    serve: (build: Build) => {
      serving = build;
    },
  };
}
