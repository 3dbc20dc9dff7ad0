/** Why a measurement could not be taken; the table shows `code: message` in its cell. */
export type BenchErrorCode =
  'unavailable' | 'timeout' | 'closed' | 'server_failed' | 'http' | 'incomplete';

export class BenchError extends Error {
  constructor(
    readonly code: BenchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BenchError';
  }
}

/** Resolves with `promise`, or rejects with a timeout BenchError after `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BenchError('timeout', `${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
