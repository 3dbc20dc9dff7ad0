/**
 * Text from an article or a claim, with its bidi embeddings, overrides and isolates shown and
 * made inert, as code editors show them. An unclosed U+202E in an imported article reversed
 * the rest of its paragraph: "U+202E eslaf si siht" reads "this is false" on screen, so a claim
 * could read as something else than what was stored, checked and quoted.
 *
 * The text stays exactly as stored (the Article view's pieces must hold exact slices for
 * passageAt's offsets): each control is wrapped in an element of its own, isolated by CSS
 * (`unicode-bidi: isolate`), where it has nothing to reorder, and labelled by CSS, not text.
 * The label has no text for assistive technology: a screen reader reads the text in stored
 * order, which an override does not change, and the claim keeps its accessible name.
 */
import { Fragment } from 'react';

const CONTROLS: Readonly<Record<string, string>> = {
  '\u202a': 'LRE',
  '\u202b': 'RLE',
  '\u202c': 'PDF',
  '\u202d': 'LRO',
  '\u202e': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};
const SPLIT = /([\u202a-\u202e\u2066-\u2069])/;

export function ShownBidiControls({ text }: { text: string }) {
  if (!SPLIT.test(text)) return <>{text}</>;
  return (
    <>
      {text.split(SPLIT).map((part, i) => {
        const name = i % 2 === 1 ? CONTROLS[part] : undefined;
        return name ? (
          <span
            key={i}
            className="bidi-control"
            data-control={name}
            title={`Direction control ${name} (U+${part.codePointAt(0)?.toString(16).toUpperCase()}), shown and without effect`}
          >
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        );
      })}
    </>
  );
}
