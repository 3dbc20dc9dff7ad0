/** "1 card", "3 cards": counts in the texts people read (dialogs, chips, announcements). */
export const plural = (n: number, one: string, many: string): string =>
  `${n} ${n === 1 ? one : many}`;
