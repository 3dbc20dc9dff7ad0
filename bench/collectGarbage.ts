import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full collection in the bench's own process, so that garbage left by an earlier run is not
 * collected, and counted, during the next timed one. `--expose-gc` set at runtime applies to
 * contexts created afterwards, hence the new context.
 */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
