/**
 * One line saying what a stored decision was asked, from its request:
 * "send aggregate-counts KE → EAC (surveillance)", "stock-release ors KE → UG".
 * The request's fields are the decision point's (docs/pact.md, "Decisions").
 */
export const requestSummary = (kind: string, request: Record<string, unknown>): string => {
  const text = (key: string) => (typeof request[key] === 'string' || typeof request[key] === 'number' ? String(request[key]) : undefined);
  const route = text('from') && text('to') ? `${text('from')} → ${text('to')}` : text('party');
  const what = kind === 'data' ? [text('action'), text('dataset')] : [text('product') ?? text('service') ?? text('profession') ?? text('scope') ?? text('disease')];
  const purpose = text('purpose');
  return [...what, route]
    .filter((part): part is string => part !== undefined)
    .join(' ')
    .concat(purpose ? ` (${purpose})` : '');
};
