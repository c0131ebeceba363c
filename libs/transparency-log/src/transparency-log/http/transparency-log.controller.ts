import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPublic, createRequestContext, currentCorrelationId, ReplicaReads, type RequestContext } from '@infobank/platform';
import { TransparencyLog } from '../application/transparency-log';
import { CheckpointDto, ConsistencyProofDto, ConsistencyQueryDto } from './transparency-log.dto';

/** The public face of the transparency log: anyone may fetch checkpoints and consistency proofs. */
@ApiTags('transparency log')
@Controller('v1/log')
@ApiPublic()
export class TransparencyLogController {
  constructor(
    private readonly log: TransparencyLog,
    private readonly reads: ReplicaReads,
  ) {}

  @Get('checkpoints/latest')
  @ApiOperation({ summary: 'The latest signed checkpoint (tree size, root hash, time)' })
  @ApiOkResponse({ type: CheckpointDto })
  @Header('Cache-Control', 'public, max-age=1')
  latest(): Promise<CheckpointDto> {
    return this.reads.run(publicContext(), (read) => this.log.requireLatestCheckpoint(read));
  }

  @Get('consistency')
  @ApiOperation({ summary: 'RFC 9162 consistency proof between two tree sizes' })
  @ApiOkResponse({ type: ConsistencyProofDto })
  consistency(@Query() query: ConsistencyQueryDto): Promise<ConsistencyProofDto> {
    return this.reads.run(publicContext(), (read) => this.log.consistencyProof(read, Number(query.from), Number(query.to)));
  }
}

/** Anyone's request: the log's public reads need no actor, only the request's correlation id. */
function publicContext(): RequestContext {
  return createRequestContext({ type: 'anonymous' }, currentCorrelationId());
}
