/**
 * The card detail dialog: claim, source passage, speaker, verdict and the rest of a card.
 *
 * The review workflow (issue 4) lives in client/review/: the verdict with its rationale, "Being
 * checked by", and the sections at the end (evidence with its balance, comment threads, the
 * card's history), each editable as the member's role allows.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Actor, BoardView, CardView } from '../../shared/board';
import { backClosesDialog } from '../app/router';
import { useCardLanguage } from '../article/articleLanguages';
import { ClaimSignals } from '../article/ClaimSignals';
import { COLUMN_LABELS } from '../../shared/export/columnLabels';
import type { BoardActions } from '../board/boardActions';
import { lostWithCardPointer } from '../board/lostWithCard';
import { useUnsavedPrompt } from '../board/useUnsavedPrompt';
import { AssigneeControl } from '../review/AssigneeControl';
import { ReviewSections } from '../review/ReviewSections';
import { VerdictPicker } from '../review/VerdictPicker';
import { When } from '../review/When';
import type { MentionNames } from '../review/threadsAwaitingMe';
import type { BoardMember } from '../review/useBoardMembers';
import type { LostEditNotice } from '../sync/LostEditNotices';
import type { Peer } from '../sync/presence';
import { clip } from '../ui/clip';
import { useLeaveAsks } from '../ui/DiscardQuestion';
import { CardColleagues } from '../presence/CardColleagues';
import { focusTypedBack } from '../ui/focusTypedBack';
import { ModalDialog } from '../ui/ModalDialog';
import { TYPED_TEXT_NAME, TypedTextKept } from '../ui/TypedTextKept';
import { type Draft, DraftRegistry, UnsavedDrafts } from '../ui/unsavedDrafts';
import { type PlaceTyping, RESTORED_NOTE } from '../board/keptTyping';
import { CopyCardLink } from './CopyCardLink';
import { PublicationForm } from './PublicationForm';
import { SpeakerField } from './SpeakerField';
import { useCardNews } from './useCardNews';
import { useDeletedBy } from './useDeletedBy';
import { useOverflows } from '../ui/useOverflows';
import { ShownBidiControls } from '../ui/ShownBidiControls';

/**
 * The most of a claim its dialog's heading holds, and so the dialog's name (aria-labelledby):
 * a screen reader says the name whenever the dialog opens, and a claim may be 2,000
 * characters long. A longer claim is whole in the dialog's Claim section.
 */
const HEADING_MAX = 280;

export function CardDetail({
  card,
  board,
  me,
  members,
  mentions,
  actions,
  peers,
  lostEdits,
  removedAgain,
  lostWithIt,
  onDismissLostEdit,
  deleterName,
  address,
  typing,
  onClose,
}: {
  card: CardView | null;
  board: BoardView;
  me: Actor;
  members: readonly BoardMember[];
  mentions: MentionNames;
  actions: BoardActions;
  /** Everyone on the board: the dialog says which colleagues have this card open too. */
  peers: readonly Peer[];
  /** This person's lost edits: the card's own show in it too (an edited comment's). */
  lostEdits: readonly LostEditNotice[];
  /** Those of its evidence put back and removed again since (useRemovedAgain). */
  removedAgain: ReadonlySet<number>;
  /**
   * How many of them are of this person's work gone with this card as a colleague deleted it
   * (lostWithCard): the dialog of the deleted card points to them.
   */
  lostWithIt: number;
  onDismissLostEdit: (seq: number) => void;
  /** Who deleted a card, by name, from the board's history (deleterName). */
  deleterName: (card: CardView) => Promise<string | null>;
  /** The card's own address (cardAddress): its history entry's, and the link to copy. */
  address: string;
  /**
   * What was typed in this card's forms and not saved, kept on the device (keptTyping): read
   * as the dialog opens, its forms starting from it, and kept as they change.
   */
  typing: PlaceTyping;
  onClose: () => void;
}) {
  const article = card?.source
    ? board.articles.find((a) => a.id === card.source?.articleId)
    : undefined;
  const edit = actions.canEdit;
  const news = useCardNews(card, me, actions.lastChangeOwn);
  const deletedBy = useDeletedBy(card, deleterName);
  const lang = useCardLanguage(card);
  // Text typed here before the page went (the browser's Back, a link): the forms it was
  // typed in open again with it (useDraftBack, useDraftOffers), as when a right comes back.
  const [restored] = useState(typing.load);
  const body = useRef<HTMLDivElement>(null);
  const drafts = useMemo(() => {
    const registry = new DraftRegistry(typing.save);
    if (restored.length > 0) registry.offer(restored);
    return registry;
    // Made once, with the dialog: its forms keep their drafts in it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { announce } = actions;
  useEffect(() => {
    if (restored.length === 0) return;
    // The forms have taken theirs (their effects ran first): what none took is not kept.
    typing.save(drafts.all());
    announce(RESTORED_NOTE);
    // Focus to the first field it is back in, from the dialog's Close, where it opened.
    return focusTypedBack(
      () => body.current,
      restored.map((d) => d.text),
    );
    // Once, as the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // A card deleted while open takes its forms with it: what was typed in them stays on screen,
  // to copy, until the dialog closes (an undone deletion brings the card back with empty
  // forms). Read as the card goes, before the forms unmount and leave the registry.
  const [orphans, setOrphans] = useState<readonly Draft[]>([]);
  const [orphanedBy, setOrphanedBy] = useState<'deletion' | 'rights'>('deletion');
  const [present, setPresent] = useState(card !== null);
  // What the forms hold now and is not on screen to copy yet (the rights may go in two steps).
  const typed = () =>
    drafts
      .all()
      .filter(
        (d) => d.text.trim() && !orphans.some((o) => o.label === d.label && o.text === d.text),
      );
  if ((card !== null) !== present) {
    setPresent(card !== null);
    if (!card) {
      setOrphans([...orphans, ...typed()]);
      setOrphanedBy('deletion');
    }
  }
  // So does losing the right to save them: a lead made this person a reviewer or a viewer, or
  // the server refused the invite, and the forms give way to read-only text.
  const rights = { edit, comment: actions.canComment };
  const [hadRights, setHadRights] = useState(rights);
  const mayNow = (d: Draft) => (d.saves === 'comment' ? rights.comment : rights.edit);
  if (rights.edit !== hadRights.edit || rights.comment !== hadRights.comment) {
    setHadRights(rights);
    // Only what needs a right now gone: an editor made a reviewer still comments.
    const lost = typed().filter((d) =>
      d.saves === 'comment' ? hadRights.comment && !rights.comment : hadRights.edit && !rights.edit,
    );
    // The right back (the lead changed their mind): a form that kept its text through shows it
    // again (the verdict picker stays, read-only, meanwhile), so it is not kept below too; a
    // comment or a reply typed then goes back into its form, which opens with it; the rest
    // stays below to copy, said as savable again.
    const held = (o: Draft) =>
      mayNow(o) && drafts.all().some((d) => d.label === o.label && d.text === o.text);
    const kept = orphans.filter((o) => !held(o));
    if (lost.length > 0 || kept.length < orphans.length) setOrphans([...kept, ...lost]);
    if (lost.length > 0) setOrphanedBy('rights');
    // In this render, not an effect: the forms that open again with it read their offer as
    // they mount, in this same pass. Offering is an assignment, so a render run twice (React's
    // StrictMode) offers the same drafts.
    if (orphanedBy === 'rights') drafts.offer(kept.filter(mayNow));
  }
  useEffect(() => {
    if (orphans.some((o) => drafts.wasTaken(o))) {
      setOrphans((had) => had.filter((o) => !drafts.wasTaken(o)));
    }
  }, [orphans, hadRights, drafts]);
  const orphaned = useRef(orphans);
  orphaned.current = orphans;
  const typedText = useCallback(
    () => drafts.labels().length > 0 || orphaned.current.length > 0,
    [drafts],
  );
  useUnsavedPrompt(typedText);
  // Focus was in a form that is gone: it goes to the news, which is also read out.
  const deletedNote = useRef<HTMLParagraphElement>(null);
  // The card back (a colleague's Undo or restore) takes that news away, and focus with it to
  // the page's body: it goes to what was typed, kept to copy, or else to Close, where the
  // dialog opened, and the return is said.
  const wasGone = useRef(false);
  useEffect(() => {
    if (!present) {
      wasGone.current = true;
      deletedNote.current?.focus();
      return;
    }
    if (!wasGone.current) return;
    wasGone.current = false;
    announce(CARD_BACK);
    if (document.activeElement !== null && document.activeElement !== document.body) return;
    const typedBelow = document.getElementById('detail-typed');
    const close = body.current
      ?.closest('dialog')
      ?.querySelector<HTMLElement>('[data-close-request]');
    (typedBelow ?? close)?.focus();
    // On the card's going and coming back only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [present]);
  // Focus was in a form that gave way to read-only text: it goes to what was typed there.
  useEffect(() => {
    if (orphans.length > 0 && document.activeElement === document.body) {
      document.getElementById('detail-typed')?.focus();
    }
  }, [orphans]);
  // Escape or Close with text typed and not saved asks first; Escape again keeps editing.
  const asks = useLeaveAsks();
  /** Leaves the dialog for `then`, asking first when text typed would be lost. */
  const leave = (then: () => void) =>
    asks.leave(
      [
        ...drafts.labels(),
        ...(orphans.length > 0
          ? [
              orphanedBy === 'deletion'
                ? 'what you had typed when the card was deleted'
                : 'what you had typed and could not save',
            ]
          : []),
      ],
      then,
    );
  const requestClose = () => leave(onClose);
  // Back on a phone closes the card rather than leave the board, asking first the same way.
  // Its entry shows the card's address: Forward, once it is closed, opens it again.
  const closeRequest = useRef(requestClose);
  closeRequest.current = requestClose;
  useEffect(() => backClosesDialog(() => closeRequest.current(), address), [address]);
  // The heading shows a few lines (styles.css, .dialog-claim): the dialog's head, and its
  // Close button, stay on a phone's screen as the dialog scrolls.
  const headingText = useRef<HTMLSpanElement>(null);
  const clamped = useOverflows(headingText, card?.claim ?? '', 'y');
  const wholeClaim = card && (clamped || card.claim.length > HEADING_MAX);

  return (
    <ModalDialog
      title={
        card ? (
          <span ref={headingText} className="dialog-claim" lang={lang} dir="auto">
            <ShownBidiControls text={clip(card.claim, HEADING_MAX)} />
          </span>
        ) : (
          'Card deleted'
        )
      }
      focus="close"
      onClose={requestClose}
    >
      {news}
      {asks.question}
      {!card ? (
        <div className="dialog-body">
          {/* Said once the history has named the deleter (or the wait is over), so once. */}
          <p ref={deletedNote} role="alert" tabIndex={-1}>
            {deletedBy.settled && (
              <>
                {deletedBy.name === null ? 'A colleague' : <bdi>{deletedBy.name}</bdi>} deleted this
                card while you had it open.{' '}
                {lostWithCardPointer(lostWithIt, edit) ??
                  (edit && 'It can be restored from its entry in Activity.')}
              </>
            )}
          </p>
          <TypedNotSaved drafts={orphans} note={TYPED_NOTE.deleted} />
        </div>
      ) : (
        <UnsavedDrafts registry={drafts}>
          <div className="dialog-body" ref={body}>
            <CopyCardLink address={address} />
            {restored.length > 0 && <p className="restored-note muted small">{RESTORED_NOTE}</p>}
            <TypedNotSaved
              drafts={orphans}
              note={
                orphanedBy !== 'rights'
                  ? TYPED_NOTE.back
                  : orphans.every(mayNow)
                    ? TYPED_NOTE.rightsBack
                    : `You can no longer save this here (${actions.lostRights.why}): copy it before you close this.`
              }
            />
            {wholeClaim && (
              <section aria-labelledby="detail-claim">
                <h3 id="detail-claim">Claim</h3>
                <p className="whole-claim" lang={lang} dir="auto">
                  <ShownBidiControls text={card.claim} />
                </p>
              </section>
            )}
            <CardColleagues cardId={card.id} myId={me.id} peers={peers} />
            {card.source && (
              <section aria-labelledby="detail-source">
                <h3 id="detail-source">Source</h3>
                <blockquote className="source-sentence" lang={lang} dir="auto">
                  <ShownBidiControls text={card.source.sentence} />
                </blockquote>
                {!article && <p className="muted">From an article since removed from the board.</p>}
                {article && (
                  <p className="muted">
                    From{' '}
                    {article.url && /^https?:\/\//i.test(article.url) ? (
                      <a href={article.url} target="_blank" rel="noreferrer noopener">
                        {article.title || article.url}
                      </a>
                    ) : (
                      article.title || 'an imported article'
                    )}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        const source = card.source;
                        if (source) leave(() => actions.showPassage(source, card.id));
                      }}
                    >
                      Show in the article
                    </button>
                  </p>
                )}
              </section>
            )}
            <ClaimSignals card={card} board={board} />
            <dl className="facts">
              <dt>Column</dt>
              <dd>{COLUMN_LABELS[card.column]}</dd>
              <dt>Speaker</dt>
              <dd>
                {edit ? (
                  <SpeakerField
                    value={card.speaker}
                    updatedBy={card.updatedBy}
                    announce={actions.announce}
                    onSave={(speaker) => {
                      if (
                        actions.run('change the speaker', () =>
                          actions.commands.editCard(card.id, { speaker }),
                        )
                      ) {
                        actions.announce(
                          speaker ? `Speaker saved: ${speaker}.` : 'Speaker cleared.',
                        );
                      }
                    }}
                  />
                ) : (
                  (card.speaker ?? 'Not attributed')
                )}
              </dd>
              <dt>Verdict</dt>
              <dd>
                <VerdictPicker card={card} meta={board.meta} actions={actions} />
              </dd>
              <dt>Publication</dt>
              <dd>
                <PublicationForm card={card} actions={actions} />
              </dd>
              <dt>Being checked by</dt>
              <dd>
                <AssigneeControl card={card} me={me} members={members} actions={actions} />
              </dd>
              <dt>Created</dt>
              <dd>
                <bdi>{card.createdBy.name}</bdi>, <When at={card.createdAt} />
              </dd>
              <dt>Last change</dt>
              <dd>
                <bdi>{card.updatedBy.name}</bdi>, <When at={card.updatedAt} />
              </dd>
            </dl>
            <ReviewSections
              card={card}
              board={board}
              me={me}
              mentions={mentions}
              actions={actions}
              lostEdits={lostEdits}
              removedAgain={removedAgain}
              onDismissLostEdit={onDismissLostEdit}
            />
          </div>
        </UnsavedDrafts>
      )}
    </ModalDialog>
  );
}

/** Said as a card deleted while its dialog was open comes back. */
const CARD_BACK = 'This card is back on the board.';

const TYPED_NOTE = {
  deleted: 'It was not saved: copy it before you close this.',
  back: 'The card was deleted while you were typing, and is back now without it: copy it into the card again.',
  rightsBack: 'Your role lets you save this again: copy it into its field before you close this.',
} as const;

/**
 * What was typed in the card's forms when they went from under the person, read-only, to copy:
 * a colleague deleted the card, or the person lost the right to save them.
 */
function TypedNotSaved({ drafts, note }: { drafts: readonly Draft[]; note: string }) {
  if (drafts.length === 0) return null;
  return (
    <section aria-labelledby="detail-orphans" id="detail-typed" tabIndex={-1}>
      <h3 id="detail-orphans">{TYPED_TEXT_NAME}</h3>
      <p className="muted">{note}</p>
      {drafts.map((d, i) => (
        <TypedTextKept
          key={i}
          // Not the form's own name alone: the form may be back beside it (an Undo of the
          // deletion), and two boxes named "New comment" would be told apart by nothing.
          label={`${d.label.charAt(0).toUpperCase() + d.label.slice(1)} (not saved)`}
          text={d.text}
        />
      ))}
    </section>
  );
}
