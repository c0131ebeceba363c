import { Injectable } from '@nestjs/common';
import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { refusedAddressProblem, webhookUrlRefusal } from '../domain/webhook-address';

/** How long one webhook POST may take, connection to response headers. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Media type of a notice webhook body (a compact JWS). */
const JOSE_MEDIA_TYPE = 'application/jose';

/** What became of one POST: refused before anything was sent, answered with a status, or not answered. */
export type WebhookPostResult =
  { kind: 'refused'; reason: string } | { kind: 'answered'; statusCode: number } | { kind: 'unanswered'; reason: string };

/**
 * POSTs a body to a recipient's webhook URL, guarding the bank's network: the URL must be https (plain
 * http only to loopback when local webhooks are allowed), every address the host resolves to must be
 * public unless local webhooks are allowed, and the connection goes to the very address that was
 * checked (a second DNS answer cannot redirect it). Redirects are not followed. Error reasons never
 * carry the URL or the body.
 */
@Injectable()
export class WebhookClient {
  async post(url: string, body: string, options: { allowLocal: boolean; timeoutMs?: number }): Promise<WebhookPostResult> {
    const urlRefusal = webhookUrlRefusal(url, options);
    if (urlRefusal !== undefined) return { kind: 'refused', reason: urlRefusal };
    const target = new URL(url);
    const hostname = target.hostname.startsWith('[') ? target.hostname.slice(1, -1) : target.hostname;
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolve(hostname);
    } catch (error) {
      // A name that does not resolve now may resolve later: not a refusal, a failed attempt.
      return { kind: 'unanswered', reason: `dns lookup failed (${errorCode(error)})` };
    }
    const addressProblem = refusedAddressProblem(
      addresses.map((entry) => entry.address),
      options,
    );
    if (addressProblem !== undefined) return { kind: 'refused', reason: addressProblem };
    return this.send(target, body, addresses, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
  }

  /** Every address the host name resolves to (an IP literal resolves to itself). */
  protected resolve(hostname: string): Promise<LookupAddress[]> {
    return lookup(hostname, { all: true, verbatim: true });
  }

  private send(target: URL, body: string, checked: readonly LookupAddress[], timeoutMs: number): Promise<WebhookPostResult> {
    // The connection resolves the name through this, so it can only reach the addresses checked above.
    const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      if (lookupOptions.all) callback(null, [...checked]);
      else callback(null, checked[0].address, checked[0].family);
    };
    const requestOptions: RequestOptions = {
      method: 'POST',
      headers: { 'content-type': JOSE_MEDIA_TYPE, 'content-length': Buffer.byteLength(body), 'user-agent': 'Infobank-Webhooks/1' },
      lookup: pinnedLookup,
      // No pooled socket: each POST connects to the address checked for it.
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<WebhookPostResult>((resolve) => {
      let request: ClientRequest | undefined = undefined;
      const settle = (result: WebhookPostResult): void => {
        resolve(result);
        request?.destroy();
      };
      request = send(target, requestOptions, (response: IncomingMessage) => {
        // The status is all that matters; the body is discarded (a 3xx is a failure, never followed).
        response.resume();
        settle({ kind: 'answered', statusCode: response.statusCode ?? 0 });
      });
      request.on('error', (error) => {
        settle({
          kind: 'unanswered',
          reason: error.name === 'AbortError' || error.name === 'TimeoutError' ? 'timeout' : `connection failed (${errorCode(error)})`,
        });
      });
      request.end(body);
    });
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'unknown';
}
