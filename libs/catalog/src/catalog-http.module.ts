import { Module } from '@nestjs/common';
import { CatalogController } from './catalog/http/catalog.controller';

/** Serves `GET /v1/catalog`; every HTTP app imports it. Needs no database. */
@Module({ controllers: [CatalogController] })
export class CatalogHttpModule {}
