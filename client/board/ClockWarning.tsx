/**
 * Warns, on a page that may write, when this device's clock is too far off the server's for
 * its changes to be saved (clockWarningText). The server's time is read once per page from the
 * Date header of a health check, the midpoint of the request taken as its moment: a second's
 * precision against a day's allowance.
 */
import { useEffect, useState } from 'react';
import { clockWarningText } from './clockWarningText';

export function ClockWarning(): React.ReactElement | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const sent = Date.now();
    fetch('/healthz', { cache: 'no-store', signal: controller.signal })
      .then((res) => {
        const server = Date.parse(res.headers.get('date') ?? '');
        if (Number.isFinite(server)) setText(clockWarningText((sent + Date.now()) / 2 - server));
      })
      .catch(() => undefined); // Offline or gone: the connection's status says so.
    return () => controller.abort();
  }, []);
  if (!text) return null;
  return (
    <p className="banner banner-error" role="alert">
      {text}
    </p>
  );
}
