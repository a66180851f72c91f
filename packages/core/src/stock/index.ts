export { formatGs1, GS, parseGs1, type Gs1Data, type Gs1Options } from './gs1.ts';
export { gs1CheckDigit, isValidGtin14 } from './gtin.ts';
export { isUsable, pickFefo, type LotPick, type StockLot } from './fefo.ts';
export {
  applyEntry,
  balanceOf,
  emptyBalances,
  listBalances,
  replay,
  type EntryKind,
  type StockBalance,
  type StockBalances,
  type StockEntry,
} from './ledger.ts';
export { monthsOfStock } from './months-of-stock.ts';
