import type { Command } from 'commander';
import { detectExcursions, MAX_READING_INTERVAL_MINUTES, type TemperatureReading } from '@concord/core/cold-chain/index';
import { stringify } from 'csv-stringify/sync';
import { lineError, readCsvRows, readInputText, relocate } from '../../csv-input.ts';
import type { CliIo } from '../../io.ts';

const CODE = 'COLDCHAIN_READING_INVALID';
const CELSIUS = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Minutes for people: whole numbers as they are, fractions to two decimals. */
const formatMinutes = (minutes: number): string => String(Math.round(minutes * 100) / 100);

/**
 * `concord coldchain excursions --input FILE`: reads logger readings as CSV
 * `device,time,celsius` and prints one CSV row per excursion,
 * `device,type,start,end,minutes,alarm`, with the WHO PQS 30-day
 * temperature recorder rule. Excursions that span a gap in the record are
 * still printed, measured as continuous, and named in a warning on stderr.
 */
export const registerExcursions = (coldchain: Command, io: CliIo) => {
  coldchain
    .command('excursions')
    .description('find heat (> +8 °C) and freeze (≤ −0.5 °C) excursions and WHO PQS alarms in logger readings')
    .requiredOption('--input <FILE>', 'CSV with header device,time,celsius ("-" for standard input)')
    .action(async (options: { input: string }) => {
      const rows = readCsvRows(await readInputText(io, options.input), ['device', 'time', 'celsius'], CODE);
      const readings: TemperatureReading[] = rows.map((row) => {
        const celsius = row.fields.celsius!.trim();
        if (!CELSIUS.test(celsius)) throw lineError(CODE, row, `celsius must be a number, got "${celsius}"`);
        return { device: row.fields.device!.trim(), time: row.fields.time!.trim(), celsius: Number(celsius) };
      });
      let excursions;
      try {
        excursions = detectExcursions(readings);
      } catch (error) {
        throw relocate(error, rows);
      }
      for (const e of excursions.filter((x) => x.longestGapMinutes > MAX_READING_INTERVAL_MINUTES)) {
        io.stderr.write(
          `warning: ${e.device} ${e.type} excursion from ${e.start} spans a ${formatMinutes(e.longestGapMinutes)}-minute gap in the record; its start and length are uncertain\n`,
        );
      }
      const records = excursions.map((e) => ({ ...e, minutes: formatMinutes(e.minutes), alarm: e.alarm ? '1' : '0' }));
      io.stdout.write(stringify(records, { header: true, columns: ['device', 'type', 'start', 'end', 'minutes', 'alarm'] }));
    });
};
