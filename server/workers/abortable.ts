/**
 * `promise`, or a rejection with the signal's reason as soon as `signal` aborts, whichever
 * comes first; without a signal, `promise` itself. Whatever `promise` was doing goes on: the
 * caller stops it if it must.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
