import { describe, expect, it } from 'vitest';
import { formatDay } from '../../../client/review/formatTime';
import {
  claimOf,
  describeEvent,
  type HistoryEvent,
  recordedClaims,
} from '../../../client/history/historyEvent';

const ev = (type: string, data: Record<string, unknown> = {}): HistoryEvent => ({
  seq: 1,
  cardId: 'c1',
  type,
  actor: { id: 'i-bo', name: 'Bo' },
  at: 0,
  data,
});

const ana = { id: 'i-ana', name: 'Ana' };
const bo = { id: 'i-bo', name: 'Bo' };
const LENA = { id: 'i-lena', name: 'Lena' };
// 246 characters; "500 visits" starts at character 148.
const LONG_CLAIM =
  'While protesting their dismissal in downtown San Salvador, several prison workers claimed ' +
  'to have been privy to irregularities in the jail system, including 500 visits from relatives ' +
  'and lawyers that were never logged by the guards.';
const REDACTED_AT = Date.UTC(2026, 11, 5, 12);

describe('describeEvent', () => {
  it.each([
    [ev('card.created', { column: 'unverified' }), 'added the card to Unverified'],
    [ev('card.restored', { column: 'disputed' }), 'restored the card to Disputed'],
    [
      ev('card.moved', { from: 'unverified', to: 'corroborated' }),
      'moved the card from Unverified to Corroborated',
    ],
    [
      ev('card.moved', { from: null, to: 'x' }),
      'moved the card from an unknown column to an unknown column',
    ],
    [
      ev('card.edited', { fields: ['claim', 'rationale', 'speaker'] }),
      'edited the claim text, the rationale and the speaker',
    ],
    [
      ev('card.edited', {
        fields: ['claim', 'speaker'],
        values: { claim: 'Crime fell 20%', speaker: 'The mayor' },
        was: { claim: 'Crime rose 20%', speaker: null },
      }),
      'changed the claim text from “Crime rose 20%” to “Crime fell 20%” and the speaker to “The mayor”',
    ],
    [
      ev('card.edited', {
        fields: ['rationale', 'speaker'],
        values: { rationale: 'x'.repeat(200), speaker: null },
      }),
      `changed the rationale to “${'x'.repeat(139)}…” and cleared the speaker`,
    ],
    [
      ev('card.edited', {
        fields: ['reviewUrl', 'speakerType'],
        values: { reviewUrl: 'https://f.example/1', speakerType: null },
        was: { reviewUrl: null, speakerType: 'person' },
      }),
      'changed the published fact-check URL to “https://f.example/1” and cleared the speaker’s type (was “person”)',
    ],
    [
      ev('card.edited', {
        fields: ['rationale'],
        values: { rationale: '' },
        was: { rationale: 'Close but rounded' },
      }),
      'cleared the rationale (was “Close but rounded”)',
    ],
    [
      ev('card.edited', {
        fields: ['claim', 'rationale'],
        values: { claim: 'x'.repeat(200), rationale: 'Rounded up' },
        was: { claim: 'y'.repeat(200), rationale: 'Close' },
      }),
      `changed the claim text from “${'y'.repeat(139)}…” to “${'x'.repeat(139)}…” and the rationale from “Close” to “Rounded up”`,
    ],
    [
      ev('card.edited', {
        fields: ['reviewUrl'],
        values: { reviewUrl: 'https://f.example/2' },
        was: { reviewUrl: 'https://f.example/1' },
      }),
      'changed the published fact-check URL from “https://f.example/1” to “https://f.example/2”',
    ],
    // A field this client does not know reads by its key, with its values.
    [
      ev('card.edited', {
        fields: ['subtitle'],
        values: { subtitle: 'B' },
        was: { subtitle: 'A' },
      }),
      'changed subtitle from “A” to “B”',
    ],
    [ev('card.edited', { fields: [] }), 'edited the card'],
    [
      ev('card.edited', {
        fields: ['speakerType'],
        values: { speakerType: 'organization' },
        was: { speakerType: null },
      }),
      'changed the speaker’s type to “organization”',
    ],
    [
      ev('verdict.set', { verdict: 'True', from: 'Unproven' }),
      'set the verdict to True (was Unproven)',
    ],
    [ev('verdict.set', { verdict: 'False', from: null }), 'set the verdict to False'],
    [ev('verdict.set', { verdict: null, from: 'True' }), 'cleared the verdict (was True)'],
    [ev('card.assigned', { assignee: { id: 'i-bo', name: 'Bo' } }), 'took the card'],
    [ev('card.assigned', { assignee: { id: 'i-cy', name: 'Cy' } }), 'gave the card to Cy'],
    // A right-to-left name is isolated, so the sentence around it keeps its order.
    [
      ev('card.assigned', { assignee: { id: 'i-rana', name: 'رنا' } }),
      'gave the card to \u2068رنا\u2069',
    ],
    [ev('card.assigned', { assignee: null }), 'released the card'],
    [ev('card.deleted', { claim: 'x' }), 'deleted the card'],
    [
      ev('evidence.added', { stance: 'refutes', url: 'https://ex.org' }),
      'added refuting evidence: https://ex.org',
    ],
    [ev('evidence.added', { stance: 'nonsense' }), 'added evidence'],
    [ev('evidence.removed'), 'removed evidence'],
    [
      ev('evidence.removed', { url: 'https://ex.org', stance: 'refutes', quote: 'Crime fell 3%' }),
      'removed refuting evidence: https://ex.org, quoting “Crime fell 3%”',
    ],
    [
      ev('evidence.removed', { url: 'https://ex.org', stance: 'context', quote: '' }),
      'removed context: https://ex.org',
    ],
    [
      ev('evidence.restored', { url: 'https://ex.org', stance: 'refutes' }),
      'restored the source https://ex.org as refuting evidence',
    ],
    [
      ev('evidence.restored', { url: 'https://ex.org', stance: 'nonsense' }),
      'restored the source https://ex.org',
    ],
    [ev('evidence.restored', { stance: 'context' }), 'restored context'],
    [ev('evidence.restored'), 'restored evidence'],
    // Events from before values were recorded, or that changed no field people edit.
    [ev('evidence.edited', { fields: ['note'] }), 'edited evidence'],
    [ev('evidence.edited', { fields: ['addedAt'], values: {}, was: {} }), 'edited evidence'],
    [
      ev('evidence.edited', {
        fields: ['stance'],
        values: { stance: 'context' },
        was: { stance: 'refutes' },
      }),
      'changed the stance from Refutes to Context',
    ],
    [
      ev('evidence.edited', {
        fields: ['quote', 'url'],
        values: { quote: 'Fell 3% in 2023', url: 'https://b.example' },
        was: { quote: 'Crime fell 3%', url: 'https://a.example' },
      }),
      'changed the quoted passage from “Crime fell 3%” to “Fell 3% in 2023” and the source URL from https://a.example to https://b.example',
    ],
    [
      ev('evidence.edited', {
        fields: ['note', 'quote'],
        values: { note: 'Table 3', quote: '' },
        was: { note: '', quote: 'x'.repeat(200) },
      }),
      `changed the note to “Table 3” and cleared the quoted passage (was “${'x'.repeat(139)}…”)`,
    ],
    // Long texts that differ past the cut read around where they differ, not as two equal cuts.
    [
      ev('card.edited', {
        fields: ['claim'],
        values: { claim: LONG_CLAIM.replace('500 visits', '50 visits') },
        was: { claim: LONG_CLAIM },
      }),
      'changed the claim text from “…been privy to irregularities in the jail system, including 500 visits from relatives and lawyers that were never logged by the guards.” to “…been privy to irregularities in the jail system, including 50 visits from relatives and lawyers that were never logged by the guards.”',
    ],
    [
      ev('evidence.edited', {
        fields: ['quote'],
        values: { quote: `${'x'.repeat(150)} 12% more` },
        was: { quote: `${'x'.repeat(150)} 21% more` },
      }),
      `changed the quoted passage from “…${'x'.repeat(130)} 21% more” to “…${'x'.repeat(130)} 12% more”`,
    ],
    [
      ev('comment.edited', {
        text: `${'y'.repeat(150)} Table 4.`,
        was: `${'y'.repeat(150)} Table 3.`,
      }),
      `edited their comment: “…${'y'.repeat(130)} Table 3.” → “…${'y'.repeat(130)} Table 4.”`,
    ],
    [ev('comment.edited'), 'edited a comment'],
    [
      ev('comment.edited', { text: 'Source please', was: 'Source?' }),
      'edited their comment: “Source?” → “Source please”',
    ],
    [ev('comment.edited', { text: 'Back again', was: '' }), 'edited their comment to “Back again”'],
    [
      ev('comment.deleted', { text: 'y'.repeat(200) }),
      `deleted their comment “${'y'.repeat(139)}…”`,
    ],
    [ev('comment.deleted', { text: '' }), 'deleted a comment'],
    [
      ev('comment.restored', { text: 'Back again' }),
      'brought back their deleted comment “Back again”',
    ],
    [ev('comment.restored', { text: '' }), 'brought back a comment'],
    [ev('comment.posted', { parentId: null }), 'commented'],
    [ev('comment.posted', { parentId: 'p' }), 'replied to a comment'],
    [ev('comment.posted', { parentId: null, text: 'Source?' }), 'commented: “Source?”'],
    // An override the comment leaves open is closed inside its quotes: the entry's closing
    // quote and time would otherwise read reversed.
    [
      ev('comment.posted', { parentId: null, text: 'Agreed \u202Edeifirev ton' }),
      'commented: “Agreed \u202E\u202Cdeifirev ton”',
    ],
    [ev('comment.posted', { parentId: 'p', text: 'Yes' }), 'replied to a comment: “Yes”'],
    // A lead's redaction: the events keep their place, say whose and when, and hold no words.
    [
      ev('comment.posted', { parentId: null, text: '', redacted: { by: LENA, at: REDACTED_AT } }),
      `commented (comment text redacted by Lena on ${formatDay(REDACTED_AT)})`,
    ],
    [
      ev('comment.edited', { text: '', was: '', redacted: { by: LENA, at: REDACTED_AT } }),
      `edited a comment (comment text redacted by Lena on ${formatDay(REDACTED_AT)})`,
    ],
    [
      ev('comment.deleted', { text: '', redacted: { by: LENA, at: REDACTED_AT } }),
      `deleted a comment (comment text redacted by Lena on ${formatDay(REDACTED_AT)})`,
    ],
    [ev('comment.redacted'), 'redacted the text of a comment for good'],
    [ev('comment.resolved'), 'resolved a thread'],
    [ev('comment.reopened'), 'reopened a thread'],
    [ev('comment.deleted'), 'deleted a comment'],
    [ev('article.added', { title: 'Budget speech' }), 'imported the article “Budget speech”'],
    [ev('article.restored', { title: 'Budget speech' }), 'restored the article “Budget speech”'],
    [ev('board.renamed', { title: 'Budget check' }), 'renamed the board to “Budget check”'],
    // A title, as an article's page or a person gives it, with an override left open: closed.
    [
      ev('article.added', { title: 'Budget \u202Ehceeps' }),
      'imported the article “Budget \u202E\u202Chceeps”',
    ],
    [
      ev('article.removed', { title: 'Budget \u202Ehceeps', removed: 0, kept: 0 }),
      'removed the article “Budget \u202E\u202Chceeps”',
    ],
    [
      ev('board.renamed', { title: 'Budget \u202Ekcehc' }),
      'renamed the board to “Budget \u202E\u202Ckcehc”',
    ],
    [
      ev('scale.changed', { added: ['Parody', 'Spin'], removed: ['Satire'] }),
      'changed the rating scale: added “Parody” and “Spin”; removed “Satire”',
    ],
    [
      ev('scale.changed', {
        added: [],
        removed: [],
        renamed: [{ from: 'True', to: 'Accurate' }],
        changed: [],
        range: null,
      }),
      'changed the rating scale: renamed “True” to “Accurate”',
    ],
    [
      ev('scale.changed', {
        added: [],
        removed: [],
        renamed: [],
        changed: [
          {
            label: 'Misleading',
            value: 4,
            column: 'corroborated',
            was: { value: 2, column: 'disputed' },
          },
        ],
        range: null,
      }),
      'changed the rating scale: “Misleading” now rated 4 (was 2) and counts as Corroborated (was Disputed)',
    ],
    [
      ev('scale.changed', {
        added: ['Satire'],
        removed: ['Spin'],
        renamed: [
          { from: 'Mostly true', to: 'Mostly false' },
          { from: 'Mostly false', to: 'Mostly true' },
        ],
        changed: [
          { label: 'False', value: 1.5, column: 'disputed', was: { value: 1 } },
          { label: 'Unproven', value: 3, column: 'disputed', was: { column: 'unverified' } },
        ],
        range: { best: 7, worst: 0, was: { best: 5, worst: 1 } },
      }),
      'changed the rating scale: renamed “Mostly true” to “Mostly false” and “Mostly false” to “Mostly true”; added “Satire”; removed “Spin”; “False” now rated 1.5 (was 1); “Unproven” counts as Disputed (was Unverified); ratings now run from 0 to 7 (was 1 to 5)',
    ],
    // Malformed parts are left out; what is left still reads.
    [
      ev('scale.changed', {
        renamed: [{ from: 'True' }, 'x'],
        changed: [{ label: 'False', was: {} }, { value: 3 }, null],
        range: { best: 7 },
        added: ['Parody'],
      }),
      'changed the rating scale: added “Parody”',
    ],
    [ev('scale.changed', { added: [], removed: [] }), 'changed the rating scale'],
    [ev('scale.changed', { added: 'nonsense' }), 'changed the rating scale'],
    [
      ev('role.changed', { inviteId: 'i-ana', name: 'Ana', from: 'editor', to: 'reviewer' }),
      'changed Ana’s role from Editor to Reviewer',
    ],
    [
      ev('role.changed', { inviteId: 'i-bo', name: 'Bo', from: 'lead', to: 'editor' }),
      'changed their own role from Lead to Editor',
    ],
    [
      ev('role.changed', { from: 'admin' }),
      'changed a member’s role from an unknown role to an unknown role',
    ],
    [
      ev('invite.issued', { inviteId: 'i-rita', name: 'Rita Reviewer', role: 'reviewer' }),
      'invited Rita Reviewer as a reviewer',
    ],
    [
      ev('invite.issued', { inviteId: 'i-ed', name: 'Ed', role: 'editor' }),
      'invited Ed as an editor',
    ],
    [ev('invite.issued', { name: 'Lou', role: 'lead' }), 'invited Lou as a lead'],
    [ev('invite.issued', { name: 'Vi', role: 'viewer' }), 'invited Vi as a viewer'],
    [ev('invite.issued', { role: 'admin' }), 'invited someone'],
    // A right-to-left name isolated, as invite.revoked's is: "as an editor" keeps its place.
    [ev('invite.issued', { name: 'رنا', role: 'editor' }), 'invited \u2068رنا\u2069 as an editor'],
    [
      ev('invite.issued', { name: 'Bo', role: 'editor', expiresAt: Date.UTC(2026, 11, 14, 12) }),
      `invited Bo as an editor until ${formatDay(Date.UTC(2026, 11, 14, 12))}`,
    ],
    [
      ev('invite.revoked', { inviteId: 'i-rita', name: 'Rita Reviewer', role: 'reviewer' }),
      'revoked Rita Reviewer’s access',
    ],
    [ev('invite.revoked', { name: '' }), 'revoked a member’s access'],
    [
      ev('write.overridden', { field: 'column', value: 'disputed', kept: 'corroborated' }),
      'moved the card to Disputed, but it crossed another change and was not kept (the card stayed in Corroborated)',
    ],
    [
      ev('write.overridden', { field: 'verdict', value: null, kept: 'True' }),
      'cleared the verdict, but it crossed another change and was not kept (the board kept True)',
    ],
    [
      ev('write.overridden', {
        field: 'assignee',
        value: { id: 'i-bo', name: 'Bo' },
        kept: { id: 'i-ana', name: 'Ana' },
      }),
      'took the card, but it crossed another change and was not kept (Ana kept it)',
    ],
    [
      ev('write.overridden', {
        field: 'verdict',
        value: 'False',
        kept: 'True',
        keptBy: { id: 'i-ana', name: 'Ana' },
      }),
      'set the verdict to False, but it crossed Ana’s change and was not kept (the board kept True)',
    ],
    [
      // Bo's own change from another tab or device.
      ev('write.overridden', {
        field: 'verdict',
        value: 'False',
        kept: 'True',
        keptBy: { id: 'i-bo', name: 'Bo' },
      }),
      'set the verdict to False, but it crossed a change of their own and was not kept (the board kept True)',
    ],
    [
      ev('write.overridden', { field: 'rationale', value: 'Stats say 3%', kept: null }),
      'changed the rationale to “Stats say 3%”, but it crossed another change and was not kept (the board kept it empty)',
    ],
    [
      ev('write.overridden', {
        evidenceId: 'e1',
        field: 'stance',
        value: 'context',
        kept: 'supports',
      }),
      'changed the stance of the evidence to Context, but it crossed another change and was not kept (the board kept Supports)',
    ],
    // A value on the board that a crossing write (made offline, kept by Yjs's order) replaced.
    [
      ev('write.overridden', {
        field: 'column',
        value: 'disputed',
        kept: 'corroborated',
        keptBy: ana,
        replaced: true,
      }),
      'moved the card to Disputed, but a change Ana had made without seeing it replaced it (the card went to Corroborated)',
    ],
    [
      ev('write.overridden', { field: 'verdict', value: 'False', kept: null, replaced: true }),
      'set the verdict to False, but another change made without seeing it replaced it (the verdict was cleared)',
    ],
    [
      ev('write.overridden', { field: 'assignee', value: bo, kept: ana, replaced: true }),
      'took the card, but another change made without seeing it replaced it (Ana took it)',
    ],
    [
      ev('write.overridden', {
        field: 'claim',
        value: 'Rents doubled',
        kept: 'Rents rose',
        keptBy: bo,
        replaced: true,
      }),
      'changed the claim text to “Rents doubled”, but a change of their own made without seeing it replaced it (it became “Rents rose”)',
    ],
    [
      ev('write.overridden', {
        evidenceId: 'e1',
        field: 'note',
        value: 'See p. 4',
        kept: null,
        keptBy: ana,
        replaced: true,
      }),
      'changed the note of the evidence to “See p. 4”, but a change Ana had made without seeing it replaced it (it was emptied)',
    ],
    [
      ev('write.lost', { field: 'verdict', value: 'False', deleted: 'card', deletedBy: ana }),
      'set the verdict to False, but the card had been deleted by Ana, so it was not kept',
    ],
    [
      ev('write.lost', { field: 'column', value: 'disputed', deleted: 'card', deletedBy: null }),
      'moved the card to Disputed, but the card had been deleted, so it was not kept',
    ],
    [
      // Bo's own deletion, from another tab or device.
      ev('write.lost', { field: 'rationale', value: null, deleted: 'card', deletedBy: bo }),
      'cleared the rationale, but they had deleted the card themselves, so it was not kept',
    ],
    [
      ev('write.lost', {
        evidenceId: 'e2',
        field: 'evidence',
        value: { url: 'https://census.example/t3', stance: 'supports' },
        deleted: 'card',
        deletedBy: ana,
      }),
      'added supporting evidence: https://census.example/t3, but the card had been deleted by Ana, so it was not kept',
    ],
    [
      ev('write.lost', {
        evidenceId: 'e1',
        evidenceUrl: 'https://stats.example/rents',
        field: 'note',
        value: 'Table 3',
        deleted: 'evidence',
        deletedBy: ana,
      }),
      'changed the note of the evidence https://stats.example/rents to “Table 3”, but the evidence had been removed by Ana, so it was not kept',
    ],
    [
      // Recorded before write.lost named the item by its url.
      ev('write.lost', {
        evidenceId: 'e1',
        field: 'note',
        value: 'Table 3',
        deleted: 'evidence',
        deletedBy: ana,
      }),
      'changed the note of the evidence to “Table 3”, but the evidence had been removed by Ana, so it was not kept',
    ],
    [
      ev('card.moved', { from: 'corroborated', to: 'disputed', crossed: true }),
      'moved the card from Corroborated to Disputed (over a change they had not seen)',
    ],
    [
      ev('verdict.set', { verdict: null, from: 'True', crossed: true }),
      'cleared the verdict (was True, a change they had not seen)',
    ],
    [
      ev('card.edited', {
        fields: ['rationale'],
        values: { rationale: 'Stats say 3%' },
        was: { rationale: 'Close enough' },
        crossed: ['rationale'],
      }),
      'changed the rationale from “Close enough” to “Stats say 3%” (over a change to the rationale they had not seen)',
    ],
    [ev('something.new'), 'changed the board (something.new)'],
  ])('%#: %s', (event, words) => {
    expect(describeEvent(event)).toBe(words);
  });

  it('names the claim from the board, else from the event (a deleted card)', () => {
    expect(claimOf(ev('card.deleted', { claim: 'Old claim' }), undefined)).toBe('Old claim');
    expect(claimOf(ev('card.moved'), 'Current claim')).toBe('Current claim');
    expect(claimOf(ev('card.moved'), undefined)).toBeNull();
  });

  it('names a deleted card’s other events by the claim its latest recorded event gives', () => {
    // Newest first: a comment posted after the deletion, the deletion, the card's adding.
    const events = [
      ev('comment.posted', { text: 'Too late?' }),
      ev('card.deleted', { claim: 'Crime fell 30%' }),
      ev('card.created', { claim: 'Crime fell 20%', column: 'unverified' }),
      { ...ev('card.deleted', { claim: 'Another card' }), cardId: 'c2' },
    ];
    const recorded = recordedClaims(events);
    expect(claimOf(events[0]!, undefined, recorded)).toBe('Crime fell 30%');
    // The event's own record and the board's claim come first.
    expect(claimOf(events[2]!, undefined, recorded)).toBe('Crime fell 20%');
    expect(claimOf(events[0]!, 'Crime fell 31%', recorded)).toBe('Crime fell 31%');
    expect(claimOf({ ...events[0]!, cardId: 'c3' }, undefined, recorded)).toBeNull();
  });
});
