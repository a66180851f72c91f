/**
 * The datasets a pact's data-sharing clause can name. Each is a kind of
 * record Concord holds; `personLevel` datasets describe identifiable people
 * and never cross a border unless a clause in force allows it. `fields` are
 * the names an obligation may drop; `personalFields` are encrypted at rest.
 */
export interface Dataset {
  id: string;
  description: string;
  personLevel: boolean;
  fields: readonly string[];
  personalFields: readonly string[];
}

export const DATASETS: readonly Dataset[] = [
  {
    id: 'case-reports',
    description: 'Line list of notifiable disease cases',
    personLevel: true,
    fields: ['clientId', 'party', 'area', 'facility', 'disease', 'onsetDate', 'reportDate', 'age', 'sex', 'classification', 'outcome', 'labResult', 'patientName', 'phone', 'nationalId', 'village'],
    personalFields: ['patientName', 'phone', 'nationalId', 'village'],
  },
  {
    id: 'aggregate-counts',
    description: 'Case counts by place, disease, period, age band, sex and classification',
    personLevel: false,
    fields: ['party', 'area', 'disease', 'period', 'ageBand', 'sex', 'classification', 'count'],
    personalFields: [],
  },
  { id: 'signals', description: 'Aberration-detection signals', personLevel: false, fields: ['party', 'area', 'disease', 'period', 'method', 'observed', 'threshold'], personalFields: [] },
  { id: 'events', description: 'Verified public health events with risk assessment, IHR decision and 7-1-7 dates', personLevel: false, fields: ['party', 'area', 'disease', 'alertLevel', 'riskLevel', 'cases', 'deaths', 'dates'], personalFields: [] },
  { id: 'stock-levels', description: 'Stock on hand by store, product and lot', personLevel: false, fields: ['party', 'store', 'product', 'lot', 'expiry', 'quantity'], personalFields: [] },
  { id: 'stock-ledger', description: 'Stock ledger entries (receipts, issues, transfers, adjustments, losses)', personLevel: false, fields: ['party', 'store', 'product', 'lot', 'kind', 'quantity', 'at'], personalFields: [] },
  { id: 'cold-chain-readings', description: 'Temperature readings from cold-chain recorders', personLevel: false, fields: ['party', 'store', 'device', 'time', 'celsius'], personalFields: [] },
  {
    id: 'referrals',
    description: 'Cross-border patient referrals',
    personLevel: true,
    fields: ['party', 'fromFacility', 'toFacility', 'service', 'status', 'urgency', 'patientName', 'age', 'sex', 'diagnosis', 'clinicalSummary'],
    personalFields: ['patientName', 'clinicalSummary'],
  },
  {
    id: 'licences',
    description: 'Health-worker licences and sanctions',
    personLevel: true,
    fields: ['party', 'profession', 'licenceNumber', 'status', 'validFrom', 'validUntil', 'holderName', 'sanctions'],
    personalFields: ['holderName'],
  },
  { id: 'disbursements', description: 'Funding commitments and disbursements', personLevel: false, fields: ['party', 'envelope', 'amount', 'currency', 'trigger', 'at'], personalFields: [] },
  { id: 'capacity-scores', description: 'JEE/SPAR capacity scores by technical area', personLevel: false, fields: ['party', 'area', 'indicator', 'score', 'year'], personalFields: [] },
];

const byId = new Map(DATASETS.map((d) => [d.id, d]));

export const findDataset = (id: string): Dataset | undefined => byId.get(id);
export const DATASET_IDS: readonly string[] = DATASETS.map((d) => d.id);
