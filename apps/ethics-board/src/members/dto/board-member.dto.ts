import { ApiProperty } from '@nestjs/swagger';
import { EXPERTISE, type Expertise } from '@infobank/review';

/** A member of the data ethics board. */
export class BoardMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '佐藤 一郎' })
  name: string;

  @ApiProperty({ enum: EXPERTISE })
  expertise: Expertise;

  @ApiProperty({ description: 'an outside member (not bank staff)' })
  external: boolean;
}

/** `GET /v1/board/members`. */
export class BoardMembersDto {
  @ApiProperty({ type: [BoardMemberDto] })
  members: BoardMemberDto[];
}
