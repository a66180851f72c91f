import { decryptField, encryptField, type FieldKeys } from '../../keys/field-cipher.ts';

/**
 * The case report's personal fields (catalogue dataset `case-reports`,
 * `personalFields`) and the columns that hold their ciphertext. Each value
 * is encrypted with AES-256-GCM and bound, as associated data, to the table,
 * the row id and the column: a ciphertext copied into another row or column
 * fails its integrity check instead of decrypting.
 */
export const PERSONAL_FIELDS = ['patientName', 'phone', 'nationalId', 'village'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

export const PERSONAL_COLUMNS: Record<PersonalField, string> = {
  patientName: 'patient_name',
  phone: 'phone',
  nationalId: 'national_id',
  village: 'village',
};

export const CASE_REPORTS_TABLE = 'case_reports';

/** The associated data of one stored value. */
export const fieldContext = (rowId: string, column: string): string => `${CASE_REPORTS_TABLE}/${rowId}/${column}`;

export type PersonalValues = Partial<Record<PersonalField, string>>;
export type EncryptedValues = Record<PersonalField, string | null>;

export const encryptPersonal = (rowId: string, values: PersonalValues, keys: FieldKeys): EncryptedValues => {
  const out = {} as EncryptedValues;
  for (const field of PERSONAL_FIELDS) {
    const value = values[field];
    out[field] = value === undefined ? null : encryptField(value, keys, fieldContext(rowId, PERSONAL_COLUMNS[field]));
  }
  return out;
};

export const decryptPersonal = (rowId: string, stored: EncryptedValues, keys: FieldKeys): PersonalValues => {
  const out: PersonalValues = {};
  for (const field of PERSONAL_FIELDS) {
    const value = stored[field];
    if (value !== null) out[field] = decryptField(value, keys, fieldContext(rowId, PERSONAL_COLUMNS[field]));
  }
  return out;
};

/** What the key-rotation task needs to re-encrypt these columns under a new key. */
export const caseReportEncryptedColumns = {
  name: 'case-reports',
  table: CASE_REPORTS_TABLE,
  key: 'id',
  columns: PERSONAL_FIELDS.map((field) => PERSONAL_COLUMNS[field]),
  context: (row: Record<string, unknown>, column: string) => fieldContext(String(row.id), column),
} as const;
