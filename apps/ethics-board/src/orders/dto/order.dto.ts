import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_REASON_LENGTH, ORDER_STATUSES, ORDER_TARGET_TYPES, type OrderTargetType } from '@infobank/review';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/** What an order halts: a recipient's offers (organisation id), one offer (offer id), or a data category (code). */
export class OrderTargetDto {
  @ApiProperty({ enum: ORDER_TARGET_TYPES })
  @IsIn(ORDER_TARGET_TYPES)
  type: OrderTargetType;

  @ApiProperty({ example: 'health.checkup', description: 'organisation id, offer id (UUIDs) or catalog category code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id: string;
}

/** `POST /v1/orders`: propose a stop-use order (effective once a second member confirms it). */
export class ProposeOrderDto {
  @ApiProperty({ type: OrderTargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => OrderTargetDto)
  target: OrderTargetDto;

  @ApiProperty({ maxLength: MAX_REASON_LENGTH, example: '提供先で情報漏えいが報告されたため。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REASON_LENGTH)
  reason: string;
}

/** `POST /v1/orders/:id/lift`: why the order may end. */
export class LiftOrderDto {
  @ApiProperty({ maxLength: MAX_REASON_LENGTH, example: '再発防止策を確認したため。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REASON_LENGTH)
  reason: string;
}

/** `GET /v1/orders?status=`. */
export class ListOrdersQueryDto {
  @ApiPropertyOptional({ enum: ORDER_STATUSES })
  @IsOptional()
  @IsIn(ORDER_STATUSES)
  status?: (typeof ORDER_STATUSES)[number];
}

/** One member's step. */
export class OrderStepDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ format: 'date-time' })
  at: string;
}

/** A lift request: the step and its reason. */
export class LiftRequestDto extends OrderStepDto {
  @ApiProperty()
  reason: string;
}

/** A stop-use order and who took each step. */
export class OrderDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: OrderTargetDto })
  target: OrderTargetDto;

  @ApiProperty()
  reason: string;

  @ApiProperty({ enum: ORDER_STATUSES })
  status: (typeof ORDER_STATUSES)[number];

  @ApiProperty({ type: OrderStepDto })
  proposed: OrderStepDto;

  @ApiProperty({ type: OrderStepDto, nullable: true })
  confirmed: OrderStepDto | null;

  @ApiProperty({ type: LiftRequestDto, nullable: true })
  liftRequested: LiftRequestDto | null;

  @ApiProperty({ type: OrderStepDto, nullable: true })
  lifted: OrderStepDto | null;
}

/** An order in `GET /v1/orders`, with what it suspends now. */
export class ListedOrderDto extends OrderDto {
  @ApiProperty({
    type: [String],
    description: 'offers the order suspends now (those it suspended on taking effect; empty unless effective)',
  })
  suspendedOfferIds: string[];
}

/** `GET /v1/orders`. */
export class OrderListDto {
  @ApiProperty({ type: [ListedOrderDto] })
  orders: ListedOrderDto[];
}
