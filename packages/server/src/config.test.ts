import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('runs the demo hub on the embedded database with nothing set', () => {
    const config = loadConfig({}, '/srv/concord');
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: '/srv/concord/.concord/data' });
    expect(config.node).toBe('EAC');
    expect(config.demo.enabled).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:8080');
  });

  it('switches to a PostgreSQL server with DATABASE_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/concord', CONCORD_DEMO: 'false' });
    expect(config.database).toMatchObject({ kind: 'postgres', url: 'postgres://u@db:5432/concord' });
    expect(config.demo.enabled).toBe(false);
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', CONCORD_NODE: 'kenya', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
      message = (error as Error).message;
    }
    for (const variable of ['PORT', 'DATABASE_URL', 'CONCORD_NODE', 'LOG_LEVEL']) expect(message).toContain(variable);
    expect(message).toMatch(/4 problem/);
  });
});
