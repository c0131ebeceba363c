// The chaos run's set-up through the operator's and the libraries' own entry points: operator commands
// from dist, and a provider and two recipients with approved offers through the use cases.
import { NestFactory } from '@nestjs/core';
import { CreateOrganisationUseCase, validCorporateNumber } from '@infobank/catalog';
import { SCHEMA } from '@infobank/migrations';
import { CreateOfferUseCase, RecordReviewOutcomeUseCase, SubmitOfferUseCase, type OfferTerms } from '@infobank/offers';
import { createLogger, createRequestContext, loadConfig } from '@infobank/platform';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { marketingOfferTerms, ProvisionPathModule } from '../bench/provision-path';
import { OrganisationClient, signingKey, type Traffic } from './clients';
import type { Recipient } from './workload';

/** Operator commands still running (stopped by `stopAdminCommands` when the run is interrupted). */
const running = new Set<ChildProcess>();

/** Kills every operator command still running (clean-up after Ctrl-C). */
export function stopAdminCommands(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Runs an operator command from dist (keys, migrations, board members) against the cluster directly. */
export function admin(env: Record<string, string>, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'apps', 'admin', 'src', 'main.js'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
    });
    running.add(child);
    child.once('exit', () => running.delete(child));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`admin ${args[0]} failed (${code}): ${stderr}`))));
  });
}

/** A provider and two recipients with approved offers, through the libraries' use cases (as the operator and the board would). */
export async function seed(env: Record<string, string>, traffic: Traffic, urls: { intake: string; gateway: string }) {
  const config = loadConfig({ ...process.env, ...env });
  const context = await NestFactory.createApplicationContext(
    ProvisionPathModule.register({
      service: 'chaos-seed',
      config,
      logger: createLogger({ level: 'warn', service: 'chaos-seed', destination: process.stderr }),
      ...SCHEMA,
    }),
    { logger: false, abortOnError: false },
  );
  try {
    const get = <T>(type: new (...args: never[]) => T): T => context.get(type, { strict: false });
    const operator = createRequestContext({ type: 'operator', name: 'chaos' });
    const organisation = async (name: string, roles: ('provider' | 'recipient')[], encryptionKey?: Record<string, unknown>) => {
      const key = await signingKey('ES256');
      const { id } = await get(CreateOrganisationUseCase).execute(operator, {
        corporateNumber: validCorporateNumber(String(randomInt(100_000_000_000, 999_999_999_999))),
        name: { ja: `${name}株式会社`, en: `${name} K.K.` },
        country: 'JP',
        roles,
        signingKeys: [key.publicJwk],
        termsVersion: '2026-04',
        ...(encryptionKey ? { encryptionKey } : {}),
      });
      return { id, key };
    };
    const provider = await organisation('障害試験ストア', ['provider']);
    const recipients: Recipient[] = [];
    for (const name of ['障害試験分析', '障害試験保険']) {
      const encryption = await generateKeyPair('ECDH-ES+A256KW', { crv: 'X25519', extractable: true });
      const recipient = await organisation(name, ['recipient'], {
        ...(await exportJWK(encryption.publicKey)),
        use: 'enc',
        alg: 'ECDH-ES+A256KW',
      });
      const ctx = createRequestContext({ type: 'organisation', id: recipient.id, roles: ['recipient'] });
      const terms = {
        ...marketingOfferTerms([{ itemId: 'purchase.receipts#/lineItems', required: true }]),
        fetch: { type: 'periodic' as const, per: 'day' as const, max: 1000 },
      };
      const { id: offerId } = await get(CreateOfferUseCase).execute(ctx, terms as unknown as OfferTerms);
      await get(SubmitOfferUseCase).execute(ctx, offerId);
      await get(RecordReviewOutcomeUseCase).execute(createRequestContext({ type: 'system', name: 'chaos.review' }), {
        offerId,
        round: 1,
        outcome: 'approved',
        reasons: ['障害試験のための承認'],
        decidedAt: new Date(),
        caseId: randomUUID(),
        suspended: false,
      });
      recipients.push({
        client: new OrganisationClient(traffic, 'gateway', urls.gateway, recipient.id, recipient.key, await signingKey('EdDSA')),
        offerId,
      });
    }
    return {
      provider: new OrganisationClient(traffic, 'intake', urls.intake, provider.id, provider.key, await signingKey('EdDSA')),
      recipients,
    };
  } finally {
    await context.close();
  }
}
