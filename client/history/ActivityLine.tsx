/**
 * Who did what, and when, as every entry of the Activity feed says it. Memoised on its words:
 * a row renders again whenever events arrive, and formatting a time costs (formatTime).
 */
import { memo } from 'react';
import { When } from '../review/When';

export const ActivityLine = memo(function ActivityLine({
  name,
  what,
  at,
}: {
  /** The person, as the history recorded them. */
  name: string;
  /** The rest of the sentence (describeEvent, describeCards). */
  what: string;
  at: number;
}) {
  return (
    <>
      <p className="activity-deed">
        <strong>
          <bdi>{name}</bdi>
        </strong>{' '}
        {what}
      </p>{' '}
      <When at={at} className="muted small activity-time" />
    </>
  );
});
