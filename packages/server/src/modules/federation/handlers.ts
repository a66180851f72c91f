import type { Obligation } from '@concord/core';
import type { Envelope, MessageBody, MessageType } from '@concord/core/federation/index';
import type { Db } from '../../db/database.ts';
import * as received from './received.repo.ts';

/** A message as a handler sees it: checked, permitted, and about to be stored. */
export interface ReceivedMessage {
  envelope: Envelope;
  body: MessageBody;
  /** The date by which the pact says the data in it must be deleted, when it says so. */
  retainUntil: string | null;
  receivedAt: Date;
  /** This node's own decisions that let the message in, the primary one first. */
  decisionIds: string[];
  /** This node's primary decision: the pact version and clause it let the message in under, with its obligations (a decision clock, a repayment term). */
  decision: { id: string; pactId: string; pactVersion: number; clauseId: string; obligations: Obligation[] };
}

/**
 * Applies a received message inside the transaction that stores it in the
 * inbox: whatever a handler writes commits with the inbox row or not at all,
 * which is what makes a redelivery apply nothing twice.
 */
export type ReceiveHandler = (tx: Db, message: ReceivedMessage) => Promise<void>;

const subjectOf = (body: MessageBody): string => {
  switch (body.type) {
    case 'stock-request':
    case 'stock-answer':
    case 'licence-verification':
      return body.payload.requestId;
    case 'referral-request':
    case 'referral-status':
      return body.payload.referralId;
    case 'sanction-alert':
      return body.payload.sanctionId;
    case 'disbursement-notice':
      return body.payload.disbursementId;
    case 'aggregate-submission':
      return body.payload.submissionId;
    case 'alert':
    case 'alert-update':
      return body.payload.alertId;
  }
};

/** The default handler: keeps what arrived in the federation's own tables, listed by the API. */
export const storeReceived: ReceiveHandler = async (tx, { envelope, body, retainUntil, receivedAt }) => {
  switch (body.type) {
    case 'alert':
    case 'alert-update': {
      const p = body.payload;
      const isAlert = body.type === 'alert';
      await received.upsertAlert(tx, {
        recipient: envelope.to,
        sender: envelope.from,
        alertId: p.alertId,
        party: p.party,
        disease: p.disease,
        level: p.level,
        status: body.type === 'alert-update' ? body.payload.status : 'open',
        revision: body.type === 'alert-update' ? body.payload.revision : 0,
        title: isAlert ? body.payload.title : null,
        summary: body.type === 'alert' ? (body.payload.summary ?? null) : body.type === 'alert-update' ? (body.payload.note ?? null) : null,
        area: body.type === 'alert' ? (body.payload.area ?? null) : null,
        cases: p.cases ?? null,
        deaths: p.deaths ?? null,
        caseReports: p.caseReports ?? null,
        caseReportsWithheld: p.caseReportsWithheld ?? 0,
        detectedAt: body.type === 'alert' ? new Date(body.payload.detectedAt) : null,
        messageId: envelope.id,
        receivedAt,
        retainUntil,
      });
      return;
    }
    case 'aggregate-submission': {
      const p = body.payload;
      await received.insertAggregate(tx, {
        messageId: envelope.id,
        recipient: envelope.to,
        sender: envelope.from,
        submissionId: p.submissionId,
        party: p.party,
        disease: p.disease,
        purpose: p.purpose,
        place: p.granularity.place,
        time: p.granularity.time,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        cells: p.cells,
        suppressedCells: p.cells.filter((cell) => cell.count === null).length,
        visibleTotal: p.cells.reduce((sum, cell) => sum + (cell.count ?? 0), 0),
        receivedAt,
        retainUntil,
      });
      return;
    }
    default:
      await received.insertRecord(tx, {
        messageId: envelope.id,
        type: body.type,
        sender: envelope.from,
        recipient: envelope.to,
        subject: subjectOf(body),
        payload: body.payload as Record<string, unknown>,
        receivedAt,
        retainUntil,
      });
  }
};

export interface HandlerRegistry {
  /** Other contexts add their own handling of a type; it runs after the default one, in the same transaction. */
  on(type: MessageType, handler: ReceiveHandler): void;
  apply(tx: Db, message: ReceivedMessage): Promise<void>;
}

export const createHandlerRegistry = (): HandlerRegistry => {
  const handlers = new Map<MessageType, ReceiveHandler[]>();
  return {
    on(type, handler) {
      handlers.set(type, [...(handlers.get(type) ?? []), handler]);
    },
    async apply(tx, message) {
      await storeReceived(tx, message);
      for (const handler of handlers.get(message.body.type) ?? []) await handler(tx, message);
    },
  };
};
