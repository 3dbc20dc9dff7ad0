/**
 * A verdict given or taken away, as the rest of a sentence after who did it: "set the verdict
 * to False", "cleared the verdict". One wording for History, the open card's news and the
 * board's notices, so that what is heard as it happens reads the same in History later.
 */
export const verdictWords = (verdict: string | null | undefined): string =>
  verdict ? `set the verdict to ${verdict}` : 'cleared the verdict';
