import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BoardMemberAuthGuard, CurrentRequestContext } from '@infobank/auth';
import { UuidParam, type RequestContext } from '@infobank/platform';
import {
  ConfirmStopUseOrderUseCase,
  LiftStopUseOrderUseCase,
  ListStopUseOrdersUseCase,
  ProposeStopUseOrderUseCase,
} from '@infobank/review';
import { StepUpRequired } from '../auth/step-up-required.decorator';
import { LiftOrderDto, ListOrdersQueryDto, OrderDto, OrderListDto, ProposeOrderDto } from './dto/order.dto';

/** Stop-use orders (利用停止): two members make one effective, two members lift it; each step needs a step-up token. */
@ApiTags('orders')
@Controller('v1/orders')
@UseGuards(BoardMemberAuthGuard)
export class OrdersController {
  constructor(
    private readonly proposeOrder: ProposeStopUseOrderUseCase,
    private readonly confirmOrder: ConfirmStopUseOrderUseCase,
    private readonly liftOrder: LiftStopUseOrderUseCase,
    private readonly listOrders: ListStopUseOrdersUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Stop-use orders, newest first' })
  @ApiOkResponse({ type: OrderListDto })
  async list(@CurrentRequestContext() ctx: RequestContext, @Query() query: ListOrdersQueryDto): Promise<OrderListDto> {
    return { orders: await this.listOrders.execute(ctx, { status: query.status }) };
  }

  @Post()
  @StepUpRequired()
  @ApiOperation({ summary: 'Propose an order on a recipient, an offer or a data category (no effect until confirmed)' })
  @ApiCreatedResponse({ type: OrderDto })
  propose(@CurrentRequestContext() ctx: RequestContext, @Body() body: ProposeOrderDto): Promise<OrderDto> {
    return this.proposeOrder.execute(ctx, body);
  }

  @Post(':id/confirm')
  @StepUpRequired()
  @HttpCode(200)
  @ApiOperation({ summary: 'A second member confirms: the order takes effect and the offers it covers are suspended at once' })
  @ApiOkResponse({ type: OrderDto })
  @ApiNotFoundResponse({ description: 'STOP_USE_ORDER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SECOND_MEMBER_REQUIRED or STOP_USE_ORDER_NOT_PROPOSED' })
  confirm(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string): Promise<OrderDto> {
    return this.confirmOrder.execute(ctx, id);
  }

  @Post(':id/lift')
  @StepUpRequired()
  @HttpCode(200)
  @ApiOperation({ summary: 'Ask to lift (first member) or lift (a second member): the offers return unless another order covers them' })
  @ApiOkResponse({ type: OrderDto })
  @ApiNotFoundResponse({ description: 'STOP_USE_ORDER_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SECOND_MEMBER_REQUIRED or STOP_USE_ORDER_NOT_EFFECTIVE' })
  lift(@CurrentRequestContext() ctx: RequestContext, @UuidParam('id') id: string, @Body() body: LiftOrderDto): Promise<OrderDto> {
    return this.liftOrder.execute(ctx, id, body);
  }
}
