import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../memory-io.ts';

const csv = (lines: string[]) => ['device,time,celsius', ...lines].join('\n') + '\n';

describe('concord coldchain excursions', () => {
  it('prints one row per excursion, times as given, devices in first-appearance order', async () => {
    const readings = csv([
      'fridge-2,2024-03-01T00:10:00Z,-1.0',
      'fridge-1,2024-03-01T00:00+00:00,5.1',
      'fridge-2,2024-03-01T00:00:00Z,4',
      'fridge-1,2024-03-01T00:10+00:00,8.0',
      'fridge-1,2024-03-01T00:20+00:00,8.01',
      'fridge-2,2024-03-01T01:10:00Z,-0.5',
      'fridge-2,2024-03-01T01:20:00Z,3',
      'fridge-1,2024-03-01T00:30+00:00,9',
    ]);
    // fridge-2 runs 00:10 → 01:20 at or below −0.5 (70 min ≥ 60: alarm);
    // its readings between 00:10 and 01:10 are missing, hence a warning.
    // fridge-1 turns heat at 00:20 (8.0 is still in range) and never comes back.
    const result = await runInMemory(['coldchain', 'excursions', '--input', 'log.csv'], { 'log.csv': readings });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'device,type,start,end,minutes,alarm',
        'fridge-2,freeze,2024-03-01T00:10:00Z,2024-03-01T01:20:00Z,70,1',
        'fridge-1,heat,2024-03-01T00:20+00:00,2024-03-01T00:30+00:00,10,0',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(
      'warning: fridge-2 freeze excursion from 2024-03-01T00:10:00Z spans a 60-minute gap in the record; its start and length are uncertain\n',
    );
  });

  it('prints only the header when nothing left the range', async () => {
    const result = await runInMemory(['coldchain', 'excursions', '--input', '-'], {}, csv(['f,2024-03-01T00:00Z,4']));
    expect(result).toEqual({ code: 0, stdout: 'device,type,start,end,minutes,alarm\n', stderr: '' });
  });

  const refusals: [string, string, RegExp][] = [
    ['a temperature that is not a number', csv(['f,2024-03-01T00:00Z,4', 'f,2024-03-01T00:10Z,warm']), /^error COLDCHAIN_READING_INVALID: line 3: celsius must be a number/],
    ['a time that is not ISO 8601', csv(['f,01/03/2024 10:00,4']), /line 2: time must be an ISO 8601 date-time/],
    ['two readings at one time', csv(['f,2024-03-01T00:00Z,4', 'g,2024-03-01T00:00Z,4', 'f,2024-03-01T00:00:00Z,5']), /line 4: device f has two readings/],
    ['a missing header', 'f,2024-03-01T00:00Z,4\n', /line 1: expected a header naming device,time,celsius/],
  ];
  for (const [what, input, message] of refusals) {
    it(`refuses ${what} with exit 1 and nothing on stdout`, async () => {
      const result = await runInMemory(['coldchain', 'excursions', '--input', 'log.csv'], { 'log.csv': input });
      expect(result).toMatchObject({ code: 1, stdout: '' });
      expect(result.stderr).toMatch(message);
    });
  }
});
