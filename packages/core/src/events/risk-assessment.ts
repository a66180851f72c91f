/**
 * WHO rapid risk assessment (WHO, "Rapid risk assessment of acute public
 * health events", WHO/HSE/GAR/ARO/2012.1): the team rates the likelihood of
 * further spread or impact and the consequences if it happens, and the risk
 * matrix turns the pair into an overall risk, low to very high. Concord then
 * maps the risk to the pact's alert level 1–4, which the escalation clause
 * uses to decide who leads, who decides and who is told.
 *
 * The matrix below is transcribed from the manual's risk-matrix figure (rows:
 * likelihood, columns: consequences); docs/events.md prints it. It is
 * monotone: more likely or more severe never lowers the risk (tested).
 */
import { AppError } from '../errors.ts';

export const LIKELIHOODS = ['very-unlikely', 'unlikely', 'likely', 'highly-likely', 'almost-certain'] as const;
export const CONSEQUENCES = ['minimal', 'minor', 'moderate', 'major', 'severe'] as const;
export const RISK_LEVELS = ['low', 'moderate', 'high', 'very-high'] as const;

export type Likelihood = (typeof LIKELIHOODS)[number];
export type Consequences = (typeof CONSEQUENCES)[number];
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type AlertLevel = 1 | 2 | 3 | 4;

/** Likelihood scale of the manual, with its indicative probabilities (paraphrased). */
export const LIKELIHOOD_SCALE: Record<Likelihood, string> = {
  'almost-certain': 'Expected to occur in most circumstances (probability of 95% or more)',
  'highly-likely': 'Will probably occur in most circumstances (70–94%)',
  likely: 'Will occur some of the time (30–69%)',
  unlikely: 'Could occur some of the time (5–29%)',
  'very-unlikely': 'Could occur only in exceptional circumstances (under 5%)',
};

/** Consequence scale of the manual (paraphrased). */
export const CONSEQUENCE_SCALE: Record<Consequences, string> = {
  minimal: 'Limited impact on a small population or risk group; little disruption; few extra resources',
  minor: 'Minor impact on a small population or risk group; limited disruption; some extra resources',
  moderate: 'Moderate impact on a large population or risk group; moderate disruption; some extra resources',
  major: 'Major impact on a small population or risk group; major disruption; significant extra resources',
  severe: 'Severe impact on a large population or risk group; severe disruption; major extra resources',
};

const L = 'low';
const M = 'moderate';
const H = 'high';
const V = 'very-high';

/** Rows by likelihood, columns by consequences (minimal → severe). */
export const RISK_MATRIX: Record<Likelihood, Record<Consequences, RiskLevel>> = {
  'almost-certain': { minimal: M, minor: H, moderate: H, major: V, severe: V },
  'highly-likely': { minimal: L, minor: M, moderate: H, major: V, severe: V },
  likely: { minimal: L, minor: M, moderate: H, major: H, severe: V },
  unlikely: { minimal: L, minor: L, moderate: M, major: H, severe: H },
  'very-unlikely': { minimal: L, minor: L, moderate: L, major: M, severe: H },
};

/**
 * Concord's alert levels, one per WHO risk level. The pact's escalation
 * clause names levels 1..4; what each level sets in motion is in the pact,
 * and the meaning here is the manual's action for that risk (paraphrased).
 */
export const ALERT_LEVELS: readonly { level: AlertLevel; risk: RiskLevel; meaning: string }[] = [
  { level: 1, risk: 'low', meaning: 'Handled by standard response protocols, routine control programmes and routine surveillance' },
  { level: 2, risk: 'moderate', meaning: 'Roles and responsibilities for the response named; specific monitoring or control measures (e.g. enhanced surveillance)' },
  { level: 3, risk: 'high', meaning: 'Senior management attention; command and control structures may be set up; additional control measures' },
  { level: 4, risk: 'very-high', meaning: 'Immediate response, even out of hours; immediate senior management attention; control measures with serious consequences likely' },
];

export const alertLevelForRisk = (risk: RiskLevel): AlertLevel => ALERT_LEVELS.find((a) => a.risk === risk)!.level;

export interface RiskAssessment {
  likelihood: Likelihood;
  consequences: Consequences;
  risk: RiskLevel;
  alertLevel: AlertLevel;
}

export const assessRisk = (input: { likelihood: string; consequences: string }): RiskAssessment => {
  const { likelihood, consequences } = input;
  if (!(LIKELIHOODS as readonly string[]).includes(likelihood)) {
    throw new AppError('EVENT_RISK_LIKELIHOOD_INVALID', `Likelihood must be one of ${LIKELIHOODS.join(', ')}`, { params: { likelihood } });
  }
  if (!(CONSEQUENCES as readonly string[]).includes(consequences)) {
    throw new AppError('EVENT_RISK_CONSEQUENCES_INVALID', `Consequences must be one of ${CONSEQUENCES.join(', ')}`, { params: { consequences } });
  }
  const risk = RISK_MATRIX[likelihood as Likelihood][consequences as Consequences];
  return { likelihood: likelihood as Likelihood, consequences: consequences as Consequences, risk, alertLevel: alertLevelForRisk(risk) };
};
