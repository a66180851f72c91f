/**
 * The pact engine: a cooperation agreement as versioned, executable
 * clauses (docs/pact.md). Everything here is pure: pass the time in.
 */
export {
  PURPOSES,
  PLACE_GRANULARITIES,
  TIME_GRANULARITIES,
  REPORTING_FREQUENCIES,
  REFERRAL_SERVICES,
  PROFESSIONS,
  RECOGNITION_MODES,
  WAIVER_SCOPES,
  COMPARISONS,
  MAX_ALERT_LEVEL,
} from './vocabulary.ts';
export type {
  Purpose,
  PlaceGranularity,
  TimeGranularity,
  ReportingFrequency,
  ReferralService,
  Profession,
  RecognitionMode,
  WaiverScope,
  Comparison,
} from './vocabulary.ts';
export { clauseSchema, CLAUSE_KINDS } from './clauses.ts';
export type {
  Clause,
  ClauseKind,
  ClauseOf,
  DataSharingClause,
  StockpileSharingClause,
  FundingTriggerClause,
  ReferralCorridorClause,
  LicensureRecognitionClause,
  EmergencyWaiverClause,
  EscalationClause,
  EscalationLevel,
  MilestoneClause,
} from './clauses.ts';
export { pactSchema, pactJsonSchema } from './model.ts';
export type { Pact, Party, Hub, PactNode } from './model.ts';
export { CEL_VARIABLES, checkExpression } from './cel.ts';
export type { AlertLevels, Indicators, CelProblem, CelVariable } from './cel.ts';
export { validatePact, loadPact, formatDiagnostic } from './validate.ts';
export type { Diagnostic, ValidationResult } from './validate.ts';
export { DEFAULT_CATALOGUE } from './semantics.ts';
export type { PactCatalogue } from './semantics.ts';
export { expandParties, clauseParties, resolveActors } from './parties.ts';
export { pactRequestSchema, decisionContextSchema } from './decision.ts';
export type { PactRequest, RequestKind, RequestOf, DecisionContext, Decision, Obligation, ObligationType } from './decision.ts';
export { decide, CLAUSE_KIND_FOR } from './decide.ts';
export { statusAt, versionInForce, sunsetAt, decideInForce } from './lifecycle.ts';
export type { LifecycleEvent, PactState, PactStatus } from './lifecycle.ts';
export {
  canonicalPactBytes,
  canonicalPactJson,
  signPact,
  verifyPactSignature,
  signatureStatus,
  isFullySigned,
  generatePartyKeys,
  publicKeyFromRaw,
} from './signature.ts';
export type { SigningKey, VerifyingKey, PartySignature, SignatureStatus, PartyKeyPair } from './signature.ts';
export { obligationsOf, nextReport } from './duties.ts';
export type { PartyDuty } from './duties.ts';
export { evaluateTriggers, evaluateTrigger } from './triggers.ts';
export type { TriggerEvaluation } from './triggers.ts';
export { milestoneStatus, milestoneOwers } from './milestones.ts';
export type { MilestoneStatus, MilestoneState } from './milestones.ts';
export { diffPacts, applyDiff } from './diff.ts';
export type { DiffEntry, DiffPath } from './diff.ts';
export { describeDiff, describeEntry } from './describe-diff.ts';
export { describeClause } from './describe-clause.ts';
export type { ClauseDescription, DescribeLocale } from './describe-clause.ts';
export { toOdrl, ODRL_CONTEXT, CONCORD_PROFILE } from './odrl.ts';
export { isWithinTerm, outsideTerm } from './term.ts';
