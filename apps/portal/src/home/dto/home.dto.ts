import { ApiProperty } from '@nestjs/swagger';
import { BenefitBalanceDto } from '../../benefits/dto/benefits.dto';
import { DataHoldingDto } from '../../data/dto/data.dto';
import { MyProvisionDto } from '../../provisions/dto/provisions.dto';

/** `GET /v1/me/summary`: what the home screen (ホーム) shows, about me only, in one answer. */
export class HomeSummaryDto {
  @ApiProperty({ type: [DataHoldingDto], description: 'What the bank holds about me, per provider × category (as GET /v1/me/data)' })
  holdings: DataHoldingDto[];

  @ApiProperty({ example: 2, description: 'My consents in state active' })
  activeConsents: number;

  @ApiProperty({ type: [MyProvisionDto], description: 'My 5 newest provisions (as GET /v1/me/provisions)' })
  recentProvisions: MyProvisionDto[];

  @ApiProperty({ type: BenefitBalanceDto })
  benefitBalance: BenefitBalanceDto;

  @ApiProperty({ example: 1 })
  unreadNotifications: number;

  @ApiProperty({ example: 0, description: 'Ask-mode approval requests still waiting for my answer' })
  pendingApprovals: number;
}
