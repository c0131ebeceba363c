/** A problem+json answer from the bank's API (RFC 9457), or a network failure with code NETWORK. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    /** The terms version to accept, when the code is TERMS_ACCEPTANCE_REQUIRED. */
    readonly version?: string,
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }
}

/** Asks the person for their password again (step-up); resolves to null when they cancel. */
export type StepUpPrompt = () => Promise<string | null>;

/**
 * Shows the current terms and asks the person to accept them (利用規約への同意); resolves true once they
 * accepted `version`, false when they leave it for later.
 */
export type TermsPrompt = (version: string) => Promise<boolean>;

/** What a call needs beyond its method and path. */
export interface CallOptions {
  body?: unknown;
  /** Ask for a step-up token before the call (actions the API always guards). */
  stepUp?: boolean;
  /** Return the raw response instead of parsed JSON. */
  raw?: boolean;
}

const STEP_UP_CODES = new Set(['STEP_UP_REQUIRED', 'CONSENT_STEP_UP_REQUIRED']);
// The app (portal or ethics board) keeps the refresh token in an HttpOnly cookie when asked with this header.
const COOKIE_SESSION = { 'x-infobank-session': 'cookie' };

/**
 * The bank's API for the browser, at the origin that served the page (the portal, or the ethics board
 * for its console). The access token lives in this object only (never in storage); the refresh token
 * lives in the HttpOnly cookie the app sets on the auth routes.
 */
export class ApiClient {
  private accessToken: string | null = null;
  private refreshing: Promise<boolean> | null = null;
  private stepUpPrompt: StepUpPrompt = async () => null;
  private termsPrompt: TermsPrompt = async () => false;
  private readonly signedOutListeners = new Set<() => void>();

  constructor(private readonly baseUrl = '') {}

  get signedIn(): boolean {
    return this.accessToken !== null;
  }

  /**
   * The `role` claim of the current access token (e.g. `board_member` or `staff` at the ethics board), read
   * only to choose what the screen offers: the API checks the signed token on every call.
   */
  get role(): string | null {
    const payload = this.accessToken?.split('.')[1];
    if (!payload) return null;
    try {
      const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: unknown };
      return typeof claims.role === 'string' ? claims.role : null;
    } catch {
      return null;
    }
  }

  /** The dialog that asks for the password when an action needs a step-up token. */
  setStepUpPrompt(prompt: StepUpPrompt): void {
    this.stepUpPrompt = prompt;
  }

  /** The dialog that leads the person to accept a new terms version when an action needs it (then the action is retried). */
  setTermsPrompt(prompt: TermsPrompt): void {
    this.termsPrompt = prompt;
  }

  /** Called when the session ends (sign-out, or a refresh the portal refused). */
  onSignedOut(listener: () => void): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  async register(details: {
    email: string;
    password: string;
    displayName: string;
    language: 'ja' | 'en';
    acceptedTermsVersion?: string;
  }): Promise<void> {
    await this.send('POST', '/v1/auth/register', { body: details }, false);
  }

  /** Calls a route that needs no session (verify-email, password reset): no token is sent, none is kept. */
  async anonymous<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.send(method, path, { body }, false)) as T;
  }

  async logIn(email: string, password: string): Promise<void> {
    const session = await this.send('POST', '/v1/auth/login', { body: { email, password } }, false, COOKIE_SESSION);
    this.accessToken = (session as { accessToken: string }).accessToken;
  }

  /** Resumes the session from the refresh cookie (after a reload); false when there is none. */
  resume(): Promise<boolean> {
    this.refreshing ??= this.send('POST', '/v1/auth/refresh', {}, false, COOKIE_SESSION)
      .then((session) => {
        this.accessToken = (session as { accessToken: string }).accessToken;
        return true;
      })
      .catch(() => {
        this.accessToken = null;
        return false;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  async logOut(): Promise<void> {
    try {
      await this.send('POST', '/v1/auth/logout', {}, false, COOKIE_SESSION);
    } finally {
      this.endSession();
    }
  }

  /** Ends every session of the account, on every device (this one included). */
  async logOutEverywhere(): Promise<void> {
    try {
      await this.call('POST', '/v1/auth/logout-everywhere');
    } finally {
      this.endSession();
    }
  }

  /** Calls the API as the signed-in person; refreshes an expired access token once and asks for step-up in place. */
  async call<T = unknown>(method: string, path: string, options: CallOptions = {}): Promise<T> {
    const headers: Record<string, string> = {};
    if (options.stepUp) headers['x-step-up-token'] = await this.stepUpToken();
    try {
      return (await this.send(method, path, options, true, headers)) as T;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401 && (await this.resume())) {
        return (await this.send(method, path, options, true, headers)) as T;
      }
      if (error instanceof ApiProblem && STEP_UP_CODES.has(error.code) && !options.stepUp) {
        return this.call<T>(method, path, { ...options, stepUp: true });
      }
      if (error instanceof ApiProblem && error.code === 'TERMS_ACCEPTANCE_REQUIRED' && error.version !== undefined) {
        // The dialog records the acceptance itself; then the action runs again, once.
        if (!(await this.termsPrompt(error.version))) throw new ApiProblem(0, 'TERMS_ACCEPTANCE_CANCELLED', 'Cancelled');
        return (await this.send(method, path, options, true, headers)) as T;
      }
      if (error instanceof ApiProblem && error.status === 401) this.endSession();
      throw error;
    }
  }

  private async stepUpToken(): Promise<string> {
    const password = await this.stepUpPrompt();
    if (password === null) throw new ApiProblem(0, 'STEP_UP_CANCELLED', 'Cancelled');
    const answer = (await this.send('POST', '/v1/auth/step-up', { body: { password } }, true)) as { stepUpToken: string };
    return answer.stepUpToken;
  }

  private endSession(): void {
    this.accessToken = null;
    for (const listener of this.signedOutListeners) listener();
  }

  private async send(
    method: string,
    path: string,
    options: CallOptions,
    authorised: boolean,
    extraHeaders: Record<string, string> = {},
  ): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...extraHeaders };
    if (authorised && this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiProblem(0, 'NETWORK', 'Network error');
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => ({}))) as { code?: string; title?: string; detail?: string; version?: unknown };
      throw new ApiProblem(
        response.status,
        problem.code ?? `HTTP_${response.status}`,
        problem.title ?? response.statusText,
        problem.detail,
        typeof problem.version === 'string' ? problem.version : undefined,
      );
    }
    if (options.raw) return response;
    const text = await response.text();
    return text ? JSON.parse(text) : undefined;
  }
}
