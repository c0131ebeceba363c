import { Injectable } from '@nestjs/common';
import { OrganisationDirectory } from '@infobank/catalog';
import { GetOwnConsentUseCase } from '@infobank/consent';
import { ValidationFailedError, type RequestContext } from '@infobank/platform';
import { GetOwnProvisionUseCase } from '@infobank/provision';
import type { CheckedRelations, ComplaintRelations, FileComplaintCommand } from '@infobank/rights';

/**
 * The portal's check of what a complaint names, through each owning library's own use case: the consent
 * and the provision must be the individual's own (another's is CONSENT_NOT_FOUND / PROVISION_NOT_FOUND,
 * 404), and the recipient a known recipient (VALIDATION_FAILED naming the field). When only a consent or
 * a provision is named, the complaint is counted against its recipient.
 */
@Injectable()
export class PortalComplaintRelations implements ComplaintRelations {
  constructor(
    private readonly consents: GetOwnConsentUseCase,
    private readonly provisions: GetOwnProvisionUseCase,
    private readonly organisations: OrganisationDirectory,
  ) {}

  async check(
    ctx: RequestContext,
    related: Pick<FileComplaintCommand, 'relatedConsentId' | 'relatedProvisionId' | 'relatedRecipientId'>,
  ): Promise<CheckedRelations> {
    const consent = related.relatedConsentId === undefined ? null : await this.consents.execute(ctx, related.relatedConsentId);
    const provision = related.relatedProvisionId === undefined ? null : await this.provisions.execute(ctx, related.relatedProvisionId);
    let recipientId = related.relatedRecipientId ?? null;
    if (recipientId !== null) {
      const profile = (await this.organisations.findProfiles(ctx, [recipientId])).get(recipientId.toLowerCase());
      if (profile === undefined || !profile.roles.includes('recipient')) {
        throw new ValidationFailedError([{ path: '/relatedRecipientId', message: 'must name a recipient' }]);
      }
      recipientId = profile.id;
    }
    return {
      consentId: consent?.consentId ?? null,
      provisionId: provision?.id ?? null,
      recipientId: recipientId ?? consent?.recipient.id ?? provision?.recipientId ?? null,
    };
  }
}
