import { Module } from '@nestjs/common';
import { TransparencyLog } from './transparency-log/application/transparency-log';
import { TransparencyLogController } from './transparency-log/http/transparency-log.controller';
import { TransparencyLogStore } from './transparency-log/infrastructure/transparency-log.store';

/** Serves `GET /v1/log/checkpoints/latest` and `GET /v1/log/consistency`; every HTTP app imports it. */
@Module({ controllers: [TransparencyLogController], providers: [TransparencyLog, TransparencyLogStore] })
export class TransparencyLogHttpModule {}
