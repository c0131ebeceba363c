import { Module } from '@nestjs/common';
import { CatalogHttpModule } from '@infobank/catalog';
import { BankKeysHttpModule } from '@infobank/crypto';
import { ReviewModule } from '@infobank/review';
import { BoardAuthModule } from './auth/board-auth.module';
import { BoardMembersController } from './members/members.controller';

/** The data ethics board's API (データ倫理審査会): reviews, votes, stop-use orders and audits. */
@Module({
  imports: [BankKeysHttpModule, CatalogHttpModule, BoardAuthModule.forRoot(), ReviewModule],
  controllers: [BoardMembersController],
})
export class EthicsBoardModule {}
