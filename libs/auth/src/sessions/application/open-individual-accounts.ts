import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { AccountEntity } from '../infrastructure/account.entity';

/**
 * Which of these individuals still have an open account. Other contexts ask before acting on an
 * individual's behalf without them present (e.g. standing-condition grants), so a closed account is
 * never granted anything.
 */
@Injectable()
export class OpenIndividualAccounts {
  constructor(private readonly dataSource: DataSource) {}

  async among(individualIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    if (individualIds.length === 0) return new Set();
    const open = await manager.find(AccountEntity, {
      where: { id: In([...individualIds]), kind: 'individual', disabledAt: IsNull() },
      select: { id: true },
    });
    return new Set(open.map((account) => account.id));
  }
}
