/**
 * The board's speakers, offered as suggestions by every speaker field (`list={SPEAKER_LIST_ID}`):
 * picking a name already on the board keeps one spelling per person, so the speaker filter and
 * the exports list each person once.
 */
export const SPEAKER_LIST_ID = 'board-speakers';

export function SpeakerSuggestions({ speakers }: { speakers: readonly string[] }) {
  return (
    <datalist id={SPEAKER_LIST_ID}>
      {speakers.map((s) => (
        <option key={s} value={s} />
      ))}
    </datalist>
  );
}
