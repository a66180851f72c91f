import type { Command } from 'commander';
import pino from 'pino';
import { createNode, systemActor } from '@concord/server';
import { CliExit, type CliIo } from '../../io.ts';
import { withNodeDatabase } from '../../node-database.ts';
import { progressLine } from '../../progress.ts';

interface RotationStatus {
  id: string;
  targetKid: string;
  total: number;
  done: number;
  status: 'running' | 'done' | 'failed';
  error: string | null;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a rotation until it ends, drawing its progress. */
const follow = async (io: CliIo, read: () => Promise<RotationStatus>): Promise<RotationStatus> => {
  const progress = progressLine(io, 're-encrypting');
  for (;;) {
    const status = await read();
    progress.update(status.done, Math.max(status.total, status.done));
    if (status.status !== 'running') {
      progress.stop();
      return status;
    }
    await wait(250);
  }
};

const remote = async (io: CliIo, url: string, token: string): Promise<RotationStatus> => {
  const headers = { authorization: `Bearer ${token}` };
  const started = await fetch(`${url}/api/v1/governance/keys/rotate`, { method: 'POST', headers });
  const body = (await started.json()) as RotationStatus & { code?: string; message?: string };
  if (!started.ok) throw new CliExit(1, `error ${body.code}: ${body.message}`);
  return follow(io, async () => (await (await fetch(`${url}/api/v1/governance/keys/rotations/${body.id}`, { headers })).json()) as RotationStatus);
};

export const registerKeys = (program: Command, io: CliIo) => {
  const keys = program.command('keys').description('field encryption keys');
  keys
    .command('rotate')
    .description('activate a new field key and re-encrypt stored personal data, with progress; the node keeps serving')
    .option('--url <url>', 'a running node (default: open the local database; CONCORD_URL)')
    .option('--token <token>', 'an API token of a hub coordinator (CONCORD_TOKEN)')
    .action(async (options: { url?: string; token?: string }) => {
      const url = options.url ?? io.env.CONCORD_URL;
      const token = options.token ?? io.env.CONCORD_TOKEN;
      let status: RotationStatus;
      if (url) {
        if (!token) throw new CliExit(2, 'give --token (or CONCORD_TOKEN) with --url');
        status = await remote(io, url.replace(/\/$/, ''), token);
      } else {
        status = await withNodeDatabase(io, async (db, config) => {
          const node = await createNode({ config, db, logger: pino({ level: 'silent' }) });
          const started = await node.services.governance.rotation.rotate(systemActor('cli'));
          const result = await follow(io, async () => (await node.services.governance.rotation.status(started.id)) as RotationStatus);
          await node.services.governance.rotation.settled();
          await node.app.close();
          return result;
        });
      }
      if (status.status !== 'done') throw new CliExit(1, `key rotation ${status.status}: ${status.error ?? 'unknown error'}`);
      io.stdout.write(`new field key ${status.targetKid} active; ${status.done} values re-encrypted\n`);
    });
};
