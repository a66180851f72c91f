export {
  detectExcursions,
  parseReadingTime,
  MAX_READING_INTERVAL_MINUTES,
  PQS_30DTR_RULE,
  type Excursion,
  type ExcursionRule,
  type ExcursionType,
  type TemperatureReading,
} from './excursions.ts';
export { detectProductExcursions, excursionRuleFor } from './product-rule.ts';
export { vvmDecision, type VvmAction, type VvmDecision, type VvmSquare, type VvmStage } from './vvm.ts';
