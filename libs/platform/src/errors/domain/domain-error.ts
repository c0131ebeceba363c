/** One problem with one field of the input, as shown in problem+json `errors[]`. */
export interface FieldProblem {
  /** JSON-pointer-like path of the offending field, e.g. `/records/3/observedAt`. */
  path: string;
  message: string;
}

/**
 * Base of every error a library throws on purpose. `code` is stable and part of the API; each app's
 * problem+json filter maps it to an HTTP status. Libraries never throw HTTP exceptions.
 */
export class DomainError<Code extends string = string> extends Error {
  readonly errors: FieldProblem[];
  /** Extra members of the problem body that tell a client how to proceed (never personal data). */
  readonly extensions: Readonly<Record<string, string | number | boolean>>;

  constructor(
    readonly code: Code,
    detail: string,
    options: { cause?: unknown; errors?: FieldProblem[]; extensions?: Readonly<Record<string, string | number | boolean>> } = {},
  ) {
    super(detail, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.errors = options.errors ?? [];
    this.extensions = options.extensions ?? {};
  }
}

/** The request (or job payload) is not what the contract says. */
export class ValidationFailedError extends DomainError<'VALIDATION_FAILED'> {
  constructor(errors: FieldProblem[], detail = 'The request is not valid; see errors for each field.') {
    super('VALIDATION_FAILED', detail, { errors });
  }
}

/** The object does not exist, or the caller may not know that it exists. */
export class NotFoundError extends DomainError<'NOT_FOUND'> {
  constructor(detail = 'Not found.') {
    super('NOT_FOUND', detail);
  }
}

/** No one is signed in, or the credentials do not name an actor this route serves. */
export class UnauthenticatedError extends DomainError<'UNAUTHENTICATED'> {
  constructor(detail = 'A valid access token is required.', options: { cause?: unknown } = {}) {
    super('UNAUTHENTICATED', detail, options);
  }
}

/**
 * The actor is known but of a kind that may not do this. The code defaults to `FORBIDDEN`; a library
 * passes its own code (for example `NOT_A_BOARD_MEMBER`) where its routes have promised one.
 */
export class ForbiddenError<Code extends string = 'FORBIDDEN'> extends DomainError<Code> {
  constructor(code: Code, detail = 'This actor may not do this.') {
    super(code, detail);
  }
}
