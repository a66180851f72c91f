import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../memory-io.ts';

describe('concord suppress', () => {
  it('prints every cell and total with * for suppressed cells', async () => {
    // k = 5: south.male = 3 and south.TOTAL = 3 are primary; column male
    // then hides north.male (20, smaller than TOTAL.male 23), column TOTAL
    // hides north.TOTAL (32, smaller than 35). south.female is 0, which is
    // published (a missing cell of the grid also counts as 0).
    const input = 'row,col,count\nnorth,male,20\nnorth,female,12\nsouth,male,3\n';
    const result = await runInMemory(['suppress', '--k', '5', '--input', 'table.csv'], { 'table.csv': input });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        'row,col,value',
        'north,male,*',
        'north,female,12',
        'north,TOTAL,*',
        'south,male,*',
        'south,female,0',
        'south,TOTAL,*',
        'TOTAL,male,23',
        'TOTAL,female,12',
        'TOTAL,TOTAL,35',
        '',
      ].join('\n'),
    );
  });

  it('reads standard input with --input -', async () => {
    const result = await runInMemory(['suppress', '--k', '2', '--input', '-'], {}, 'col,row,count\nx,a,7\n');
    expect(result.stdout).toBe('row,col,value\na,x,7\na,TOTAL,7\nTOTAL,x,7\nTOTAL,TOTAL,7\n');
  });

  const refusals: [string, string[], string, RegExp][] = [
    ['a negative count', ['--k', '5'], 'row,col,count\na,x,4\nb,x,-2\n', /^error GOVERNANCE_SUPPRESSION_INVALID: line 3: count must be a non-negative integer/],
    ['a fractional count', ['--k', '5'], 'row,col,count\na,x,1.5\n', /line 2: count must be a non-negative integer/],
    ['a duplicate cell', ['--k', '5'], 'row,col,count\na,x,4\nb,x,2\na,x,9\n', /line 4: duplicate cell a × x/],
    ['a missing header', ['--k', '5'], 'a,x,4\n', /line 1: expected a header naming row,col,count/],
    ['a short line', ['--k', '5'], 'row,col,count\na,x\n', /line 2: /],
    ['k below 1', ['--k', '0'], 'row,col,count\na,x,4\n', /--k must be a whole number of at least 1/],
    ['the reserved label', ['--k', '5'], 'row,col,count\nTOTAL,x,4\n', /line 2: row label TOTAL is reserved/],
  ];
  for (const [what, options, input, message] of refusals) {
    it(`refuses ${what} with exit 1 and nothing on stdout`, async () => {
      const result = await runInMemory(['suppress', ...options, '--input', 't.csv'], { 't.csv': input });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    });
  }

  it('says so when the input file cannot be read', async () => {
    const result = await runInMemory(['suppress', '--k', '5', '--input', 'missing.csv']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^error CLI_INPUT_UNREADABLE: cannot read missing.csv/);
  });
});
