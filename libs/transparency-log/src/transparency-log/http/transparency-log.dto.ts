import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

const TREE_SIZE = /^[1-9][0-9]{0,14}$/;

/** `GET /v1/log/consistency?from=&to=`: two tree sizes, the second at most the latest checkpoint's. */
export class ConsistencyQueryDto {
  @ApiProperty({ example: '120', description: 'The older tree size (≥ 1)' })
  @Matches(TREE_SIZE, { message: 'must be a tree size (a positive integer)' })
  from: string;

  @ApiProperty({ example: '4096', description: 'The newer tree size (≥ from, ≤ the latest checkpoint)' })
  @Matches(TREE_SIZE, { message: 'must be a tree size (a positive integer)' })
  to: string;
}

/** A signed checkpoint of the transparency log. */
export class CheckpointDto {
  @ApiProperty({ example: 4096 })
  treeSize: number;

  @ApiProperty({ description: 'SHA-256 root hash of the Merkle tree (RFC 9162), base64url' })
  rootHash: string;

  @ApiProperty({ example: '2026-12-02T14:00:00.000Z' })
  time: string;

  @ApiProperty({ description: 'Compact JWS (typ checkpoint+jwt) by the bank; verify with /.well-known/jwks.json' })
  checkpoint: string;
}

/** An RFC 9162 consistency proof between two tree sizes. */
export class ConsistencyProofDto {
  @ApiProperty()
  from: number;

  @ApiProperty()
  to: number;

  @ApiProperty({ type: [String], description: 'Node hashes, base64url, in RFC 9162 §2.1.4 order' })
  consistencyPath: string[];

  @ApiProperty({ type: String, nullable: true, description: 'The checkpoint signed at size `from`, if one was' })
  fromCheckpoint: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The checkpoint signed at size `to`, if one was' })
  toCheckpoint: string | null;
}
