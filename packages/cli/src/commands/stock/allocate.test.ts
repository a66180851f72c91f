import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../memory-io.ts';

const request = {
  products: ['ocv'],
  sources: [{ id: 'S1', supply: { ocv: 100 } }, { id: 'S2', supply: { ocv: 50 } }],
  parties: [{ id: 'B', weight: 6, need: { ocv: 100 } }, { id: 'A', weight: 10, need: { ocv: 80 } }],
  cost: [
    { from: 'S2', to: 'B', perUnit: 1 },
    { from: 'S1', to: 'B', perUnit: 2 },
    { from: 'S1', to: 'A', perUnit: 1 },
  ],
  floor: 0.5,
};

describe('concord stock allocate', () => {
  it('prints the optimal shipments sorted by source, party, product', async () => {
    // Margins S1→A 9, S1→B 4, S2→B 5: A gets its 80 from S1, B the other
    // 20 from S1 and all 50 from S2; 80·9 + 20·4 + 50·5 = 1050.
    const result = await runInMemory(['stock', 'allocate', '--input', 'request.json'], { 'request.json': JSON.stringify(request) });
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed.status).toBe('optimal');
    expect(printed.objective).toBeCloseTo(1050, 6);
    expect(printed.shipments).toEqual([
      { from: 'S1', to: 'A', product: 'ocv', quantity: 80 },
      { from: 'S1', to: 'B', product: 'ocv', quantity: 20 },
      { from: 'S2', to: 'B', product: 'ocv', quantity: 50 },
    ]);
  });

  it('refuses infeasible floors with STOCK_ALLOCATION_INFEASIBLE', async () => {
    const cut = { ...request, floor: 1, cost: request.cost.filter((c) => !(c.from === 'S1' && c.to === 'B')) };
    const result = await runInMemory(['stock', 'allocate', '--input', '-'], {}, JSON.stringify(cut));
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^error STOCK_ALLOCATION_INFEASIBLE: /);
  });

  it('refuses malformed input with STOCK_ALLOCATION_INVALID', async () => {
    for (const input of ['{"products": [', JSON.stringify({ ...request, parties: [{ id: 'A', weight: -1, need: {} }] })]) {
      const result = await runInMemory(['stock', 'allocate', '--input', 'r.json'], { 'r.json': input });
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toMatch(/^error STOCK_ALLOCATION_INVALID: /);
    }
  });
});
