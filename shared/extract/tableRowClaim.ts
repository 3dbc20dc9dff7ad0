// The claim text of a table row. The row alone ("| Transit | $247m | $210m |") does not say
// what its figures are; its header does, so the card reads "Transit — 2024: $247m; 2025:
// $210m." Each figure is paired with the header cell of its column, which is what the table
// says and nothing more. The first cell names the row; its header ("Department") is left out.
// Without a header, or when the row and header have different numbers of cells (merged or
// missing cells: the pairing would be a guess), the row's own cells are listed. The table's
// title (its caption or the heading above it) opens the claim: a card is checked on its own,
// and "2019 — Inmates: 1,200; Change: 3.4%." does not say inmates where. The sentence, which
// anchors the card, stays the article's exact line.
import type { TextSpan } from './splitBlocks';

export function tableRowClaim(
  text: string,
  cells: TextSpan[],
  header?: TextSpan[],
  title?: TextSpan,
): string {
  const read = (s: TextSpan) =>
    text.slice(s.start, s.end).replace(/\s+/g, ' ').replaceAll('\\|', '|');
  const [label, ...values] = cells.map(read);
  const heads = header?.length === cells.length ? header.slice(1).map(read) : null;
  // A column whose header cell is empty gives its figure alone.
  const pairs = values.map((v, i) => (heads?.[i] ? `${heads[i]}: ${v}` : v));
  // "Key figures:" keeps one colon.
  const lead = title ? read(title).replace(/[\s:;,—–-]+$/u, '') : '';
  return `${lead ? `${lead}: ` : ''}${label} — ${pairs.join(heads ? '; ' : ', ')}.`;
}
