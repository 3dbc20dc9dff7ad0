import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/app/api';
import { restoreRefusal } from '../../../client/history/restoreCard';

describe('restoreRefusal', () => {
  it('a card a colleague restored first is no failure', () => {
    expect(restoreRefusal(new ApiError(409, 'card_exists', 'card c1 is on the board'))).toBeNull();
  });

  it('anything else is said, with the reason', () => {
    expect(
      restoreRefusal(new ApiError(404, 'card_not_found', 'no deleted card with this id')),
    ).toBe('The card could not be restored: no deleted card with this id');
    expect(restoreRefusal(new ApiError(0, 'network', 'The server cannot be reached.'))).toMatch(
      /cannot be reached/,
    );
  });
});
