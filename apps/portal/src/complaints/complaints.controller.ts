import { Body, Controller, Get, Header, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentRequestContext, IndividualAuthGuard } from '@infobank/auth';
import { ApiErrors, UuidParam, type RequestContext } from '@infobank/platform';
import {
  FileComplaintUseCase,
  GetMyComplaintUseCase,
  ListMyComplaintsUseCase,
  MyComplaintListDto,
  MyComplaintThreadDto,
  ProvideComplaintInformationUseCase,
  type MyComplaintSummary,
  type MyComplaintThread,
} from '@infobank/rights';
import { ComplaintMessageDto, FileComplaintDto } from './dto/complaints.dto';

/** My complaints and enquiries to the complaints desk (お問い合わせ・苦情): file, list, follow the thread, answer a question. */
@ApiTags('complaints')
@Controller('v1/me/complaints')
@UseGuards(IndividualAuthGuard)
export class ComplaintsController {
  constructor(
    private readonly file: FileComplaintUseCase,
    private readonly list: ListMyComplaintsUseCase,
    private readonly get: GetMyComplaintUseCase,
    private readonly provideInformation: ProvideComplaintInformationUseCase,
  ) {}

  @Post()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'File a complaint; related ids must be my own (another’s consent or provision is 404)' })
  @ApiCreatedResponse({ type: MyComplaintThreadDto })
  @ApiErrors('CONSENT_NOT_FOUND', 'PROVISION_NOT_FOUND')
  create(@CurrentRequestContext() ctx: RequestContext, @Body() body: FileComplaintDto): Promise<MyComplaintThread> {
    return this.file.execute(ctx, body).then(({ id }) => this.get.execute(ctx, id));
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'My complaints, newest first' })
  @ApiOkResponse({ type: MyComplaintListDto })
  findAll(@CurrentRequestContext() ctx: RequestContext): Promise<{ complaints: MyComplaintSummary[] }> {
    return this.list.execute(ctx).then((complaints) => ({ complaints }));
  }

  @Get(':complaintId')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'One of my complaints and its thread (another individual’s is 404 COMPLAINT_NOT_FOUND)' })
  @ApiOkResponse({ type: MyComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND')
  findOne(@CurrentRequestContext() ctx: RequestContext, @UuidParam('complaintId') complaintId: string): Promise<MyComplaintThread> {
    return this.get.execute(ctx, complaintId);
  }

  @Post(':complaintId/information')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Answer the desk’s request for information (409 COMPLAINT_STEP_REFUSED when none is pending)' })
  @ApiOkResponse({ type: MyComplaintThreadDto })
  @ApiErrors('COMPLAINT_NOT_FOUND', 'COMPLAINT_STEP_REFUSED')
  async answer(
    @CurrentRequestContext() ctx: RequestContext,
    @UuidParam('complaintId') complaintId: string,
    @Body() body: ComplaintMessageDto,
  ): Promise<MyComplaintThread> {
    await this.provideInformation.execute(ctx, complaintId, body);
    return this.get.execute(ctx, complaintId);
  }
}
