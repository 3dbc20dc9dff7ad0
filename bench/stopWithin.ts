/** Stops a server, but never lets a shutdown that hangs swallow a section's results. */
export async function stopWithin(
  server: { stop(): Promise<void> },
  ms: number,
  section: string,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const outcome = await Promise.race([server.stop().then(() => 'stopped' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') {
    process.stderr.write(`[bench] ${section}: server did not stop in ${ms} ms\n`);
  }
}
