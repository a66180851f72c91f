import type { Command } from 'commander';
import { AppError } from '@concord/core';
import { suppressTable, type CountCell } from '@concord/core/suppression/index';
import { stringify } from 'csv-stringify/sync';
import { lineError, readCsvRows, readInputText, relocate } from '../../csv-input.ts';
import type { CliIo } from '../../io.ts';

const CODE = 'GOVERNANCE_SUPPRESSION_INVALID';

const parseK = (text: string): number => {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1) throw new AppError(CODE, `--k must be a whole number of at least 1, got "${text}"`);
  return Number(text);
};

/**
 * `concord suppress --k K --input FILE`: reads a two-way table as CSV
 * `row,col,count`, derives its totals, and prints every cell, row total,
 * column total and the grand total as CSV `row,col,value`, with `*` for
 * suppressed cells.
 */
export const registerSuppress = (program: Command, io: CliIo) => {
  program
    .command('suppress')
    .description('publish a two-way table of counts with small cells suppressed so that none can be worked out')
    .requiredOption('--k <K>', 'minimum cell size: non-zero counts below K are suppressed')
    .requiredOption('--input <FILE>', 'CSV with header row,col,count ("-" for standard input)')
    .action(async (options: { k: string; input: string }) => {
      const k = parseK(options.k);
      const rows = readCsvRows(await readInputText(io, options.input), ['row', 'col', 'count'], CODE);
      const cells: CountCell[] = rows.map((row) => {
        const count = row.fields.count!.trim();
        if (!/^\d+$/.test(count)) throw lineError(CODE, row, `count must be a non-negative integer, got "${count}"`);
        return { row: row.fields.row!.trim(), col: row.fields.col!.trim(), count: Number(count) };
      });
      const { cells: published } = await suppressTable(cells, k).catch((error: unknown) => {
        throw relocate(error, rows);
      });
      const records = published.map((c) => ({ row: c.row, col: c.col, value: c.value === null ? '*' : String(c.value) }));
      io.stdout.write(stringify(records, { header: true, columns: ['row', 'col', 'value'] }));
    });
};
