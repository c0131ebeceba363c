import { Injectable } from '@nestjs/common';
import { isUuid } from '@infobank/catalog';
import { type FieldProblem, type RequestContext, requireRecipient, ValidationFailedError } from '@infobank/platform';
import { TransferNotFoundError } from '../../provision.errors';
import type { PartStatus, SubjectStatus, TransferStatus } from '../domain/transfer-status';
import type { TransferEntity } from '../infrastructure/transfer.entity';
import { TRANSFERS_ARE_REQUESTED_BY_RECIPIENTS } from './transfer-access';
import { TransferQueries } from '../infrastructure/transfer.queries';

/** One subject of a transfer as its recipient sees it: the pseudonymous id, status, and why if denied. */
export interface TransferSubjectView {
  subject: string;
  status: SubjectStatus;
  reason: string | null;
  part: number | null;
}

/** One part as its recipient sees it. */
export interface TransferPartView {
  part: number;
  status: PartStatus;
  subjects: number;
  builtAt: string;
  expiresAt: string;
  deliveredAt: string | null;
}

/** A transfer in a list. */
export interface TransferSummary {
  id: string;
  offerId: string;
  status: TransferStatus;
  parts: number;
  requestedAt: string;
  readyAt: string | null;
  deliveredAt: string | null;
}

/** A transfer with its parts, subjects and counts per subject status. */
export interface TransferDetail extends TransferSummary {
  counts: Record<SubjectStatus, number>;
  partList: TransferPartView[];
  subjects: TransferSubjectView[];
}

/** The recipient's own transfer (another recipient's reads as not found). */
@Injectable()
export class GetTransferUseCase {
  constructor(private readonly queries: TransferQueries) {}

  async execute(ctx: RequestContext, transferId: unknown): Promise<TransferDetail> {
    const recipientId = requireRecipient(ctx, TRANSFERS_ARE_REQUESTED_BY_RECIPIENTS);
    if (!isUuid(transferId)) throw new TransferNotFoundError();
    const transfer = await this.queries.transferOf(ctx, recipientId, transferId);
    if (transfer === null) throw new TransferNotFoundError();
    const parts = await this.queries.partsOf(ctx, transferId);
    const subjects = await this.queries.subjectsOf(ctx, transferId);
    const counts: Record<SubjectStatus, number> = { pending: 0, awaiting_approval: 0, ready: 0, delivered: 0, denied: 0, expired: 0 };
    for (const subject of subjects) counts[subject.status] += 1;
    return {
      ...summary(transfer),
      counts,
      partList: parts.map((part) => ({
        part: part.part,
        status: part.status,
        subjects: part.subjectCount,
        builtAt: part.builtAt.toISOString(),
        expiresAt: part.expiresAt.toISOString(),
        deliveredAt: part.deliveredAt?.toISOString() ?? null,
      })),
      subjects: subjects.map((subject) => ({
        subject: subject.subjectId,
        status: subject.status,
        reason: subject.reason,
        part: subject.part,
      })),
    };
  }
}

/** Most transfers one page lists. */
export const TRANSFER_PAGE_SIZE = 50;

/** The recipient's transfers, newest first, optionally of one offer; keyset pages. */
@Injectable()
export class ListTransfersUseCase {
  constructor(private readonly queries: TransferQueries) {}

  async execute(
    ctx: RequestContext,
    query: { offerId?: unknown; cursor?: unknown },
  ): Promise<{ transfers: TransferSummary[]; nextCursor: string | null }> {
    const recipientId = requireRecipient(ctx, TRANSFERS_ARE_REQUESTED_BY_RECIPIENTS);
    const problems: FieldProblem[] = [];
    if (query.offerId !== undefined && !isUuid(query.offerId)) problems.push({ path: '/offerId', message: 'must be a UUID' });
    const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
    if (cursor === undefined) problems.push({ path: '/cursor', message: 'is not a cursor this API gave out' });
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const rows = await this.queries.pageOf(
      ctx,
      recipientId,
      { offerId: query.offerId as string | undefined, cursor: cursor ?? null },
      TRANSFER_PAGE_SIZE + 1,
    );
    const page = rows.slice(0, TRANSFER_PAGE_SIZE);
    return {
      transfers: page.map(summary),
      nextCursor: rows.length > TRANSFER_PAGE_SIZE ? encodeCursor(page[page.length - 1]) : null,
    };
  }
}

function summary(transfer: TransferEntity): TransferSummary {
  return {
    id: transfer.id,
    offerId: transfer.offerId,
    status: transfer.status,
    parts: transfer.partCount,
    requestedAt: transfer.requestedAt.toISOString(),
    readyAt: transfer.readyAt?.toISOString() ?? null,
    deliveredAt: transfer.deliveredAt?.toISOString() ?? null,
  };
}

function decodeCursor(value: unknown): { at: string; id: string } | undefined {
  if (typeof value !== 'string' || value.length > 200) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof parsed.at !== 'string' || Number.isNaN(Date.parse(parsed.at)) || !isUuid(parsed.id)) return undefined;
    return { at: parsed.at, id: parsed.id };
  } catch {
    return undefined;
  }
}

function encodeCursor(transfer: { requestedAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ at: transfer.requestedAt.toISOString(), id: transfer.id })).toString('base64url');
}
