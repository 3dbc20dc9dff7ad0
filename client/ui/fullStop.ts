/**
 * `sentence` ended with a full stop, unless it ends already: with one, or with an ellipsis, a
 * question or an exclamation mark. For announcements whose last words are a person's text,
 * unquoted: a claim cut short (clip) ends in "…", and "…." after it is read as a stray dot
 * ("Picked up Since October, some 500 employees have…."); a claim may end in "?" or ".".
 */
export function fullStop(sentence: string): string {
  const text = sentence.trimEnd();
  // Also a quotation that ends its own sentence: "commented: “Figure matches.”", not "…”.".
  return /[.…?!][”’"»)]?$/.test(text) ? text : `${text}.`;
}
