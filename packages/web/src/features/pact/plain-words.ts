/**
 * Plain-words text from the node (clause descriptions, diff sentences,
 * decision reasons) marks identifiers with backticks; the pages show those
 * parts as code. Decision reasons begin with a stable code ("CODE: detail"),
 * which the dictionary turns into a sentence in the reader's language.
 */
export type Segment = { code: boolean; text: string };

/** Splits text on backticks: odd segments are code. An unpaired backtick stays as text. */
export const codeSegments = (text: string): Segment[] => {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [{ code: false, text }];
  return parts.map((part, index) => ({ code: index % 2 === 1, text: part })).filter((segment) => segment.text !== '' || segment.code);
};

/** "PACT_PURPOSE_NOT_ALLOWED: …" → its code and the detail after it; a reason without a code keeps its text. */
export const splitReason = (reason: string): { code: string | null; detail: string } => {
  const match = /^([A-Z][A-Z0-9_]+):\s*(.*)$/s.exec(reason);
  return match ? { code: match[1]!, detail: match[2]! } : { code: null, detail: reason };
};
