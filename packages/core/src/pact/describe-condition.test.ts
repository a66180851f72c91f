import { describe, expect, it } from 'vitest';
import { glossCondition, glossIndicator, type Subjects } from './describe-condition.ts';
import { smallPact } from './test-pacts.ts';

const pact = smallPact();
// French groups digits with a narrow no-break space; compare with plain spaces.
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;
const asker: Subjects = { party: { en: 'the asking party', fr: 'la partie qui demande' } };
const sender: Subjects = { 'request.from': { en: 'the sending party', fr: 'la partie qui partage' } };

describe('glossCondition', () => {
  it('reads an alert level for one disease, in both languages', () => {
    expect(glossCondition(pact, 'alert[party]["cholera"] >= 2', asker, 'en')).toBe('the asking party is at cholera alert level 2 or more');
    expect(glossCondition(pact, 'alert[party]["cholera"] >= 2', asker, 'fr')).toBe('la partie qui demande est au niveau d’alerte choléra 2 ou plus');
  });

  it('reads the disease asked about, and does not repeat its has() guard', () => {
    const cel = 'has(request.disease) && alert[request.from][request.disease] >= 3';
    expect(glossCondition(pact, cel, sender, 'en')).toBe('the sending party is at alert level 3 or more for the disease concerned');
    expect(glossCondition(pact, cel, sender, 'fr')).toBe('la partie qui partage est au niveau d’alerte 3 ou plus pour la maladie concernée');
  });

  it('reads "any disease" written with exists()', () => {
    expect(glossCondition(pact, 'alert[party].exists(d, alert[party][d] >= 3)', asker, 'en')).toBe(
      'the asking party is at alert level 3 or more for at least one disease',
    );
    // A different variable inside the test is not the same form.
    expect(glossCondition(pact, 'alert[party].exists(d, alert[party][x] >= 3)', asker, 'en')).toBeNull();
  });

  it('names a party given by its code, and joins conjuncts with "and"', () => {
    const cel = '(alert["KE"]["mpox"] > 1) && now < timestamp("2027-01-01T00:00:00Z")';
    expect(glossCondition(pact, cel, asker, 'en')).toBe('Kenya is at mpox alert level more than 1 and before 1 January 2027');
    expect(glossCondition(pact, cel, asker, 'fr')).toBe('Kenya est au niveau d’alerte mpox (variole simienne) plus de 1 et avant le 1 janvier 2027');
  });

  it('reads indicators of the party and of the region', () => {
    const own = glossCondition(pact, 'indicators["cholera-weekly-incidence-per-100k." + party] >= 5', asker, 'en');
    expect(own).toBe('the indicator `cholera-weekly-incidence-per-100k` of the asking party is 5 or more');
    expect(plain(glossCondition(pact, 'indicators["regional-doses"] < 1000', asker, 'fr'))).toBe('l’indicateur régional `regional-doses` vaut moins de 1 000');
  });

  it('gives no gloss rather than a wrong one', () => {
    expect(glossCondition(pact, 'alert[party]["cholera"] >= 2 || alert[party]["mpox"] >= 2', asker, 'en')).toBeNull();
    expect(glossCondition(pact, '!(alert[party]["cholera"] >= 2)', asker, 'en')).toBeNull();
    expect(glossCondition(pact, 'request.quantity * 2 > 10', asker, 'en')).toBeNull();
    // `request.to` is not described for this clause.
    expect(glossCondition(pact, 'alert[request.to]["cholera"] >= 2', asker, 'en')).toBeNull();
    expect(glossCondition(pact, 'now == timestamp("2027-01-01T00:00:00Z")', asker, 'en')).toBeNull();
  });

  it('keeps a string containing && or || whole', () => {
    expect(glossCondition(pact, 'indicators["a||b&&c"] >= 2', asker, 'en')).toBe('the regional indicator `a||b&&c` is 2 or more');
  });
});

describe('glossIndicator', () => {
  it("names a party's own indicator without its trailing dot, with French contractions", () => {
    const expr = 'indicators["spar-average-capacity-level." + party]';
    expect(glossIndicator(expr, { en: 'each partner state', fr: 'chaque État partenaire' }, 'en')).toBe(
      'the indicator `spar-average-capacity-level` of each partner state',
    );
    expect(glossIndicator(expr, { en: 'the recipient', fr: 'le bénéficiaire' }, 'fr')).toBe('l’indicateur `spar-average-capacity-level` du bénéficiaire');
    expect(glossIndicator('indicators["x"] + 1', { en: 'it', fr: 'elle' }, 'en')).toBeNull();
  });
});
