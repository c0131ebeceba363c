/** How recipient-only transfer use cases refuse another actor: a route without the recipient guard is a programming error. */
export const TRANSFERS_ARE_REQUESTED_BY_RECIPIENTS = {
  detail: "Transfers are requested by recipients: the route needs @OrganisationRoute('recipient').",
};
