/**
 * How far a client's clock may be off the server's: a day, as clocks set by hand or to another
 * time zone by mistake are off by hours, never by more. The server refuses a write carrying a
 * time later than its now, or earlier than the board, by more than this (server/sync/writeTimes);
 * the board page warns a device whose clock is further off than this (client/board/ClockWarning).
 */
export const CLOCK_ALLOWANCE_MS = 24 * 60 * 60 * 1000;
