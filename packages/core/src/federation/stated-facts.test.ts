import { describe, expect, it } from 'vitest';
import { examplePact } from '../pact/test-pacts.ts';
import { diseasesNamed, releaseAlert } from './stated-facts.ts';

describe('the diseases a condition names', () => {
  it('are its string literals that are catalogue diseases, once each', () => {
    expect(diseasesNamed('alert[party]["cholera"] >= 2')).toEqual(['cholera']);
    expect(diseasesNamed(`alert[party]['measles'] >= 3 || alert[party]["cholera"] >= 2 && alert["UG"]["cholera"] >= 1`)).toEqual(['measles', 'cholera']);
    expect(diseasesNamed('indicators["cholera-weekly-incidence-per-100k." + party] >= 5')).toEqual([]);
    expect(diseasesNamed('true')).toEqual([]);
  });
});

describe('the alert level a party states with a stock request', () => {
  const pact = examplePact();

  it('is its level for the disease the release condition of the clause covering the product reads', () => {
    expect(releaseAlert([pact], 'oral-cholera-vaccine', 'KE', { KE: { cholera: 3, measles: 4 }, UG: { cholera: 1 } })).toEqual({ disease: 'cholera', level: 3 });
  });

  it('is nothing when the party has no level for that disease, or no clause covers the product', () => {
    expect(releaseAlert([pact], 'oral-cholera-vaccine', 'KE', { KE: { measles: 4 }, UG: { cholera: 3 } })).toBeUndefined();
    expect(releaseAlert([pact], 'nitrile-gloves', 'KE', { KE: { cholera: 3 } })).toBeUndefined();
  });
});
