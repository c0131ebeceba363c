/** What propagating one cause did: notices issued, subjects of transfers in flight denied, approval requests cancelled. */
export interface Propagation {
  noticeIds: string[];
  deniedSubjects: number;
  cancelledApprovals: number;
}
