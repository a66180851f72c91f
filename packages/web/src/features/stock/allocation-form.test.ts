import { describe, expect, it } from 'vitest';
import { allocationBody, parseNeeds } from './allocation-form.ts';

const form = { products: ['oral-cholera-vaccine'], needs: '', floor: '', createRequests: false, reason: '' };

describe('the allocation form', () => {
  it('reads one need per line and adds repeated ones', () => {
    expect(parseNeeds('KE oral-cholera-vaccine 4000\n\n  SO oral-cholera-vaccine 6000 \nKE oral-cholera-vaccine 500')).toEqual({
      needs: { KE: { 'oral-cholera-vaccine': 4500 }, SO: { 'oral-cholera-vaccine': 6000 } },
      badLines: [],
    });
  });

  it('names the lines it cannot read', () => {
    expect(parseNeeds('KE ors many\nke ors 5\nUG ors -1\nTZ ors 5 extra\nRW ors 10').badLines).toEqual([1, 2, 3, 4]);
    expect(allocationBody({ ...form, needs: 'KE ors' })).toEqual({ ok: false, badLines: [1] });
  });

  it('leaves needs to the open requests when none are typed, and sends only what was filled in', () => {
    expect(allocationBody(form)).toEqual({ ok: true, body: { products: ['oral-cholera-vaccine'] } });
    expect(allocationBody({ ...form, needs: 'KE oral-cholera-vaccine 10', floor: '0.5', createRequests: true, reason: ' outbreak ' })).toEqual({
      ok: true,
      body: { products: ['oral-cholera-vaccine'], needs: { KE: { 'oral-cholera-vaccine': 10 } }, floor: 0.5, createRequests: true, reason: 'outbreak' },
    });
  });
});
