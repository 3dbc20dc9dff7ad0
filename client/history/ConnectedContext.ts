import { createContext } from 'react';

/**
 * Whether the board's connection to the server is up (not offline, not retrying), provided by
 * the board page. The history feeds read nothing while it is down: every read would fail, and
 * the browser logs each failed request as an error; they read once when it is back.
 */
export const ConnectedContext = createContext(true);
