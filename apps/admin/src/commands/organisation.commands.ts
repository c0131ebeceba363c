import {
  ActivateOrganisationUseCase,
  AddSigningKeyUseCase,
  CreateOrganisationUseCase,
  RemoveSigningKeyUseCase,
  SuspendOrganisationUseCase,
  type OrganisationRole,
} from '@infobank/catalog';
import type { JWK } from '@infobank/crypto';
import { withAdminContext } from '../admin-context';
import { CliUsageError, type CommandOptions } from '../cli-arguments';
import type { AdminCommand } from './admin-command';

/** Reads a signing key set: a JWKS (`{ "keys": [...] }`), an array of JWKs, or one JWK. */
function signingKeys(options: CommandOptions): JWK[] {
  const content = options.jsonFile('signing-jwks');
  if (Array.isArray(content)) return content as JWK[];
  if (typeof content === 'object' && content !== null && Array.isArray((content as { keys?: unknown }).keys)) {
    return (content as { keys: JWK[] }).keys;
  }
  if (typeof content === 'object' && content !== null && 'kty' in content) return [content as JWK];
  throw new CliUsageError('--signing-jwks: the file must hold a JWK Set ({ "keys": [...] }), an array of JWKs or one JWK');
}

function oneKey(options: CommandOptions, name: string): JWK {
  const content = options.jsonFile(name);
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    throw new CliUsageError(`--${name}: the file must hold one JWK (a JSON object)`);
  }
  return content as JWK;
}

export const ORGANISATION_COMMANDS: readonly AdminCommand[] = [
  {
    name: 'org:create',
    usage:
      '--corporate-number N --name-ja S [--name-en S] --country JP --roles provider,recipient --signing-jwks FILE [--encryption-jwk FILE] [--webhook-url URL] --terms-version V: register a provider and/or recipient; the same details again print the same id',
    options: [
      'corporate-number',
      'name-ja',
      'name-en',
      'country',
      'roles',
      'signing-jwks',
      'encryption-jwk',
      'webhook-url',
      'terms-version',
    ],
    fields: {
      '/corporateNumber': 'corporate-number',
      '/name/ja': 'name-ja',
      '/name/en': 'name-en',
      '/name': 'name-ja',
      '/country': 'country',
      '/roles': 'roles',
      '/signingKeys': 'signing-jwks',
      '/encryptionKey': 'encryption-jwk',
      '/webhookUrl': 'webhook-url',
      '/termsVersion': 'terms-version',
    },
    run: (config, options) => {
      const nameEn = options.optional('name-en');
      const command = {
        corporateNumber: options.required('corporate-number'),
        name: { ja: options.required('name-ja'), ...(nameEn === undefined ? {} : { en: nameEn }) },
        country: options.required('country'),
        roles: options.list('roles') as OrganisationRole[],
        signingKeys: signingKeys(options),
        encryptionKey: options.optional('encryption-jwk') === undefined ? undefined : oneKey(options, 'encryption-jwk'),
        webhookUrl: options.optional('webhook-url'),
        termsVersion: options.required('terms-version'),
      };
      return withAdminContext(config, (app, ctx) => app.get(CreateOrganisationUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:add-key',
    usage: '--org ID --jwk FILE: register another public signing key (rotation: add the new, then remove the old)',
    options: ['org', 'jwk'],
    fields: { '/organisationId': 'org', '/jwk': 'jwk' },
    run: (config, options) => {
      const command = { organisationId: options.required('org'), jwk: oneKey(options, 'jwk') };
      return withAdminContext(config, (app, ctx) => app.get(AddSigningKeyUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:remove-key',
    usage: '--org ID --kid KID: stop accepting a signing key (the last one cannot be removed)',
    options: ['org', 'kid'],
    fields: { '/organisationId': 'org', '/kid': 'kid' },
    run: (config, options) => {
      const command = { organisationId: options.required('org'), kid: options.required('kid') };
      return withAdminContext(config, (app, ctx) => app.get(RemoveSigningKeyUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:suspend',
    usage: '--org ID: no new tokens, and its live tokens stop working at once',
    options: ['org'],
    fields: { '/organisationId': 'org' },
    run: (config, options) => {
      const command = { organisationId: options.required('org') };
      return withAdminContext(config, (app, ctx) => app.get(SuspendOrganisationUseCase).execute(ctx, command));
    },
  },
  {
    name: 'org:activate',
    usage: '--org ID: lift a suspension',
    options: ['org'],
    fields: { '/organisationId': 'org' },
    run: (config, options) => {
      const command = { organisationId: options.required('org') };
      return withAdminContext(config, (app, ctx) => app.get(ActivateOrganisationUseCase).execute(ctx, command));
    },
  },
];
