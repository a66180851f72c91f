import { createHash } from 'node:crypto';
import { canonicalJson } from '@concord/core';

/**
 * The hash chain of the audit log. Each row's hash is SHA-256 over the
 * previous row's hash and the row's own content in canonical JSON (RFC 8785),
 * so any edit, insertion or deletion breaks every later link.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  jurisdiction: string | null;
  details: unknown;
}

export const auditHash = (prevHash: string, content: AuditContent): string =>
  createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(content))
    .digest('hex');
