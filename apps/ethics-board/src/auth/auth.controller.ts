import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SessionController } from '@infobank/auth';

/** Board members' sessions; their access tokens carry `role: board_member`, `expertise` and `external`. */
@ApiTags('auth')
@Controller('v1/auth')
export class BoardAuthController extends SessionController {}
