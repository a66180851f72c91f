/**
 * The IHR (2005) Annex 2 decision instrument: does a State Party have to
 * notify WHO of this event?
 *
 * - A single case of a disease in the catalogue's `always-notifiable` group
 *   (smallpox, wild poliovirus, human influenza of a new subtype, SARS) is
 *   always notifiable.
 * - For `always-assessed` diseases (cholera, pneumonic plague, yellow fever,
 *   viral haemorrhagic fevers, West Nile fever, diseases of special national
 *   or regional concern) and for any other event of potential international
 *   public health concern, the four questions are asked; two "yes" answers
 *   make the event notifiable.
 * - Anything else does not enter the instrument.
 *
 * Notification is due within 24 hours of the assessment (IHR Art. 6(1)).
 * The questions are asked in the order of the Annex 2 flowchart and asking
 * stops as soon as the outcome is settled, so the returned path is the one
 * a focal point would walk on paper.
 */
import { findDisease } from '../catalogue/diseases.ts';
import { AppError } from '../errors.ts';
import { instantMs } from '../surveillance/calendar-date.ts';

export const IHR_CRITERIA = ['seriousImpact', 'unusualOrUnexpected', 'internationalSpread', 'travelOrTradeRestrictions'] as const;
export type IhrCriterion = (typeof IHR_CRITERIA)[number];

export type IhrAnswers = Partial<Record<IhrCriterion, boolean>>;

export interface IhrAssessmentInput {
  /** Catalogue disease code; absent for an event of unknown cause or a non-disease hazard. */
  disease?: string;
  answers?: IhrAnswers;
  /** The event may be of international public health concern, whatever its cause. */
  potentialInternationalConcern?: boolean;
  /** When the assessment was made (ISO instant); gives `notifyBy`. */
  assessedAt?: string;
}

export type IhrOutcome = 'notify' | 'not-notifiable-now' | 'not-applicable';

export interface IhrAssessment {
  outcome: IhrOutcome;
  reason: string;
  /** The criteria answered "yes" along the path. */
  criteriaMet: IhrCriterion[];
  deadlineHours: 24 | null;
  /** `assessedAt` + 24 h when notification is due and `assessedAt` was given. */
  notifyBy: string | null;
  /** Steps taken, e.g. `group:always-assessed`, `seriousImpact:yes`, `outcome:notify`. */
  path: string[];
}

/** The four questions with the kinds of evidence Annex 2 lists under each (paraphrased). */
export const IHR_QUESTIONS: readonly { id: IhrCriterion; numeral: string; question: string; examples: readonly string[] }[] = [
  {
    id: 'seriousImpact',
    numeral: 'I',
    question: 'Is the public health impact of the event serious?',
    examples: [
      'Many cases or deaths for this place, time or population',
      'Potential for a high public health impact (high case fatality, vulnerable groups affected, few means of control)',
      'External help is needed to detect, investigate, respond or control',
    ],
  },
  {
    id: 'unusualOrUnexpected',
    numeral: 'II',
    question: 'Is the event unusual or unexpected?',
    examples: [
      'Unknown agent, or an unusual or unknown source, vehicle or route of transmission',
      'More severe than expected, or unusual symptoms',
      'Unusual for the area, season or population',
      'A disease or agent that was eliminated, eradicated or never reported before',
    ],
  },
  {
    id: 'internationalSpread',
    numeral: 'III',
    question: 'Is there a significant risk of international spread?',
    examples: [
      'Epidemiological links to similar events in other States',
      'Factors pointing to cross-border movement of the agent, vehicle or host (travel, gatherings, border areas)',
    ],
  },
  {
    id: 'travelOrTradeRestrictions',
    numeral: 'IV',
    question: 'Is there a significant risk of international travel or trade restrictions?',
    examples: [
      'Similar events led to travel or trade restrictions before',
      'Suspected source in food, water or goods that may have been exported or imported',
      'Linked to an international gathering or an area of intense international tourism',
      'Foreign media attention or requests for information from other countries',
    ],
  },
];

const NOTIFY_WITHIN_HOURS = 24;

const notifyByOf = (assessedAt: string | undefined): string | null =>
  assessedAt === undefined ? null : new Date(instantMs(assessedAt) + NOTIFY_WITHIN_HOURS * 3_600_000).toISOString();

/** Asks the questions in order until two are "yes" or two "yes" can no longer be reached. */
const walkCriteria = (answers: IhrAnswers): { met: IhrCriterion[]; steps: string[] } => {
  const met: IhrCriterion[] = [];
  const steps: string[] = [];
  for (const [index, criterion] of IHR_CRITERIA.entries()) {
    const left = IHR_CRITERIA.length - index;
    if (met.length >= 2 || met.length + left < 2) break;
    const answer = answers[criterion];
    if (answer === undefined) {
      throw new AppError('EVENT_IHR_ANSWER_MISSING', `Annex 2 question ${IHR_QUESTIONS[index]!.numeral} (${criterion}) needs an answer`, { params: { criterion } });
    }
    steps.push(`${criterion}:${answer ? 'yes' : 'no'}`);
    if (answer) met.push(criterion);
  }
  return { met, steps };
};

export const assessIhrAnnex2 = (input: IhrAssessmentInput): IhrAssessment => {
  const disease = input.disease === undefined ? undefined : findDisease(input.disease);
  if (input.disease !== undefined && !disease) {
    throw new AppError('EVENT_DISEASE_UNKNOWN', `Not a disease code of the catalogue: ${input.disease}`, { params: { disease: input.disease } });
  }
  const notifyBy = notifyByOf(input.assessedAt);
  if (disease?.ihr === 'always-notifiable') {
    const path = [`group:always-notifiable`, `disease:${disease.code}`, 'outcome:notify'];
    const reason = `A single case of ${disease.name.en} is always notifiable under IHR Annex 2; notify WHO within 24 hours of assessment (Art. 6).`;
    return { outcome: 'notify', reason, criteriaMet: [], deadlineHours: NOTIFY_WITHIN_HOURS, notifyBy, path };
  }
  const entry = disease?.ihr === 'always-assessed' ? 'group:always-assessed' : input.potentialInternationalConcern ? 'group:potential-international-concern' : undefined;
  if (entry === undefined) {
    const path = [disease ? `group:${disease.ihr}` : 'group:none', 'outcome:not-applicable'];
    return { outcome: 'not-applicable', reason: 'The disease is not one the instrument always applies to and the event was not flagged as of potential international concern.', criteriaMet: [], deadlineHours: null, notifyBy: null, path };
  }
  const { met, steps } = walkCriteria(input.answers ?? {});
  const path = [entry, ...(disease ? [`disease:${disease.code}`] : []), ...steps];
  if (met.length >= 2) {
    return {
      outcome: 'notify',
      reason: `Two Annex 2 criteria are met (${met.join(', ')}); notify WHO within 24 hours of assessment (Art. 6).`,
      criteriaMet: met,
      deadlineHours: NOTIFY_WITHIN_HOURS,
      notifyBy,
      path: [...path, 'outcome:notify'],
    };
  }
  return {
    outcome: 'not-notifiable-now',
    reason: 'Fewer than two Annex 2 criteria are met; reassess when more information arrives (WHO may still be consulted, Art. 8).',
    criteriaMet: met,
    deadlineHours: null,
    notifyBy: null,
    path: [...path, 'outcome:not-notifiable-now'],
  };
};
