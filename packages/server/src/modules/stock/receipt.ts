import { findProduct, findProductByGtin } from '@concord/core';
import { parseGs1 } from '@concord/core/stock/index';
import * as errors from './stock.errors.ts';

/** A receipt names its lot either by a scanned GS1 element string or by product, lot and expiry typed in. */
export interface ReceiptInput {
  gs1?: string;
  product?: string;
  lot?: string;
  expiry?: string;
  productionDate?: string;
}

export interface ReceivedLot {
  product: string;
  lot: string;
  gtin: string;
  expiry: string;
  productionDate: string | null;
  gs1: string | null;
}

/**
 * What was received. A scan (GS1 DataMatrix or GS1-128, raw or bracketed)
 * must carry the GTIN (01), the lot (10) and the expiry (17); the GTIN
 * names the catalogue product, and a product typed beside the scan must be
 * the same one. Two-digit years follow the GS1 century rule around the
 * year of receipt.
 */
export const resolveReceipt = (input: ReceiptInput, at: Date): ReceivedLot => {
  if (input.gs1 !== undefined) {
    const data = parseGs1(input.gs1, { referenceYear: at.getUTCFullYear() });
    const missing = [data.gtin ? null : '(01) GTIN', data.lot ? null : '(10) lot', data.expiry ? null : '(17) expiry'].filter((m): m is string => m !== null);
    if (missing.length > 0) throw errors.gs1Incomplete(missing);
    const product = findProductByGtin(data.gtin!);
    if (!product) throw errors.unknownGtin(data.gtin!);
    if (input.product !== undefined && input.product !== product.id) throw errors.gtinMismatch(data.gtin!, input.product);
    return { product: product.id, lot: data.lot!, gtin: data.gtin!, expiry: data.expiry!, productionDate: data.productionDate ?? null, gs1: input.gs1 };
  }
  const missing = (['product', 'lot', 'expiry'] as const).filter((field) => input[field] === undefined);
  if (missing.length > 0) throw errors.receiptIncomplete(missing);
  const product = findProduct(input.product!);
  if (!product) throw errors.unknownProduct(input.product!);
  return { product: product.id, lot: input.lot!, gtin: product.gtin, expiry: input.expiry!, productionDate: input.productionDate ?? null, gs1: null };
};
