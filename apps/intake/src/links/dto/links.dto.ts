import { ApiProperty } from '@nestjs/swagger';
import { CUSTOMER_REF_MAX_LENGTH, LINK_CODE_ALPHABET, LINK_CODE_LENGTH } from '@infobank/vault';
import { IsString, Matches, MaxLength } from 'class-validator';

/** `POST /v1/links`: the code a customer gave the provider, and the provider's own reference for that customer. */
export class RedeemLinkCodeDto {
  @ApiProperty({
    example: 'K7M2QX9TRB',
    maxLength: 32,
    description: `The customer's one-time link code: ${LINK_CODE_LENGTH} characters from ${LINK_CODE_ALPHABET} (case, spaces and hyphens ignored)`,
  })
  @IsString()
  @MaxLength(32)
  linkCode: string;

  @ApiProperty({
    example: 'CUST-000123',
    minLength: 1,
    maxLength: CUSTOMER_REF_MAX_LENGTH,
    description: 'Your pseudonymous reference for this customer (no names or e-mails): 1-128 printable ASCII characters',
  })
  @IsString()
  @Matches(/^[\x20-\x7e]+$/, { message: 'must be printable ASCII characters' })
  @MaxLength(CUSTOMER_REF_MAX_LENGTH)
  customerRef: string;
}

/** The now active link: deposit records for this customer in these categories only. */
export class RedeemedLinkDto {
  @ApiProperty({ format: 'uuid' })
  linkId: string;

  @ApiProperty({ type: [String], example: ['purchase.receipts'] })
  categories: string[];
}
