import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** The repository's root (this file runs from test/openapi under Jest and from dist/test/openapi when compiled). */
export function repositoryRoot(): string {
  let directory = __dirname;
  while (!existsSync(join(directory, 'architecture.cjs'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('The repository root (with architecture.cjs) was not found above ' + __dirname);
    directory = parent;
  }
  return directory;
}

/**
 * What a code means where no error class with a doc comment names it alone (codes an error class shares
 * through a type, and the platform's generic codes answered for Fastify's and Nest's own errors).
 */
const MEANINGS: Readonly<Record<string, string>> = {
  BODY_TOO_LARGE: 'The request body is larger than the app accepts (HTTP_BODY_LIMIT_BYTES; deposits have their own limit).',
  CONFLICT: 'The request conflicts with the current state of the resource.',
  FORBIDDEN: 'You are signed in, but your role may not do this (e.g. a complaints-desk member at a board-only route).',
  METHOD_NOT_ALLOWED: 'The path exists but not with this HTTP method.',
  NOT_ACCEPTABLE: 'The app cannot answer in any media type the Accept header allows.',
  UNSUPPORTED_MEDIA_TYPE:
    'The body’s Content-Type is not one this route reads (JSON; form bodies at /oauth/token; application/jose for deposits).',
  INTERNAL_ERROR:
    'Something failed that the app did not expect. The body holds only an `errorId`; the operator’s log has the rest under it.',
  CONSENT_ALREADY_PAUSED: 'The consent is already paused.',
  CONSENT_ALREADY_REVOKED: 'The consent has been withdrawn; it cannot change any more.',
  CONSENT_ENDED: 'The consent has ended (withdrawn or expired); it cannot change any more.',
  CONSENT_EXPIRY_NOT_IN_FUTURE: 'The new expiry of the consent is not in the future.',
  CONSENT_NOT_DUE: 'The consent is not due to expire yet.',
  CONSENT_NOT_PAUSED: 'The consent is not paused, so it cannot be resumed.',
  INCIDENTS_FORBIDDEN: 'Only board members and complaints-desk staff handle incidents.',
  OFFER_NOT_EDITABLE: 'The offer can be changed only while it is a draft or after the board requested changes.',
  OFFER_NOT_IN_REVIEW: 'The offer is not under review in that round.',
  OFFER_NOT_SUBMITTABLE: 'The offer can be submitted only while it is a draft or after the board requested changes.',
  OFFER_NOT_SUSPENDABLE: 'The offer is not approved, so a stop-use order cannot suspend it.',
  OFFER_NOT_SUSPENDED: 'The offer is not suspended, so there is no suspension to lift.',
  OFFER_NOT_WITHDRAWABLE: 'The offer cannot be withdrawn while the board reviews it or after it has ended.',
  STOP_USE_ORDER_NOT_EFFECTIVE: 'The stop-use order is not in effect, so it cannot be lifted.',
  STOP_USE_ORDER_NOT_PROPOSED: 'The stop-use order is not a proposal awaiting votes.',
};

/** What a caller should do, where the status's general advice is not enough. */
const ADVICE: Readonly<Record<string, string>> = {
  ACCOUNT_TOKEN_EXPIRED: 'Ask for a new link (POST /v1/auth/password-reset, or resend the verification mail) and use it.',
  ACCOUNT_TOKEN_INVALID: 'Use the newest link that was mailed, once; or ask for a new one.',
  BATCH_ID_REUSED:
    'A batchId names one batch for good: retry the identical batch under the same batchId, or send a new batch under a new one.',
  CONSENT_PROOF_PENDING: 'The event is not sealed into the log yet: retry after a few seconds.',
  CONSENT_STEP_UP_REQUIRED:
    'The offer includes sensitive items: re-enter the password at POST /v1/auth/step-up and send `X-Step-Up-Token`.',
  CONSENT_VERSION_CONFLICT: 'Read the consent again and retry the change on its current version.',
  CUSTOMER_REF_IN_USE: 'The customer reference is linked to another individual already; check your reference, or unlink it first.',
  DEPOSIT_KEY_UNKNOWN: 'Sign with a key registered for your organisation (the JWS header `kid` names it), or register the key first.',
  DEPOSIT_SIGNATURE_INVALID:
    'Sign the batch again with your registered key and the pinned algorithm; do not change the payload after signing.',
  DEPOSIT_TOO_LARGE: 'Split the records into smaller batches, each with its own batchId.',
  DISCLOSURE_IN_PROGRESS: 'Wait until the earlier request is ready (GET /v1/me/disclosures), then download it.',
  DISCLOSURE_NOT_READY: 'Poll GET /v1/me/disclosures/{id} until it is ready, then ask for the download token.',
  DISCLOSURE_TOKEN_INVALID: 'Ask for a new download token (POST /v1/me/disclosures/{id}/download-token); each token works once.',
  EMAIL_VERIFICATION_REQUIRED: 'Verify the e-mail address with the link the bank mailed (or resend it), then retry.',
  ENCRYPTION_KEY_MISSING: 'Register the recipient’s encryption key with the bank operator, then retry.',
  INVALID_CREDENTIALS: 'Check the e-mail address and password; after repeated failures wait as `Retry-After` says.',
  INVALID_REFRESH_TOKEN: 'Sign in again; the refresh token was spent, expired or revoked.',
  LINK_CODE_INVALID: 'Ask the individual for a new link code from the portal; codes are single-use and short-lived.',
  PACKAGE_STALE: 'The part is being rebuilt without what changed: wait (GET the transfer until it is ready again) and download it then.',
  PART_GONE: 'Request a new transfer if you still may and need the data.',
  PART_WITHDRAWN:
    'Do not use the data: a consent was withdrawn. Delete what you hold of it and attest the deletion when the notice arrives.',
  PROVISION_PROOF_NOT_READY: 'The provision is not sealed into the log yet: retry after a few seconds.',
  VALIDATION_FAILED: 'Fix the fields `errors` names (each with its JSON path) and send again.',
  UNAUTHENTICATED: 'Sign in again, or renew the access token with POST /v1/auth/refresh, then retry.',
  INVALID_TOKEN: 'Get a new access token at POST /oauth/token and retry with it (and a new DPoP proof).',
  INVALID_DPOP_PROOF:
    'Send a fresh DPoP proof for this exact method and URL (new `jti`, current `iat`, `ath` of the token); if the answer carries a `DPoP-Nonce` header, put that nonce in the proof.',
  INVALID_CLIENT:
    'Check the client assertion: signed with the organisation’s registered key, `iss`/`sub` = client id, `aud` = the token endpoint, fresh `jti` and `exp`.',
  STEP_UP_REQUIRED: 'Re-enter the password at POST /v1/auth/step-up and send the token it returns in `X-Step-Up-Token`.',
  RATE_LIMITED: 'Wait the number of seconds in `Retry-After`, then retry.',
  SERVICE_UNAVAILABLE: 'Retry after a short, growing delay; the bank is starting, stopping or a store it needs is down.',
  INTERNAL_ERROR: 'Retry later; if it persists, give the operator the `errorId`.',
  TERMS_VERSION_NOT_CURRENT: 'Read the current version (named in `currentVersion`), show it, and accept that version.',
  CONTRACT_ACCEPTANCE_REQUIRED: 'Accept the current contract version (GET/POST /v1/organisation/contract) and retry.',
  TERMS_ACCEPTANCE_REQUIRED: 'Accept the current terms at POST /v1/me/terms/accept and retry.',
  ORIGIN_REFUSED: 'Use cookie sessions only from the portal’s own pages; other clients send the refresh token in the body.',
  WRONG_ROLE:
    'Call this API with the credentials of an organisation that holds the role (provider at the intake, recipient at the gateway).',
  IDEMPOTENCY_KEY_REUSED: 'Use a new Idempotency-Key for a different request; reuse a key only to retry the identical request.',
};

/** The general advice for a status. */
const ADVICE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'Fix the request as `detail` says; sending it again unchanged fails again.',
  401: 'Authenticate again (new token or credentials) and retry.',
  403: 'Do not retry: this caller may not do this. Ask the bank if you think it should.',
  404: 'Check the id or path; objects of other people or organisations read as not found.',
  405: 'Use a method the route accepts.',
  406: 'Accept application/json (or the media type the route documents).',
  409: 'Read the resource’s current state, then decide; retrying unchanged fails again.',
  410: 'It is gone for good; start again (e.g. request a new one).',
  413: 'Send a smaller body (split a batch).',
  415: 'Send the Content-Type the route documents.',
  422: 'The request is well-formed but cannot be processed as is; change it as `detail` says.',
  429: 'Wait the number of seconds in `Retry-After`, then retry.',
  500: 'Retry later; if it persists, give the operator the `errorId`.',
  502: 'Retry later.',
  503: 'Retry after a short, growing delay.',
};

/** One row of docs/errors.md. */
export interface CatalogueEntry {
  code: string;
  status: number;
  apps: string[];
  meaning: string;
  advice: string;
}

/**
 * The catalogue of every code the apps answer with: the status from the apps' maps, the meaning from the
 * doc comment of the error class that throws it (or MEANINGS above), the advice from ADVICE or the status.
 * Throws when a code has no meaning, or when two apps give one code different statuses.
 */
export function errorCatalogue(apps: readonly { name: string; statusByCode: Readonly<Record<string, number>> }[]): CatalogueEntry[] {
  const documented = documentedErrorClasses();
  const entries = new Map<string, CatalogueEntry>();
  const add = (code: string, status: number, app: string | undefined): void => {
    const existing = entries.get(code);
    if (existing !== undefined) {
      if (existing.status !== status)
        throw new Error(`${code} is ${existing.status} in ${existing.apps.join(', ')} but ${status} in ${app}.`);
      if (app !== undefined) existing.apps.push(app);
      return;
    }
    const meaning = documented.get(code) ?? MEANINGS[code];
    if (meaning === undefined) {
      throw new Error(`${code} has no meaning: give the error class that throws it a doc comment, or add it to MEANINGS in ${__filename}.`);
    }
    entries.set(code, {
      code,
      status,
      apps: app === undefined ? [] : [app],
      meaning,
      advice: ADVICE[code] ?? ADVICE_BY_STATUS[status] ?? '',
    });
  };
  for (const app of apps) for (const [code, status] of Object.entries(app.statusByCode)) add(code, status, app.name);
  add('INTERNAL_ERROR', 500, undefined);
  for (const entry of entries.values()) if (entry.apps.length === 0) entry.apps = apps.map((app) => app.name);
  const stale = [...Object.keys(MEANINGS), ...Object.keys(ADVICE)].filter((code) => !entries.has(code));
  if (stale.length > 0) throw new Error(`MEANINGS or ADVICE in ${__filename} name codes no app answers with: ${stale.join(', ')}.`);
  return [...entries.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** docs/errors.md. */
export function renderErrorCatalogue(entries: readonly CatalogueEntry[]): string {
  const cell = (text: string): string => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
  const lines = [
    '# Error codes',
    '',
    '<!-- Generated by `npm run openapi` from the apps’ error maps and the error classes’ doc comments; do not edit by hand. -->',
    '',
    'Every error is `application/problem+json` (RFC 9457) with a stable `code`: branch on `code`, never on `title` or `detail`.',
    'Some codes add members that say how to proceed (e.g. `currentVersion`); `VALIDATION_FAILED` lists the fields in `errors`;',
    'a 500 carries only an `errorId`. Which routes answer with which code is in each app’s OpenAPI document',
    '([portal](openapi/portal.json), [intake](openapi/intake.json), [gateway](openapi/gateway.json),',
    '[ethics board](openapi/ethics-board.json)), under each operation’s error responses (`x-error-codes`).',
    '',
    '| code | status | apps | meaning | what to do |',
    '| ---- | ------ | ---- | ------- | ---------- |',
    ...entries.map(
      (entry) => `| \`${entry.code}\` | ${entry.status} | ${entry.apps.join(', ')} | ${cell(entry.meaning)} | ${cell(entry.advice)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

/** Code → doc comment of the error class declared for that code alone or for a union of literal codes. */
function documentedErrorClasses(): Map<string, string> {
  const root = repositoryRoot();
  const meanings = new Map<string, string>();
  const pattern = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export class \w+(?:<[^>]*>)? extends \w+<((?:\s*\|?\s*'[A-Z][A-Z0-9_]*')+)\s*>/g;
  for (const file of sourceFiles(join(root, 'libs')).concat(sourceFiles(join(root, 'apps')))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(pattern)) {
      const comment = match[1]
        .split('\n')
        .map((line) => line.replace(/^\s*\*\s?/, ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      for (const code of match[2].match(/[A-Z][A-Z0-9_]*/g) ?? []) {
        if (!meanings.has(code)) meanings.set(code, comment);
      }
    }
  }
  return meanings;
}

function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') files.push(...sourceFiles(path));
    } else if (entry.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      files.push(path);
    }
  }
  return files.sort((a, b) => relative(directory, a).localeCompare(relative(directory, b)));
}
