/**
 * What the board page says when this device's clock is further off the server's than the server
 * allows (CLOCK_ALLOWANCE_MS), or nothing. Ahead, every change is refused; behind, those dated
 * before the board was made are, so only "may". Without it, the page only lists the changes the
 * server refused, and nobody would guess the clock.
 */
import { CLOCK_ALLOWANCE_MS } from '../../shared/protocol/clockAllowance';
import { plural } from '../ui/plural';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `skewMs`: this device's clock minus the server's. */
export function clockWarningText(skewMs: number): string | null {
  if (Math.abs(skewMs) <= CLOCK_ALLOWANCE_MS) return null;
  const days = plural(Math.round(Math.abs(skewMs) / DAY_MS), 'day', 'days');
  const refused = skewMs > 0 ? 'will be refused' : 'may be refused';
  return (
    `This device’s clock is ${days} ${skewMs > 0 ? 'ahead of' : 'behind'} the server’s. ` +
    `Changes dated more than a day from the server’s time are not saved, so what you change ` +
    `here ${refused} until the clock is set right.`
  );
}
