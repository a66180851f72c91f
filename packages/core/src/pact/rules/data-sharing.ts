/**
 * Data-sharing: decides a cross-border read or send. Every mismatch is a
 * refusal with its reason; a permit carries what the sender must do to the
 * data before it leaves (aggregate, suppress small cells, drop fields), and
 * what the recipient must do after (retain until, obtain consent).
 */
import type { Obligation } from '../decision.ts';
import { expandParties } from '../parties.ts';
import { plusDays } from '../term.ts';
import { placeRank, timeRank, type PlaceGranularity, type TimeGranularity } from '../vocabulary.ts';
import { celFor, conditionRefusal, permit, refuse, SILENT, type Rule } from './rule.ts';
import { findDataset } from '../../catalogue/index.ts';

export const dataSharingRule: Rule<'data-sharing', 'data'> = ({ pact, clause, request, context }) => {
  if (clause.dataset !== request.dataset) return SILENT;
  const id = clause.id;
  const from = expandParties(pact, clause.from);
  if (!from.includes(request.from)) {
    return refuse('PACT_PARTY_NOT_COVERED', id, `shares data of ${from.join(', ')}, not of \`${request.from}\``);
  }
  const to = expandParties(pact, clause.to);
  if (!to.includes(request.to)) {
    return refuse('PACT_PARTY_NOT_COVERED', id, `shares data with ${to.join(', ')}, not with \`${request.to}\``);
  }
  if (!(clause.purposes as readonly string[]).includes(request.purpose)) {
    return refuse('PACT_PURPOSE_NOT_ALLOWED', id, `purpose \`${request.purpose}\` is not one of ${clause.purposes.join(', ')}`);
  }
  if (clause.roles && (request.role === undefined || !clause.roles.includes(request.role))) {
    return refuse('PACT_ROLE_NOT_ALLOWED', id, `only ${clause.roles.join(', ')} may ask; the request is from ${request.role ?? 'an unnamed role'}`);
  }
  const place: PlaceGranularity = request.granularity?.place ?? clause.granularity.place;
  const time: TimeGranularity = request.granularity?.time ?? clause.granularity.time;
  if (placeRank(place) > placeRank(clause.granularity.place) || timeRank(time) > timeRank(clause.granularity.time)) {
    return refuse(
      'PACT_GRANULARITY_TOO_FINE',
      id,
      `allows at most ${clause.granularity.place} by ${clause.granularity.time}; the request asks for ${place} by ${time}`,
    );
  }
  const datasetFields = findDataset(clause.dataset)?.fields ?? [];
  const allowed = clause.fields ?? datasetFields.filter((field) => !clause.dropFields?.includes(field));
  const refused = (request.fields ?? []).filter((field) => !allowed.includes(field));
  if (refused.length > 0) {
    return refuse('PACT_FIELD_NOT_ALLOWED', id, `field(s) ${refused.join(', ')} may not be shared; allowed: ${allowed.join(', ')}`);
  }
  const failed = conditionRefusal(id, 'condition', clause.condition, () => celFor(pact, context, request, request.from));
  if (failed) return failed;
  return permit(dataObligations(clause, { place, time }, datasetFields, request.fields ?? allowed, context.now));
};

const dataObligations = (
  clause: Parameters<typeof dataSharingRule>[0]['clause'],
  granted: { place: PlaceGranularity; time: TimeGranularity },
  datasetFields: readonly string[],
  kept: readonly string[],
  now: Date,
): Obligation[] => {
  const obligations: Obligation[] = [];
  if (granted.place !== 'person') obligations.push({ type: 'aggregate-to', place: granted.place, time: granted.time });
  if (clause.minCellSize !== undefined && clause.minCellSize > 1 && granted.place !== 'person') {
    obligations.push({ type: 'suppress-below', k: clause.minCellSize });
  }
  const drop = datasetFields.length > 0 ? datasetFields.filter((field) => !kept.includes(field)) : (clause.dropFields ?? []);
  if (drop.length > 0) obligations.push({ type: 'drop-fields', fields: [...drop] });
  if (clause.consentRequired) obligations.push({ type: 'require-consent' });
  obligations.push({ type: 'retain-until', date: plusDays(now, clause.retentionDays) });
  return obligations;
};
