import type { FieldProblem } from '@infobank/platform';

/** What became of one deposited record. */
export type RecordStatus = 'accepted' | 'duplicate' | 'superseded' | 'rejected';

/** Why a record was refused; the rest of its batch is unaffected. */
export type RecordRejectionCode =
  /** Not an object of recordId, customerRef, category, observedAt and data of the right types. */
  | 'RECORD_MALFORMED'
  /** The batch holds an earlier record with this recordId. */
  | 'RECORD_ID_REPEATED'
  /** The category is not in the bank's catalog. */
  | 'CATEGORY_UNKNOWN'
  /** The customerRef has no active link at this provider (the individual never linked, or removed it). */
  | 'NOT_LINKED'
  /** The individual linked this provider, but not for this category. */
  | 'CATEGORY_NOT_LINKED'
  /** observedAt is not an RFC 3339 date-time with offset, or lies in the future. */
  | 'OBSERVED_AT_INVALID'
  /** data does not follow the category's JSON Schema. */
  | 'DATA_INVALID'
  /** data holds a value that reads as a 個人番号 (My Number), which the bank never stores. */
  | 'INDIVIDUAL_NUMBER_FOUND'
  /** This recordId is already held for another of the provider's customers. */
  | 'RECORD_OWNER_CHANGED';

/** A refused record: a stable code and the offending fields as JSON pointers into the batch. */
export interface RecordRejection {
  code: RecordRejectionCode;
  errors: FieldProblem[];
}

/** One line of the answer to a deposit, in the order of the batch's records. */
export interface RecordResult {
  /** The provider's id of the record; null when the record did not carry a usable one. */
  recordId: string | null;
  status: RecordStatus;
  code?: RecordRejectionCode;
  errors?: FieldProblem[];
}

/** The answer to a deposit; stored, so that the same batch sent again gets the same answer. */
export interface DepositResponse {
  batchId: string;
  results: RecordResult[];
}
