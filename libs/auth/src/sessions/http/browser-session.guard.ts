import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ApiErrors } from '@infobank/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  clearedRefreshCookie,
  COOKIE_SESSION_MODE,
  cookieValue,
  isOriginAllowed,
  originOf,
  refreshCookie,
  SESSION_MODE_HEADER,
} from '../domain/browser-session';
import { OriginRefusedError } from '../sessions.errors';

/** Injection token of this app's BrowserSessionSettings. */
export const BROWSER_SESSION_SETTINGS = Symbol('BROWSER_SESSION_SETTINGS');

/** Whether an app offers cookie sessions to browsers, under which cookie, and which other origins' pages may use them. */
export interface BrowserSessionSettings {
  /** The refresh cookie's name; null: this app offers no cookie sessions (the header is ignored). */
  cookieName: string | null;
  /** Origins besides the app's own (WEB_ALLOWED_ORIGINS). */
  allowedOrigins: readonly string[];
}

/** The cookie-session side of one request and its reply: which mode it asked for, its cookie, and setting or clearing it. */
export class BrowserSession {
  private constructor(
    private readonly settings: BrowserSessionSettings,
    private readonly request: FastifyRequest,
    private readonly reply: FastifyReply,
  ) {}

  static of(settings: BrowserSessionSettings, request: FastifyRequest, reply: FastifyReply): BrowserSession {
    return new BrowserSession(settings, request, reply);
  }

  /** True when the app offers cookie sessions and the request asked for one (`X-Infobank-Session: cookie`). */
  get requested(): boolean {
    return this.settings.cookieName !== null && this.request.headers[SESSION_MODE_HEADER] === COOKIE_SESSION_MODE;
  }

  /** The refresh token the request's cookie carries, if any. */
  get refreshToken(): string | undefined {
    return this.settings.cookieName === null ? undefined : cookieValue(this.request.headers.cookie, this.settings.cookieName);
  }

  /** Hands the browser a new refresh token in the cookie. */
  keep(refreshToken: string): void {
    if (this.settings.cookieName !== null) void this.reply.header('set-cookie', refreshCookie(this.settings.cookieName, refreshToken));
  }

  /** Makes the browser forget the refresh cookie. */
  clear(): void {
    if (this.settings.cookieName !== null) void this.reply.header('set-cookie', clearedRefreshCookie(this.settings.cookieName));
  }
}

/**
 * Refuses (403 ORIGIN_REFUSED, before any handler runs) a request carrying the refresh cookie or asking
 * for a cookie session unless its `Origin` is the app's own (the scheme, host and port it was
 * addressed to, through TRUSTED_PROXIES' forwarded proto and host) or listed in WEB_ALLOWED_ORIGINS.
 * Requests without cookie or header (the JSON API's clients) pass untouched.
 */
@Injectable()
@ApiErrors('ORIGIN_REFUSED')
export class BrowserOriginGuard implements CanActivate {
  constructor(@Inject(BROWSER_SESSION_SETTINGS) private readonly settings: BrowserSessionSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const session = BrowserSession.of(this.settings, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
    if (!session.requested && session.refreshToken === undefined) return true;
    const request = http.getRequest<FastifyRequest>();
    const origin = request.headers.origin;
    if (isOriginAllowed(origin, originOf(request.protocol, request.host), this.settings.allowedOrigins)) return true;
    throw new OriginRefusedError();
  }
}
