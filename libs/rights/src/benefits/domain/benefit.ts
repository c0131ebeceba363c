/** Text an individual reads, Japanese first, English when the author gave it. */
export interface BilingualText {
  ja: string;
  en?: string;
}

/** What kind of benefit (便益) an individual received: points or yen (with an amount), a service, or a social good only. */
export type BenefitType = 'points' | 'yen' | 'service' | 'social';

/** Every benefit type (the `benefit_entries.type` column). */
export const BENEFIT_TYPES: readonly BenefitType[] = ['points', 'yen', 'service', 'social'];

/**
 * One benefit to credit to an individual's ledger for one provision (a package part their data went
 * out in): what the offer promised, as the offer said it when the data left the bank.
 */
export interface BenefitCredit {
  individualId: string;
  /** The provision the benefit is for: one credit per provision, so crediting again changes nothing. */
  provisionId: string;
  offerId: string;
  recipientId: string;
  recipientName: BilingualText;
  purposeText: BilingualText;
  benefit: { type: BenefitType; amount?: number; description: BilingualText };
  creditedAt: Date;
}

/** What one offer credits for every provision of one delivery (a part downloaded): the same for each of its individuals. */
export type BenefitTerms = Omit<BenefitCredit, 'individualId' | 'provisionId'>;

/** One individual's provision of a delivery, credited under the delivery's `BenefitTerms`. */
export interface ProvisionToCredit {
  individualId: string;
  provisionId: string;
}

/** What an individual has received over all their benefit entries: points and yen summed, services and social goods counted. */
export interface BenefitBalance {
  points: number;
  yen: number;
  services: number;
  social: number;
}

/** One entry of an individual's benefit ledger as they read it. */
export interface BenefitEntryView {
  id: string;
  provisionId: string;
  offerId: string;
  recipient: { id: string; name: BilingualText };
  purpose: BilingualText;
  type: BenefitType;
  /** Points or yen received; for a service, its amount when the offer named one; null otherwise. */
  amount: number | null;
  description: BilingualText;
  /** ISO 8601. */
  creditedAt: string;
}

/** The individual's balance and one page of their entries, newest first; nextCursor is null on the last page. */
export interface MyBenefits {
  balance: BenefitBalance;
  entries: BenefitEntryView[];
  nextCursor: string | null;
}
