// Blocks: how the two logs (activities, stage events) are stored.
//
// Rows are partitioned by a hash of their leadId into BUCKET_COUNT buckets (activities without
// a lead go to NO_LEAD_BUCKET), and each bucket of each log is ONE IndexedDB record holding its
// rows as columns (typed arrays + per-block string dictionaries). IndexedDB costs per record, not
// per byte, so this makes bulk loads and cold reads one to two orders of magnitude faster than a
// record per row (docs/adr-0001-storage-layout.md), and a lead's whole history is one block read.
//
// The code is in three files: block-codec.ts (buckets, keys, blocks and their columns),
// block-concat.ts (joining blocks) and log-block-reads.ts (a bucket with its deltas). Every name
// is importable from here.

export * from './block-codec';
export * from './block-concat';
export * from './log-block-reads';
