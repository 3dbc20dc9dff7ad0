/**
 * The article's text, block by block. Passages that became cards are highlighted buttons
 * (click, Enter or Space opens the card); for editors, every other sentence is a button that
 * starts a new card. One tab stop for the whole text: the arrow keys move between sentences
 * (Home and End jump to the first and last), so a long article does not swallow the Tab key.
 *
 * Each piece of text is an element with `data-start`/`data-end` holding exactly that slice
 * of the stored text (furniture labels are CSS, not text), which passageAt relies on.
 */
import { memo, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { CardView } from '../../shared/board/view';
import type { FurnitureReason } from '../../shared/extract/types';
import { focusWhenRendered } from '../ui/focusWhenRendered';
import type { ArticleBlock, Segment } from './articleSegments';
import { ShownBidiControls } from '../ui/ShownBidiControls';

const FURNITURE_LABELS: Record<FurnitureReason, string> = {
  headline: 'Headline',
  breadcrumb: 'Navigation',
  byline: 'Byline',
  share: 'Share buttons',
  appeal: 'Appeal',
  feedback: 'Feedback prompt',
  teaser: 'Teaser',
  related: 'Related content',
  about: 'About the publisher',
  boilerplate: 'Notice',
  cookie: 'Cookie notice',
  tags: 'Tags',
  caption: 'Caption',
  footnote: 'Footnote',
  advertisement: 'Advertisement',
  repeated: 'Repeated',
};

export interface ArticleTextProps {
  readonly text: string;
  readonly blocks: readonly ArticleBlock[];
  readonly cards: Readonly<Record<string, CardView>>;
  readonly showFurniture: boolean;
  /** Editors may turn sentences into cards. */
  readonly canEdit: boolean;
  readonly hintIds: { readonly card: string; readonly sentence: string };
  /** Asks for focus on the piece starting here, once it is rendered (after a new card). */
  readonly focusAt: { readonly start: number; readonly seq: number } | null;
  /**
   * A card's passage shown from its dialog: highlighted while it is the target, and its first
   * piece focused once the text is on screen (after the panel has focused its heading).
   */
  readonly target: { readonly start: number; readonly end: number; readonly seq: number } | null;
  onOpenCards(cardIds: readonly string[]): void;
  onChooseSentence(start: number, end: number): void;
}

function cardTitle(ids: readonly string[], cards: ArticleTextProps['cards']): string {
  const first = cards[ids[0] ?? ''];
  const rank = first?.extraction ? `, check-worthiness rank ${first.extraction.rank}` : '';
  const more = ids.length > 1 ? ` (and ${ids.length - 1} more)` : '';
  return `Open its card${rank}${more}`;
}

export const ArticleText = memo(function ArticleText(props: ArticleTextProps) {
  const { text, blocks, cards, showFurniture, canEdit, hintIds, focusAt, target } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<number | null>(null);

  const interactive = (s: Segment) => s.kind === 'card' || (s.kind === 'sentence' && canEdit);
  const shown = blocks.filter(
    (b) => b.kind !== 'furniture' || showFurniture || b.segments.some((s) => s.kind === 'card'),
  );
  const firstStop = shown.flatMap((b) => b.segments).find(interactive)?.start ?? null;
  const tabStop =
    active !== null &&
    shown.some((b) => b.segments.some((s) => s.start === active && interactive(s)))
      ? active
      : firstStop;

  useEffect(() => {
    if (!focusAt) return;
    ref.current?.querySelector<HTMLElement>(`[data-stop][data-start="${focusAt.start}"]`)?.focus();
    setActive(focusAt.start);
  }, [focusAt]);

  const inTarget = (s: Segment) =>
    target !== null && s.start >= target.start && s.end <= target.end;
  useEffect(() => {
    if (!target) return;
    return focusWhenRendered(() => {
      const stops = ref.current?.querySelectorAll<HTMLElement>('[data-stop]') ?? [];
      const stop = [...stops].find((el) => Number(el.dataset.start) >= target.start);
      if (stop) setActive(Number(stop.dataset.start));
      return stop;
    });
  }, [target]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (!target.hasAttribute('data-stop')) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      target.click();
      return;
    }
    const stops = [...(ref.current?.querySelectorAll<HTMLElement>('[data-stop]') ?? [])];
    const at = stops.indexOf(target);
    const next =
      e.key === 'ArrowDown' || e.key === 'ArrowRight'
        ? stops[at + 1]
        : e.key === 'ArrowUp' || e.key === 'ArrowLeft'
          ? stops[at - 1]
          : e.key === 'Home'
            ? stops[0]
            : e.key === 'End'
              ? stops.at(-1)
              : undefined;
    if (!next) return;
    e.preventDefault();
    setActive(Number(next.dataset.start));
    next.focus();
  };

  const piece = (s: Segment) => {
    const slice = text.slice(s.start, s.end);
    const common = { 'data-start': s.start, 'data-end': s.end };
    if (!interactive(s))
      return (
        <span key={s.start} {...common}>
          <ShownBidiControls text={slice} />
        </span>
      );
    const isCard = s.kind === 'card';
    return (
      <span
        key={s.start}
        {...common}
        data-stop=""
        role="button"
        tabIndex={s.start === tabStop ? 0 : -1}
        className={`seg ${isCard ? 'seg-card' : 'seg-sentence'}${inTarget(s) ? ' seg-target' : ''}`}
        aria-current={inTarget(s) ? 'location' : undefined}
        aria-describedby={isCard ? hintIds.card : hintIds.sentence}
        title={isCard ? cardTitle(s.cardIds, cards) : 'Make a card of this sentence'}
        onFocus={() => setActive(s.start)}
        onClick={() =>
          isCard ? props.onOpenCards(s.cardIds) : props.onChooseSentence(s.start, s.end)
        }
      >
        <ShownBidiControls text={slice} />
      </span>
    );
  };

  return (
    // The div only delegates the keys of the focused sentence buttons inside it.
    <div className="article-text" ref={ref} onKeyDown={onKeyDown}>
      {shown.map((b) => {
        if (b.kind === 'heading') {
          return (
            <h4 key={b.start} className="article-heading" dir="auto">
              {b.segments.map(piece)}
            </h4>
          );
        }
        const furniture = b.kind === 'furniture';
        return (
          <p
            key={b.start}
            // Each paragraph sets its own direction from its text: an Arabic or Hebrew passage
            // in an English article reads right to left.
            dir="auto"
            className={furniture ? 'article-furniture' : undefined}
            data-label={furniture && b.reason ? FURNITURE_LABELS[b.reason] : undefined}
          >
            {b.segments.map(piece)}
          </p>
        );
      })}
    </div>
  );
});
