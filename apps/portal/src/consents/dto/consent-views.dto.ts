import { ApiProperty } from '@nestjs/swagger';
import { CONSENT_MODES, CONSENT_STATUSES } from '@infobank/consent';
import { BilingualTextDto } from '../../shared/bilingual-text.dto';

/** The recipient as the consent fixed it when granted. */
class ConsentRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: BilingualTextDto })
  name: BilingualTextDto;

  @ApiProperty({ description: 'The recipient’s corporate number (法人番号), 13 digits' })
  corporateNumber: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-2' })
  country: string;
}

/** A purpose label in both languages. */
class PurposeLabelDto {
  @ApiProperty()
  ja: string;

  @ApiProperty()
  en: string;
}

/** The purpose as the consent fixed it when granted. */
class ConsentPurposeDto {
  @ApiProperty({ example: 'marketing' })
  code: string;

  @ApiProperty({ description: 'The W3C DPV purpose term', example: 'dpv:Marketing' })
  dpv: string;

  @ApiProperty({ type: PurposeLabelDto })
  label: PurposeLabelDto;

  @ApiProperty({ type: BilingualTextDto, description: 'The recipient’s own words for the purpose' })
  text: BilingualTextDto;
}

/** Why the bank judged as it did on my standing conditions: one line per criterion. */
class ConsentExplanationDto {
  @ApiProperty({ type: [String] })
  ja: string[];

  @ApiProperty({ type: [String] })
  en: string[];
}

/** `GET /v1/me/consents`: one of my consents. */
export class ConsentDto {
  @ApiProperty({ format: 'uuid' })
  consentId: string;

  @ApiProperty({ format: 'uuid' })
  offerId: string;

  @ApiProperty({ type: ConsentRecipientDto })
  recipient: ConsentRecipientDto;

  @ApiProperty({ type: ConsentPurposeDto })
  purpose: ConsentPurposeDto;

  @ApiProperty({ enum: CONSENT_STATUSES })
  state: string;

  @ApiProperty({ enum: CONSENT_MODES, description: 'auto: provided whenever the terms allow; ask: each transfer waits for my approval' })
  mode: string;

  @ApiProperty({ enum: ['individual', 'standing_condition'], description: 'Who decided: I did, or the bank on my standing conditions' })
  source: string;

  @ApiProperty({ type: [String], description: 'The item ids I consented to' })
  items: string[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty({ type: ConsentExplanationDto, nullable: true, description: 'Only for consents granted on standing conditions' })
  explanation: ConsentExplanationDto | null;

  @ApiProperty({ description: 'Starts at 1; each event adds one' })
  version: number;

  @ApiProperty({ format: 'date-time' })
  grantedAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  revocationReason: string | null;

  @ApiProperty({ enum: ['expires_at', 'offer_expired', 'offer_withdrawn', 'offer_not_approved'], nullable: true })
  expiryCause: string | null;
}

/** One event of a consent's ledger with the receipt the bank signed for it. */
export class ConsentEventDto {
  @ApiProperty({ format: 'uuid', description: 'Pass it as `event` to GET /v1/me/consents/{consentId}/proof' })
  eventId: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ example: 'consent_granted' })
  type: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ description: 'Who caused the event (the individual, the bank, the system)' })
  actor: string;

  @ApiProperty({ format: 'uuid' })
  receiptId: string;

  @ApiProperty({ description: 'Compact JWS signed by the bank (typ consent-receipt+jwt); check it with /.well-known/jwks.json' })
  receipt: string;
}

/** `GET /v1/me/consents/{consentId}`: a consent with its events and receipts, oldest first. */
export class ConsentDetailDto extends ConsentDto {
  @ApiProperty({ type: [ConsentEventDto] })
  events: ConsentEventDto[];
}

/** The answer of a consent command: the consent, its state and version, and the receipt of the event. */
export class ConsentChangeDto {
  @ApiProperty({ format: 'uuid' })
  consentId: string;

  @ApiProperty({ enum: CONSENT_STATUSES })
  state: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ description: 'Compact JWS signed by the bank (typ consent-receipt+jwt)' })
  receipt: string;
}

/** `GET /v1/me/consents/{consentId}/proof`: the inclusion proof of one event's leaf in the transparency log. */
export class ConsentProofDto {
  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ description: 'The leaf’s canonical bytes (base64url); its RFC 9162 leaf hash starts the path' })
  leaf: string;

  @ApiProperty()
  leafIndex: number;

  @ApiProperty({ type: [String], description: 'Sibling hashes from the leaf up to the root (base64url)' })
  auditPath: string[];

  @ApiProperty({ description: 'The signed checkpoint (compact JWS) whose root the path leads to' })
  checkpoint: string;
}
