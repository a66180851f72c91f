import { AppError } from '@concord/core';

/**
 * The stock context's error codes. Codes raised by the pure rules in core
 * (STOCK_NEGATIVE_BALANCE, STOCK_INSUFFICIENT, STOCK_GS1_…, STOCK_ALLOCATION_…,
 * COLDCHAIN_…) pass through unchanged; docs/errors.md lists them all.
 */
const error = (code: string, status: number, message: string, params: Record<string, unknown> = {}) =>
  new AppError(code, message, { status, params });

export const storeNotFound = (store: string) => error('STOCK_STORE_NOT_FOUND', 404, `There is no store ${store}.`, { store });

export const roleNotAllowed = (store: string, needed: readonly string[]) =>
  error('STOCK_ROLE_NOT_ALLOWED', 403, `Recording stock at ${store} needs one of the roles: ${needed.join(', ')}.`, { store, needed });

export const unknownProduct = (product: string) =>
  error('STOCK_UNKNOWN_PRODUCT', 400, `${product} is not a product of the catalogue.`, { product });

export const unknownGtin = (gtin: string) => error('STOCK_GTIN_UNKNOWN', 400, `No product of the catalogue has the GTIN ${gtin}.`, { gtin });

export const gtinMismatch = (gtin: string, product: string) =>
  error('STOCK_GTIN_MISMATCH', 400, `The GTIN ${gtin} is not the GTIN of ${product}.`, { gtin, product });

export const gs1Incomplete = (missing: string[]) =>
  error('STOCK_GS1_INCOMPLETE', 400, `A receipt scan needs the GTIN (01), the lot (10) and the expiry (17); missing: ${missing.join(', ')}.`, {
    missing,
  });

export const receiptIncomplete = (missing: string[]) =>
  error('STOCK_RECEIPT_INCOMPLETE', 400, `Give either a GS1 scan or product, lot and expiry; missing: ${missing.join(', ')}.`, { missing });

export const lotExpiryMismatch = (product: string, lot: string, known: string, given: string) =>
  error('STOCK_LOT_EXPIRY_MISMATCH', 409, `Lot ${lot} of ${product} is on record with expiry ${known}, not ${given}.`, {
    product,
    lot,
    known,
    given,
  });

export const lotExpired = (product: string, lot: string, expiry: string) =>
  error('STOCK_LOT_EXPIRED', 400, `Lot ${lot} of ${product} expired on ${expiry}; expired stock is not received.`, { product, lot, expiry });

export const lotNotFound = (store: string, product: string, lot: string) =>
  error('STOCK_LOT_NOT_FOUND', 404, `${store} holds no lot ${lot} of ${product}.`, { store, product, lot });

export const timeInFuture = (at: string) => error('STOCK_TIME_IN_FUTURE', 400, `A movement cannot be recorded in the future (${at}).`, { at });

export const sameStore = (store: string) => error('STOCK_TRANSFER_SAME_STORE', 400, `A transfer needs two different stores; both are ${store}.`, { store });

export const crossBorderTransfer = (from: string, to: string) =>
  error(
    'STOCK_TRANSFER_CROSS_BORDER',
    400,
    `${from} and ${to} are in different jurisdictions; stock crosses a border only through a sharing request under the pact.`,
    { from, to },
  );

export const deviceNotFound = (device: string) => error('STOCK_DEVICE_NOT_FOUND', 404, `There is no recorder ${device}.`, { device });

export const deviceExists = (device: string) => error('STOCK_DEVICE_EXISTS', 409, `A recorder ${device} is already registered.`, { device });

export const deviceRangeInvalid = (minC: number, maxC: number) =>
  error('STOCK_DEVICE_RANGE_INVALID', 400, `A recorder's range needs minC below maxC; got ${minC} to ${maxC} °C.`, { minC, maxC });

export const readingConflict = (device: string, time: string, stored: number, given: number) =>
  error('STOCK_READING_CONFLICT', 409, `Recorder ${device} already has ${stored} °C at ${time}, not ${given} °C.`, { device, time, stored, given });

export const csvInvalid = (line: number, reason: string) =>
  error('STOCK_CSV_INVALID', 400, `line ${line}: ${reason}`, { line, reason });

export const csvExpected = () => error('STOCK_CSV_EXPECTED', 415, 'Send the recorder export with Content-Type text/csv.');

export const uploadTooLarge = (limitBytes: number) =>
  error('STOCK_UPLOAD_TOO_LARGE', 413, `The upload is larger than ${limitBytes} bytes; send the record in parts.`, { limitBytes });

export const quarantineNotFound = (id: string) => error('STOCK_QUARANTINE_NOT_FOUND', 404, 'No such quarantine.', { id });

export const quarantineDecided = (id: string) => error('STOCK_QUARANTINE_DECIDED', 409, 'This quarantine was already decided.', { id });

export const vvmRequired = (product: string) =>
  error('STOCK_VVM_REQUIRED', 400, `${product} carries a vaccine vial monitor: record its stage (1–4) or what the square looks like.`, { product });

export const noVvm = (product: string) =>
  error('STOCK_NO_VVM', 400, `${product} has no vaccine vial monitor; decide with action use or discard and give the reason.`, { product });

export const requestNotPermitted = (input: { product: string; from: string; to: string; decisionId: string | null; reasons: string[] }) =>
  error('STOCK_REQUEST_NOT_PERMITTED', 403, `No stockpile-sharing clause in force lets ${input.to} ask ${input.from} for ${input.product}.`, input);

export const borrowerRequired = () => error('STOCK_BORROWER_REQUIRED', 400, 'Say which party the request is for (to).');

export const requestNotFound = (id: string) => error('STOCK_REQUEST_NOT_FOUND', 404, 'No such sharing request.', { id });

export const requestWrongState = (id: string, step: string, status: string) =>
  error('STOCK_REQUEST_WRONG_STATE', 409, `A request that is ${status} cannot be ${step} now.`, { id, step, status });

export const notADecider = (deciders: readonly string[]) =>
  error('STOCK_NOT_THE_DECIDER', 403, `The clause names who decides this request: ${deciders.join(', ')}.`, { deciders });

export const decidedOnAnotherNode = (jurisdiction: string) =>
  error('STOCK_DECIDED_ON_ANOTHER_NODE', 409, `${jurisdiction} decides this request on its own node; its answer reaches this one as a message.`, { jurisdiction });

export const notSent = (input: { id: string; what: 'request' | 'answer'; to: string; decisionId: string | null; reasons: string[] }) =>
  error('STOCK_SHARING_NOT_SENT', 403, `The pact in force does not let this ${input.what} go to ${input.to}, so nothing was changed: ${input.reasons.slice(0, 4).join(' ')}`, input);

export const sharingMessageInvalid = (requestId: string, problem: string) =>
  error('STOCK_SHARING_MESSAGE_INVALID', 400, `The sharing message about request ${requestId} cannot be applied: ${problem}.`, { requestId, problem });

export const approvedQuantityInvalid = (requested: number, given: number | undefined) =>
  error('STOCK_APPROVED_QUANTITY_INVALID', 400, `A part approval gives a quantity between 1 and ${requested - 1}; got ${given ?? 'none'}.`, {
    requested,
    given,
  });

export const storeNotOfParty = (store: string, party: string) =>
  error('STOCK_STORE_NOT_OF_PARTY', 400, `${store} is not a store of ${party}.`, { store, party });

export const repaymentTooLarge = (outstanding: number, given: number) =>
  error('STOCK_REPAYMENT_TOO_LARGE', 400, `Only ${outstanding} is still owed; a repayment of ${given} is too much.`, { outstanding, given });

export const allocationNoNeed = () =>
  error('STOCK_ALLOCATION_NO_NEED', 400, 'Nobody needs these products: give needs, or wait for open sharing requests.');

export const allocationNoSupply = (products: string[]) =>
  error('STOCK_ALLOCATION_NO_SUPPLY', 422, `No hub or national store holds usable stock of ${products.join(', ')}.`, { products });

export const allocationFromRequests = () =>
  error(
    'STOCK_ALLOCATION_REQUESTS_EXIST',
    400,
    'Needs taken from open requests are requests already; give needs explicitly to turn a plan into new requests.',
  );

export const monthInvalid = (month: string) =>
  error('STOCK_MONTH_INVALID', 400, `${month} is not a month up to the current one (YYYY-MM).`, { month });
