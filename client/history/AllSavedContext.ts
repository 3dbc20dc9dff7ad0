import { createContext } from 'react';

/**
 * Whether the server has stored every change made on this page (the status pill's "All
 * changes saved"), provided by the board page. The history feeds follow it: the server
 * records a change when it stores it, so changes made offline reach the history when the
 * connection returns, a moment at which the board on screen need not change at all.
 */
export const AllSavedContext = createContext(true);
