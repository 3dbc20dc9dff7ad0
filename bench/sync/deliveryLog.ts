/**
 * Bookkeeping of one measured run: when each (sender, seq) update was sent, how many peers have
 * received it, and the send→receive latencies. Bounded arrays, sized up front.
 */
export class DeliveryLog {
  readonly samples: number[] = [];
  /** When each sample's update was sent, in epoch ms (to match a server's pauses). */
  readonly samplesSentAt: number[] = [];
  sent = 0;
  deliveries = 0;
  /** Updates received by every peer. */
  complete = 0;
  private readonly sentAt: Float64Array;
  private readonly counts: Uint16Array;

  /**
   * @param peers receivers per update (the other clients of the sender's room)
   * @param recordFrom sequence numbers below this are warm-up: delivered but not sampled
   */
  constructor(
    senders: number,
    private readonly maxSeq: number,
    private readonly peers: number,
    private readonly recordFrom = 0,
  ) {
    this.sentAt = new Float64Array(senders * maxSeq);
    this.counts = new Uint16Array(senders * maxSeq);
  }

  get expectedDeliveries(): number {
    return this.sent * this.peers;
  }

  markSent(sender: number, seq: number): void {
    this.sentAt[sender * this.maxSeq + seq] = performance.now();
    this.sent++;
  }

  /** Records one receipt; true when this was the last peer to receive the update. */
  markReceived(sender: number, seq: number): boolean {
    const now = performance.now();
    const slot = sender * this.maxSeq + seq;
    const sentAt = this.sentAt[slot];
    if (seq >= this.maxSeq || sentAt === undefined || sentAt === 0) return false;
    this.deliveries++;
    if (seq >= this.recordFrom) {
      this.samples.push(now - sentAt);
      this.samplesSentAt.push(performance.timeOrigin + sentAt);
    }
    const count = ((this.counts[slot] as number) += 1);
    if (count !== this.peers) return false;
    this.complete++;
    return true;
  }
}
