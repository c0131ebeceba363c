import { Injectable } from '@nestjs/common';
import { isCryptoError, verifyDpopProofSignature, type VerifiedDpopProof } from '@infobank/crypto';
import { createHash } from 'node:crypto';
import { InvalidDpopProofError, ReplayCacheResetError } from '../../auth.errors';
import {
  dpopEarliestAcceptance,
  dpopIssuedAtProblem,
  dpopReplayWindowSeconds,
  DPOP_PROOF_WINDOW_SECONDS,
  isUsableJti,
  mayPredateReplayEpoch,
} from '../domain/client-authentication-policy';
import { sameHttpTarget } from '../domain/http-target';
import { ReplayCache } from '../infrastructure/redis-replay-cache';

/** Longest DPoP header accepted (a PS256 proof with a 4096-bit key stays well under this). */
const MAX_PROOF_LENGTH = 8192;

/** The request a DPoP proof must be bound to. */
export interface DpopBinding {
  /** The request's HTTP method (`htm`). */
  method: string;
  /** The absolute URL the organisation called, without query (`htu`). */
  url: string;
  /** At resource routes, the access token the proof must hash (`ath`); absent at the token endpoint. */
  accessToken?: string;
  /** Seconds since the epoch. */
  now: number;
}

/** A DPoP proof that checked out for its request; its `jti` is not yet spent. */
export interface CheckedDpopProof {
  /** RFC 7638 thumbprint of the proof's key: the token's `cnf.jkt`. */
  jkt: string;
  jti: string;
  /** The proof's `iat` (seconds since the epoch). */
  iat: number;
}

/** Checks DPoP proofs (RFC 9449 §4.3) and spends their `jti` so that none is accepted twice. */
@Injectable()
export class DpopProofChecker {
  constructor(private readonly replayCache: ReplayCache) {}

  /** Verifies the proof's form, signature, `htm`, `htu`, `iat` and `ath`; changes nothing. */
  async check(header: string | string[] | undefined, binding: DpopBinding): Promise<CheckedDpopProof> {
    const proof = singleProof(header);
    let verified: VerifiedDpopProof;
    try {
      // jose's window is wider on purpose; the ±60 s rule is applied below, both ways.
      verified = await verifyDpopProofSignature(proof, {
        maxTokenAge: DPOP_PROOF_WINDOW_SECONDS,
        clockTolerance: DPOP_PROOF_WINDOW_SECONDS,
        currentDate: new Date(binding.now * 1000),
      });
    } catch (error) {
      if (isCryptoError(error)) {
        throw new InvalidDpopProofError(
          error.code === 'JOSE_TOKEN_EXPIRED'
            ? 'The DPoP proof is too old.'
            : 'The DPoP proof is malformed or its signature does not verify.',
          { cause: error },
        );
      }
      throw error;
    }
    const { payload, jwkThumbprint } = verified;
    const timeProblem = dpopIssuedAtProblem(payload.iat, binding.now);
    if (timeProblem !== undefined) throw new InvalidDpopProofError(`The DPoP proof is not fresh: ${timeProblem}.`);
    if (!isUsableJti(payload.jti)) throw new InvalidDpopProofError('The DPoP proof has no usable "jti".');
    if (payload.htm !== binding.method) throw new InvalidDpopProofError('The DPoP proof "htm" does not match the request method.');
    if (!sameHttpTarget(payload.htu, binding.url)) throw new InvalidDpopProofError('The DPoP proof "htu" does not match the request URL.');
    if (binding.accessToken !== undefined) {
      if (payload.ath === undefined) throw new InvalidDpopProofError('The DPoP proof has no "ath" (access token hash).');
      if (payload.ath !== accessTokenHash(binding.accessToken)) {
        throw new InvalidDpopProofError('The DPoP proof "ath" does not match the access token.');
      }
    }
    // dpopIssuedAtProblem found iat numeric.
    return { jkt: jwkThumbprint, jti: payload.jti, iat: payload.iat as number };
  }

  /**
   * Spends the proof's `jti` (per key); a second use is refused, and so is a proof that could have been
   * used before the replay cache last lost its data.
   */
  async spend(proof: CheckedDpopProof, now: number): Promise<void> {
    const use = await this.replayCache.record(`dpop:${proof.jkt}`, proof.jti, dpopReplayWindowSeconds(), now);
    if (!use.firstUse) throw new InvalidDpopProofError('The DPoP proof was used before.');
    if (mayPredateReplayEpoch(dpopEarliestAcceptance(proof.iat), use.epochStart)) throw new ReplayCacheResetError();
  }
}

/** `ath` as RFC 9449 §4.2 defines it: base64url(SHA-256(ASCII access token)). */
export function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest('base64url');
}

function singleProof(header: string | string[] | undefined): string {
  if (header === undefined || header === '') throw new InvalidDpopProofError('A DPoP proof header is required.');
  // Node joins repeated headers with ", "; a compact JWS has no comma. RFC 9449 allows exactly one.
  if (typeof header !== 'string' || header.includes(',')) throw new InvalidDpopProofError('Send exactly one DPoP header.');
  if (header.length > MAX_PROOF_LENGTH) throw new InvalidDpopProofError('The DPoP proof is too long.');
  return header;
}
