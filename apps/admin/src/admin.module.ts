import { userInfo } from 'node:os';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccountsModule } from '@infobank/identity';
import { CatalogModule } from '@infobank/catalog';
import { CryptoModule } from '@infobank/crypto';
import { SCHEMA } from '@infobank/migrations';
import { OversightModule } from '@infobank/oversight';
import { AppConfig, createLogger, createRequestContext, PlatformModule, RequestContext } from '@infobank/platform';
import { ProvisionModule } from '@infobank/provision';
import { ReviewModule } from '@infobank/review';
import { ComplaintsModule, ContractsModule, TermsModule } from '@infobank/rights';
import { TransparencyLogModule } from '@infobank/transparency-log';
import { VaultModule } from '@infobank/vault';

@Module({})
class AdminModule {
  static register(config: AppConfig): DynamicModule {
    const logger = createLogger({ level: 'warn', service: 'admin' });
    return {
      module: AdminModule,
      imports: [
        PlatformModule.forRoot({ service: 'admin', config, logger, ...SCHEMA }),
        CryptoModule.forPlatform(),
        // Global, as in the apps: the vault's use cases (demo links and deposits) look organisations up.
        CatalogModule.forRoot(),
        AccountsModule,
        ReviewModule,
        VaultModule,
        // seed:demo: a demo transfer (consent, request, build, download) and a sealed log.
        ProvisionModule,
        TransparencyLogModule,
        // log:verify-all.
        OversightModule,
        // terms:publish, terms:list, terms:record-acceptance, and the demo's acceptances.
        TermsModule,
        ContractsModule,
        // staff:add, staff:list.
        ComplaintsModule,
      ],
    };
  }
}

/** The libraries' use cases as the operator (`ctx` names the user running the CLI); the caller closes `app`. */
export async function openAdminContext(config: AppConfig): Promise<{ app: INestApplicationContext; context: RequestContext }> {
  const app = await NestFactory.createApplicationContext(AdminModule.register(config), { logger: false, abortOnError: false });
  return { app, context: createRequestContext({ type: 'operator', name: userInfo().username }) };
}
