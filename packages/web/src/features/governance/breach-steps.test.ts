import { describe, expect, it } from 'vitest';
import { nextStep } from './breach-steps.ts';

const reported = { status: 'reported' as const, notificationRequired: null, risk: null, subjectsNotifiedAt: null, containedAt: null };

describe('nextStep', () => {
  it('walks a high-risk breach through assess, contain, notify, tell the people, close', () => {
    expect(nextStep(reported)).toBe('assess');
    const assessed = { ...reported, status: 'assessed' as const, risk: 'high' as const, notificationRequired: true };
    expect(nextStep(assessed)).toBe('contain');
    const contained = { ...assessed, status: 'contained' as const, containedAt: '2026-03-01T10:00:00Z' };
    expect(nextStep(contained)).toBe('notify');
    const notified = { ...contained, status: 'notified' as const };
    expect(nextStep(notified)).toBe('notify-subjects');
    expect(nextStep({ ...notified, subjectsNotifiedAt: '2026-03-02T10:00:00Z' })).toBe('close');
    expect(nextStep({ ...notified, status: 'closed' })).toBeNull();
  });

  it('skips notification when the risk is unlikely (Art. 33(1))', () => {
    const unlikely = { ...reported, status: 'contained' as const, risk: 'unlikely' as const, notificationRequired: false, containedAt: '2026-03-01T10:00:00Z' };
    expect(nextStep(unlikely)).toBe('close');
  });
});
