/**
 * The card's evidence in the detail dialog, with its balance ("2 supporting, 1 refuting").
 * Editors and leads add, edit and remove items; everyone else reads them. Focus stays put:
 * a closed form gives focus back to the button that opened it. This person's saved edits of an
 * item a colleague removed before they reached the board show under the list, with the item as
 * they had it and "Add it again", or "Restore mine" once the item is back (the notice under the
 * board's header says the same, and who removed it), and, as there, that it has been removed
 * again when it came back and went (RemovedAgain): politely announced, from regions of the
 * dialog's own, as the page behind it is inert. Each item of that list is said once, as it
 * appears (useSayNewItems): the list as a live region was read out whole again whenever an
 * item came.
 */
import { useRef, useState } from 'react';
import type { CardView, EvidenceView } from '../../shared/board/view';
import type { BoardActions } from '../board/boardActions';
import type { LostEditNotice } from '../sync/LostEditNotices';
import type { RemovedWithEdits } from '../sync/lostWork';
import { restoreRemoved } from './restoreEvidenceEdits';
import { describeBalance, evidenceBalance } from './evidenceBalance';
import { type EvidenceDraft, EvidenceForm } from './EvidenceForm';
import { formatTime } from './formatTime';
import { httpHref } from './commentSegments';
import { evidenceNames } from './evidenceNames';
import { sourceName } from './sourceName';
import { STANCE_LABELS } from './stanceLabels';
import { EvidenceValues, yourEvidenceChanges } from './EvidenceValues';
import { RemovedAgain } from './RemovedAgain';
import { useAnnouncer } from '../ui/useAnnouncer';
import { useSayNewItems } from '../ui/useSayNewItems';
import { useDraftOffers } from '../ui/unsavedDrafts';

const NEW_EVIDENCE = 'New evidence';

export function EvidenceEditor({
  card,
  actions,
  removed: lost,
  removedAgain,
  onDismissRemoved,
}: {
  card: CardView;
  actions: BoardActions;
  /** This person's lost edits of this card's items that a colleague removed. */
  removed: readonly (LostEditNotice & RemovedWithEdits)[];
  /** Those whose item was put back and has been removed again since (useRemovedAgain). */
  removedAgain: ReadonlySet<number>;
  onDismissRemoved: (seq: number) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const editRefs = useRef(new Map<string, HTMLButtonElement>());
  const balance = describeBalance(evidenceBalance(card.evidence));
  // Said politely, from a region of the dialog's own (the page behind it is inert).
  const gone = useAnnouncer('polite', 'evidence-gone-announcer');
  const goneList = useRef<HTMLUListElement>(null);
  useSayNewItems(
    goneList,
    lost.map((n) => n.seq),
    gone.announce,
  );
  const canEdit = actions.canEdit;
  // A right gone (revoked, a lower role) takes the open form with it, as it does the verdict's:
  // the card's dialog keeps what was typed in it to copy (CardDetail), and a Save here would
  // say "saved" of what the server will not take (QA15 F2).
  if (!canEdit && editing !== null) setEditing(null);
  // The item being edited, as last seen: a colleague may remove it while this person types.
  // The form then stays where it was, with their draft, and offers to add it again.
  const lastSeen = useRef<{ evidence: EvidenceView; index: number } | null>(null);
  const editedIndex = card.evidence.findIndex((e) => e.id === editing);
  if (editedIndex >= 0) {
    lastSeen.current = { evidence: card.evidence[editedIndex]!, index: editedIndex };
  }
  const removed =
    editing !== null &&
    editing !== 'new' &&
    editedIndex < 0 &&
    lastSeen.current?.evidence.id === editing
      ? lastSeen.current
      : null;
  const items = removed
    ? card.evidence.toSpliced(Math.min(removed.index, card.evidence.length), 0, removed.evidence)
    : card.evidence;
  const nameOf = evidenceNames(items);
  // An item's Edit button and its form go by one name; the dialog keeps a draft under it too.
  const editName = (e: EvidenceView) => `Edit evidence ${nameOf(e)}`;
  // The right back (CardDetail offers what its forms held): the form that held it opens again
  // and takes it, as a reply's does, instead of leaving it below to copy by hand.
  const offered = useDraftOffers();
  if (canEdit && editing === null) {
    const back = offered(NEW_EVIDENCE, 'card')
      ? 'new'
      : items.find((e) => offered(editName(e), 'card'))?.id;
    if (back) setEditing(back);
  }

  const close = (focusId: string | null) => {
    setEditing(null);
    // After the form is gone: the opener is back in the DOM.
    requestAnimationFrame(() =>
      (focusId ? editRefs.current.get(focusId) : addRef.current)?.focus(),
    );
  };

  const add = (d: EvidenceDraft) => {
    const ok = actions.run('add the evidence', () => actions.commands.addEvidence(card.id, d));
    if (ok) {
      actions.announce(`Evidence added: ${STANCE_LABELS[d.stance]}.`);
      close(null);
    }
    return ok;
  };
  const save = (evidenceId: string, changes: Partial<EvidenceDraft>) => {
    const ok =
      Object.keys(changes).length === 0 ||
      actions.run('save the evidence', () =>
        actions.commands.editEvidence(card.id, evidenceId, changes),
      );
    if (ok) {
      actions.announce('Evidence saved.');
      close(evidenceId);
    }
    return ok;
  };
  const remove = (e: EvidenceView) => {
    if (actions.run('remove the evidence', () => actions.commands.removeEvidence(card.id, e.id))) {
      actions.notify(`Evidence from ${sourceName(e)} removed`, true);
      addRef.current?.focus();
    }
  };

  return (
    <section aria-labelledby="detail-evidence" className="review-section">
      <div className="section-head">
        <h3 id="detail-evidence">Evidence ({card.evidence.length})</h3>
        {card.evidence.length > 0 && (
          <p className="balance" aria-label={`Balance of evidence: ${balance}`}>
            {balance}
          </p>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted">No evidence yet.</p>
      ) : (
        <ul className="evidence-list">
          {items.map((e) =>
            editing === e.id ? (
              <li key={e.id}>
                <EvidenceForm
                  current={{ url: e.url, quote: e.quote, stance: e.stance, note: e.note }}
                  cited={card.evidence.filter((other) => other.id !== e.id)}
                  title={editName(e)}
                  {...(e === removed?.evidence
                    ? {
                        submitLabel: 'Add it again',
                        notice:
                          'A colleague removed this evidence while you were editing it. Add it again with your changes, or cancel.',
                        onSubmit: (values: EvidenceDraft) => add(values),
                        onCancel: () => close(null),
                      }
                    : {
                        submitLabel: 'Save evidence',
                        onSubmit: (_: EvidenceDraft, changes: Partial<EvidenceDraft>) =>
                          save(e.id, changes),
                        onCancel: () => close(e.id),
                      })}
                />
              </li>
            ) : (
              <li key={e.id}>
                <EvidenceItem evidence={e} />
                {canEdit && (
                  <div className="row item-actions">
                    <button
                      ref={(el) => {
                        if (el) editRefs.current.set(e.id, el);
                        else editRefs.current.delete(e.id);
                      }}
                      type="button"
                      className="button small"
                      aria-label={editName(e)}
                      onClick={() => setEditing(e.id)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button small danger"
                      aria-label={`Remove evidence ${nameOf(e)}`}
                      onClick={() => remove(e)}
                    >
                      Remove
                    </button>
                  </div>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {lost.length > 0 && (
        <ul ref={goneList} className="evidence-gone-list">
          {lost.map((n) => (
            <li key={n.seq} className="evidence-gone">
              <p data-sentence>
                Evidence from {sourceName(n.evidence)} was removed before{' '}
                {yourEvidenceChanges(n.edited)} could be seen, so the board did not keep{' '}
                {n.edited.length === 1 ? 'it' : 'them'}. You had:{' '}
                <EvidenceValues item={n.evidence} />.
                <RemovedAgain again={removedAgain.has(n.seq)} />
              </p>
              <div className="row item-actions">
                {/* As under the header: the item back (its remover's Undo) takes their values. */}
                {canEdit && (
                  <RestoreRemoved
                    notice={n}
                    card={card}
                    actions={actions}
                    done={onDismissRemoved}
                  />
                )}
                <button
                  type="button"
                  className="button small"
                  onClick={() => onDismissRemoved(n.seq)}
                >
                  Dismiss
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {gone.region}
      {canEdit &&
        (editing === 'new' ? (
          <EvidenceForm
            title={NEW_EVIDENCE}
            cited={card.evidence}
            submitLabel="Add evidence"
            onSubmit={add}
            onCancel={() => close(null)}
          />
        ) : (
          <button
            ref={addRef}
            type="button"
            className="button small"
            onClick={() => setEditing('new')}
          >
            Add evidence
          </button>
        ))}
    </section>
  );
}

function EvidenceItem({ evidence: e }: { evidence: EvidenceView }) {
  const href = httpHref(e.url);
  return (
    <>
      <p>
        <span className={`stance stance-${e.stance}`}>
          {STANCE_LABELS[e.stance] ?? 'Unknown stance'}
        </span>{' '}
        {href ? (
          <a href={href} target="_blank" rel="noreferrer noopener nofollow">
            {e.url}
          </a>
        ) : (
          <span>{e.url}</span>
        )}
      </p>
      {/* dir="auto": a quote or note in Arabic or Hebrew reads right to left, its full stop and
          figures where they belong, as a comment's text does; the adder's name is isolated so
          that the time after it does not join a right-to-left name ("Added by 6 ,بو Dec"). */}
      {e.quote && (
        <blockquote className="evidence-quote" dir="auto">
          {e.quote}
        </blockquote>
      )}
      {e.note && (
        <p className="evidence-note" dir="auto">
          {e.note}
        </p>
      )}
      <p className="muted small">
        Added by <bdi>{e.addedBy.name}</bdi>, {formatTime(e.addedAt)}
      </p>
    </>
  );
}

/** "Add it again" while the removed item is not on the card; "Restore mine" once it is back. */
function RestoreRemoved({
  notice: n,
  card,
  actions,
  done,
}: {
  notice: LostEditNotice & RemovedWithEdits;
  card: CardView;
  actions: BoardActions;
  done: (seq: number) => void;
}) {
  const back = card.evidence.some((e) => e.id === n.evidenceId);
  return (
    <button
      type="button"
      className="button small"
      onClick={() => {
        if (restoreRemoved(actions, n, back)) done(n.seq);
      }}
    >
      {back ? 'Restore mine' : 'Add it again'}
    </button>
  );
}
