/**
 * New connections per client address: a token bucket per address that refills over a minute,
 * forgotten once full again so the map stays small.
 */
import { TokenBucket } from './tokenBucket';

export class AddressLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private takes = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(address: string): boolean {
    if (++this.takes % 1000 === 0) this.forgetFull();
    let bucket = this.buckets.get(address);
    if (!bucket) {
      bucket = new TokenBucket(this.perMinute / 60, this.perMinute, this.now);
      this.buckets.set(address, bucket);
    }
    return bucket.take();
  }

  private forgetFull(): void {
    for (const [address, bucket] of this.buckets) if (bucket.full()) this.buckets.delete(address);
  }
}
