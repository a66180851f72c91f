/**
 * The checks a schema cannot express: references between parts of the pact
 * and to the shared catalogue, dates that must be ordered, and CEL
 * expressions that must parse and name only known variables. Each finding
 * carries the path of the offending value so validate.ts can point at it.
 */
import type { Clause } from './clauses.ts';
import type { Pact } from './model.ts';
import { checkExpression, type ExpectedType } from './cel.ts';
import { checkActorRef, checkPartyRef, clauseParties, isPartyCode } from './parties.ts';
import type { PathSegment } from './source.ts';
import { DATASETS, DISEASES, PRODUCTS, type Dataset } from '../catalogue/index.ts';
import { ROLES, isRole } from '../roles.ts';

/** What validation needs from the catalogue; the shared catalogue by default. */
export interface PactCatalogue {
  datasets: readonly Pick<Dataset, 'id' | 'fields'>[];
  products: readonly { id: string }[];
  diseases: readonly { code: string }[];
}

export const DEFAULT_CATALOGUE: PactCatalogue = { datasets: DATASETS, products: PRODUCTS, diseases: DISEASES };

export interface Finding {
  code: string;
  message: string;
  path: PathSegment[];
  /** Point at the key rather than the value (e.g. a duplicate id's key). */
  prefer?: 'key' | 'value';
  /** Offset inside a scalar value, for CEL problems. */
  offset?: number;
}

type Emit = (finding: Finding) => void;

export const checkPact = (pact: Pact, catalogue: PactCatalogue = DEFAULT_CATALOGUE): Finding[] => {
  const findings: Finding[] = [];
  const emit: Emit = (finding) => findings.push(finding);
  checkTerm(pact, emit);
  checkPartiesUnique(pact, emit);
  const seen = new Map<string, number>();
  pact.clauses.forEach((clause, index) => {
    const at: PathSegment[] = ['clauses', index];
    const first = seen.get(clause.id);
    if (first !== undefined) {
      emit({
        code: 'PACT_DUPLICATE_CLAUSE_ID',
        message: `clause id \`${clause.id}\` is already used by clause #${first + 1}; clause ids must be unique`,
        path: [...at, 'id'],
      });
    } else seen.set(clause.id, index);
    checkClause(pact, clause, at, catalogue, emit);
  });
  return findings;
};

const checkTerm = (pact: Pact, emit: Emit) => {
  if (pact.sunset <= pact.effective) {
    emit({
      code: 'PACT_SUNSET_BEFORE_EFFECTIVE',
      message: `${pact.sunset} is not after the effective date ${pact.effective}`,
      path: ['sunset'],
    });
  }
  if (pact.amends !== undefined && pact.amends >= pact.version) {
    emit({
      code: 'PACT_AMENDS_INVALID',
      message: `version ${pact.version} cannot amend version ${pact.amends}: it must amend an earlier version`,
      path: ['amends'],
    });
  }
};

const checkPartiesUnique = (pact: Pact, emit: Emit) => {
  const seen = new Set<string>();
  pact.parties.forEach((party, index) => {
    if (seen.has(party.code)) {
      emit({ code: 'PACT_DUPLICATE_PARTY', message: `party \`${party.code}\` is listed twice`, path: ['parties', index, 'code'] });
    }
    seen.add(party.code);
  });
};

const partyRefs = (pact: Pact, refs: readonly string[] | undefined, path: PathSegment[], emit: Emit, allowPublic = false) =>
  refs?.forEach((ref, index) => {
    const problem = checkPartyRef(pact, ref, allowPublic);
    if (problem) emit({ ...problem, path: [...path, index] });
  });

const actorRefs = (pact: Pact, refs: string | readonly string[], path: PathSegment[], emit: Emit) => {
  const list = typeof refs === 'string' ? [refs] : refs;
  list.forEach((ref, index) => {
    const problem = checkActorRef(pact, ref);
    if (problem) emit({ ...problem, path: typeof refs === 'string' ? path : [...path, index] });
  });
};

const expression = (text: string | undefined, expected: ExpectedType, path: PathSegment[], emit: Emit) => {
  if (text === undefined) return;
  const problem = checkExpression(text, expected);
  if (problem) emit({ code: problem.code, message: problem.message, path, offset: problem.offset });
};

const products = (ids: readonly string[] | undefined, catalogue: PactCatalogue, path: PathSegment[], emit: Emit) =>
  ids?.forEach((id, index) => {
    if (!catalogue.products.some((product) => product.id === id)) {
      emit({ code: 'PACT_UNKNOWN_PRODUCT', message: `unknown product \`${id}\`: not in the product catalogue`, path: [...path, index] });
    }
  });

const checkClause = (pact: Pact, clause: Clause, at: PathSegment[], catalogue: PactCatalogue, emit: Emit) => {
  partyRefs(pact, clause.parties, [...at, 'parties'], emit);
  switch (clause.kind) {
    case 'data-sharing':
      return checkDataSharing(pact, clause, at, catalogue, emit);
    case 'stockpile-sharing':
      products(clause.products, catalogue, [...at, 'products'], emit);
      if (typeof clause.reserveShare === 'object') {
        for (const code of Object.keys(clause.reserveShare)) {
          if (!isPartyCode(pact, code)) {
            emit({ code: 'PACT_UNKNOWN_PARTY', message: `reserve share for unknown party \`${code}\``, path: [...at, 'reserveShare', code], prefer: 'key' });
          }
        }
      }
      actorRefs(pact, clause.decidedBy, [...at, 'decidedBy'], emit);
      return expression(clause.releaseCondition, 'bool', [...at, 'releaseCondition'], emit);
    case 'funding-trigger':
      partyRefs(pact, clause.recipients, [...at, 'recipients'], emit);
      expression(clause.indicator, 'number', [...at, 'indicator'], emit);
      expression(clause.condition, 'bool', [...at, 'condition'], emit);
      if (clause.amount !== undefined && clause.amount > clause.envelope.amount) {
        emit({
          code: 'PACT_AMOUNT_EXCEEDS_ENVELOPE',
          message: `amount ${clause.amount} is larger than the envelope (${clause.envelope.amount} ${clause.envelope.currency})`,
          path: [...at, 'amount'],
        });
      }
      return;
    case 'referral-corridor':
      partyRefs(pact, [clause.settlement.via], [...at, 'settlement', 'via'], emit);
      const joined = clauseParties(pact, clause);
      if (joined.every((code) => isPartyCode(pact, code)) && joined.length < 2) {
        emit({ code: 'PACT_CORRIDOR_PARTIES', message: 'a referral corridor joins at least two parties', path: [...at, 'parties'] });
      }
      return expression(clause.condition, 'bool', [...at, 'condition'], emit);
    case 'licensure-recognition':
      return expression(clause.emergencyTemporaryLicence?.condition, 'bool', [...at, 'emergencyTemporaryLicence', 'condition'], emit);
    case 'emergency-waiver':
      products(clause.products, catalogue, [...at, 'products'], emit);
      return expression(clause.activation, 'bool', [...at, 'activation'], emit);
    case 'escalation':
      clause.diseases?.forEach((code, index) => {
        if (!catalogue.diseases.some((disease) => disease.code === code)) {
          emit({ code: 'PACT_UNKNOWN_DISEASE', message: `unknown disease \`${code}\`: not in the disease catalogue`, path: [...at, 'diseases', index] });
        }
      });
      clause.levels.forEach((level, index) => {
        const levelAt = [...at, 'levels', index];
        actorRefs(pact, level.lead, [...levelAt, 'lead'], emit);
        actorRefs(pact, level.decides, [...levelAt, 'decides'], emit);
        actorRefs(pact, level.notify, [...levelAt, 'notify'], emit);
      });
      return;
    case 'milestone':
      if (clause.party !== undefined) partyRefs(pact, [clause.party], [...at, 'party'], emit);
      if (clause.due < pact.effective || clause.due >= pact.sunset) {
        emit({
          code: 'PACT_MILESTONE_OUTSIDE_TERM',
          message: `due date ${clause.due} falls outside the pact's term (${pact.effective} to ${pact.sunset})`,
          path: [...at, 'due'],
        });
      }
      return expression(clause.indicator, 'number', [...at, 'indicator'], emit);
  }
};

const checkDataSharing = (
  pact: Pact,
  clause: Extract<Clause, { kind: 'data-sharing' }>,
  at: PathSegment[],
  catalogue: PactCatalogue,
  emit: Emit,
) => {
  partyRefs(pact, clause.from, [...at, 'from'], emit);
  partyRefs(pact, clause.to, [...at, 'to'], emit, true);
  clause.roles?.forEach((role, index) => {
    if (!isRole(role)) {
      emit({ code: 'PACT_UNKNOWN_ROLE', message: `unknown role \`${role}\`: roles are ${ROLES.join(', ')}`, path: [...at, 'roles', index] });
    }
  });
  expression(clause.condition, 'bool', [...at, 'condition'], emit);
  const dataset = catalogue.datasets.find((d) => d.id === clause.dataset);
  if (!dataset) {
    const known = catalogue.datasets.map((d) => d.id).join(', ');
    emit({ code: 'PACT_UNKNOWN_DATASET', message: `unknown dataset \`${clause.dataset}\`: datasets are ${known}`, path: [...at, 'dataset'] });
    return;
  }
  for (const key of ['fields', 'dropFields'] as const) {
    clause[key]?.forEach((field, index) => {
      if (!dataset.fields.includes(field)) {
        emit({
          code: 'PACT_UNKNOWN_FIELD',
          message: `dataset \`${dataset.id}\` has no field \`${field}\`; its fields are ${dataset.fields.join(', ')}`,
          path: [...at, key, index],
        });
      }
    });
  }
};
