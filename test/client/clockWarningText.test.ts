import { describe, expect, it } from 'vitest';
import { clockWarningText } from '../../client/board/clockWarningText';
import { CLOCK_ALLOWANCE_MS } from '../../shared/protocol/clockAllowance';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('clockWarningText', () => {
  it('says nothing within the server’s allowance, either way', () => {
    expect(clockWarningText(0)).toBeNull();
    expect(clockWarningText(CLOCK_ALLOWANCE_MS)).toBeNull();
    expect(clockWarningText(-CLOCK_ALLOWANCE_MS)).toBeNull();
  });
  it('ahead beyond it: refused; behind: may be; in whole days', () => {
    expect(clockWarningText(CLOCK_ALLOWANCE_MS + 1)).toContain('1 day ahead of the server’s');
    expect(clockWarningText(CLOCK_ALLOWANCE_MS + 1)).toContain('will be refused');
    expect(clockWarningText(-10.4 * DAY_MS)).toContain('10 days behind the server’s');
    expect(clockWarningText(-10.4 * DAY_MS)).toContain('may be refused');
  });
});
