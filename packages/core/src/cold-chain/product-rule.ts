import type { Product } from '../catalogue/products.ts';
import { detectExcursions, PQS_30DTR_RULE, type Excursion, type ExcursionRule, type TemperatureReading } from './excursions.ts';

/**
 * The excursion rule for a product's labelled storage range.
 *
 * - +2…+8 °C (most vaccines): the WHO PQS 30-DTR rule exactly — heat above
 *   +8 °C for 10 h, freeze at or below −0.5 °C for 1 h.
 * - Frozen and ultra-cold products (upper limit at or below 0 °C, e.g.
 *   rVSV-ZEBOV at −80…−60 °C): any reading above the upper limit is a heat
 *   excursion and alarms at once, because a thaw cannot be undone; a
 *   reading at or below the lower limit minus 0.5 °C is a freeze (too cold)
 *   excursion with the 1 h alarm. This is Concord's conservative choice, not
 *   a WHO rule: PQS sets no alarm for these ranges.
 * - Other ranges (room-temperature medicines, tests, PPE): heat above the
 *   upper limit for 10 h, too cold at or below the lower limit minus 0.5 °C
 *   for 1 h — the same durations and the same half-degree margin as PQS uses
 *   around the freezing point.
 */
export const excursionRuleFor = (product: Pick<Product, 'storage'>): ExcursionRule => {
  const { minC, maxC } = product.storage;
  if (minC === 2 && maxC === 8) return PQS_30DTR_RULE;
  const frozen = maxC <= 0;
  return {
    heatAboveC: maxC,
    freezeAtOrBelowC: minC - 0.5,
    heatAlarmMinutes: frozen ? 0 : PQS_30DTR_RULE.heatAlarmMinutes,
    freezeAlarmMinutes: PQS_30DTR_RULE.freezeAlarmMinutes,
  };
};

/**
 * Excursions judged against the product stored in the fridge or freezer.
 * Lots stored on a device with an alarmed excursion are the ones to
 * quarantine until someone assesses them (VVM reading, shake test).
 */
export const detectProductExcursions = (
  readings: readonly TemperatureReading[],
  product: Pick<Product, 'storage'>,
): Excursion[] => detectExcursions(readings, excursionRuleFor(product));
