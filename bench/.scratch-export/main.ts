import { Worker } from 'node:worker_threads';
export async function run() {
  const t = performance.now();
  const w = new Worker(new URL('./boot.mjs', import.meta.url), {
    workerData: { entry: new URL('./w.ts', import.meta.url).href },
  });
  const msg = await new Promise((res, rej) => {
    w.once('message', res);
    w.once('error', rej);
  });
  await w.terminate();
  return { msg, ms: performance.now() - t, argv: process.execArgv };
}
if (process.argv[1]?.endsWith('main.ts')) run().then(console.log);
