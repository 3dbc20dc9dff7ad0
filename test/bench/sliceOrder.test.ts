import { describe, expect, it } from 'vitest';
import { sliceOrder } from '../../bench/sync/measureLatency';

describe('sliceOrder', () => {
  it('gives each server every place and each of its neighbours as its predecessor in turn', () => {
    const servers = ['relay', 'reference', 'factboard', 'factboard@base', 'durable-relay'];
    const orders = Array.from({ length: 8 }, (_, s) => sliceOrder(servers, s));
    for (const order of orders) expect([...order].sort()).toEqual([...servers].sort());
    // Who ran right before factboard@base in each slice: factboard in half of them, not all.
    const before = orders.map((order) => order[order.indexOf('factboard@base') - 1]);
    expect(before).toEqual([
      'factboard',
      'durable-relay',
      'factboard',
      'durable-relay',
      'factboard',
      'durable-relay',
      'factboard',
      'durable-relay',
    ]);
  });
});
