import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runInMemory } from '../../memory-io.ts';

const example = readFileSync(fileURLToPath(new URL('../../../../../examples/pacts/eac-health-security-pact.yaml', import.meta.url)), 'utf8');
const caseReports = JSON.stringify({
  kind: 'data',
  action: 'send',
  dataset: 'case-reports',
  from: 'KE',
  to: 'UG',
  purpose: 'outbreak-response',
  disease: 'cholera',
  role: 'national-focal-point',
});
const outbreak = JSON.stringify({ alert: { KE: { cholera: 3 } } });
const decideArgs = ['pact', 'decide', '--pact', 'eac.yaml', '--request', 'request.json'];

describe('concord pact decide', () => {
  it('prints a permit with its clause and obligations', async () => {
    const result = await runInMemory([...decideArgs, '--context', 'context.json', '--at', '2026-03-01'], {
      'eac.yaml': example,
      'request.json': caseReports,
      'context.json': outbreak,
    });
    expect(result.code).toBe(0);
    const decision = JSON.parse(result.stdout);
    expect(decision).toMatchObject({ effect: 'permit', pactVersion: 1, clauseId: 'case-reports-lake-victoria-outbreak' });
    expect(decision.obligations).toContainEqual({ type: 'retain-until', date: '2026-05-30' });
  });

  it('prints a deny, with exit 0, when the alert level is too low', async () => {
    const result = await runInMemory([...decideArgs, '--at', '2026-03-01T08:00:00Z'], { 'eac.yaml': example, 'request.json': caseReports });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ effect: 'deny', clauseId: null });
  });

  it('lets --at override the context time, and the context time the clock', async () => {
    const files = { 'eac.yaml': example, 'request.json': caseReports, 'context.json': JSON.stringify({ alert: { KE: { cholera: 3 } }, now: '2040-01-01T00:00:00Z' }) };
    const fromFile = JSON.parse((await runInMemory([...decideArgs, '--context', 'context.json'], files)).stdout);
    expect(fromFile.reasons[0]).toMatch(/^PACT_NOT_IN_FORCE/);
    const fromAt = JSON.parse((await runInMemory([...decideArgs, '--context', 'context.json', '--at', '2030-06-01'], files)).stdout);
    expect(fromAt.effect).toBe('permit');
  });

  it('reads the request from standard input', async () => {
    const result = await runInMemory(['pact', 'decide', '--pact', 'eac.yaml', '--request', '-', '--at', '2026-03-01'], { 'eac.yaml': example }, JSON.stringify({ kind: 'funding', party: 'EAC' }));
    expect(JSON.parse(result.stdout).effect).toBe('deny');
  });

  it('refuses an invalid request, context, time or pact with exit 1', async () => {
    const bad = await runInMemory(decideArgs, { 'eac.yaml': example, 'request.json': '{"kind":"data","dataset":"case-reports"}' });
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(/^error PACT_REQUEST_INVALID: request\.json is not a valid request/);
    const context = await runInMemory([...decideArgs, '--context', 'c.json'], { 'eac.yaml': example, 'request.json': caseReports, 'c.json': '{"alert":{"KE":{"cholera":9}}}' });
    expect(context.stderr).toMatch(/^error PACT_CONTEXT_INVALID/);
    const at = await runInMemory([...decideArgs, '--at', 'yesterday'], { 'eac.yaml': example, 'request.json': caseReports });
    expect(at.stderr).toMatch(/^error CLI_AT_INVALID/);
    const pact = await runInMemory(decideArgs, { 'eac.yaml': example.replace('sunset: 2032-12-31', 'sunset: 2020-12-31'), 'request.json': caseReports });
    expect(pact.code).toBe(1);
    expect(pact.stderr).toMatch(/^eac\.yaml:\d+:\d+ PACT_SUNSET_BEFORE_EFFECTIVE/);
  });
});

describe('concord pact duties', () => {
  it('lists what a party owes, in words or as JSON', async () => {
    const files = { 'eac.yaml': example };
    const text = await runInMemory(['pact', 'duties', '--pact', 'eac.yaml', '--party', 'KE', '--at', '2026-03-04'], files);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('report: send aggregate-counts for 2026-03-02 to 2026-03-08 to EAC by 2026-03-10');
    expect(text.stdout).toContain('renewal-notice: give notice to renew or withdraw by 2032-07-04');
    const json = await runInMemory(['pact', 'duties', '--pact', 'eac.yaml', '--party', 'KE', '--at', '2026-03-04', '--json'], files);
    expect(JSON.parse(json.stdout).map((d: { type: string }) => d.type)).toContain('hold-reserve');
  });
});
