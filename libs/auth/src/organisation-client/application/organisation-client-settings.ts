import type { OrganisationRole } from '@infobank/catalog';

/** Injection token of the OrganisationClientSettings of the API a process serves. */
export const ORGANISATION_CLIENT_SETTINGS = Symbol('ORGANISATION_CLIENT_SETTINGS');

/** Which API this process is to organisations: where they reach it and which role it serves. */
export interface OrganisationClientSettings {
  /** The API's public URL (config.http.publicUrls): issuer and audience of its access tokens. */
  publicUrl: string;
  /** The role an organisation needs to get a token here: `provider` at intake, `recipient` at the gateway. */
  role: OrganisationRole;
}
