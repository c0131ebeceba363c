// The public surface of libs/disclosure: disclosure and export requests (開示請求) — the individual's
// request, the worker's signed bundle over every library that holds something of theirs, its encrypted
// storage and single-use download, and the board's view of timeliness.
export * from './disclosures';
