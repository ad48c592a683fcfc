/**
 * Bounds on what opening one `.zip` may cost, all checked against the central directory before anything
 * is inflated, and again while inflating (a lying size stops inflation at the declared size).
 */
export interface ZipLimits {
  /** Most entries (files and folders) one archive may list. */
  readonly maxEntries: number;
  /** Largest uncompressed size of one entry, in bytes. */
  readonly maxEntryBytes: number;
  /** Largest sum of the uncompressed sizes of all entries, in bytes. */
  readonly maxTotalBytes: number;
  /**
   * Largest uncompressed / compressed size ratio of one entry. Only checked for entries above 1 MiB:
   * small files may compress absurdly well without harm. Real karyograms stay below 40 : 1; DEFLATE
   * tops out near 1032 : 1, which is what bombs use.
   */
  readonly maxCompressionRatio: number;
}

/** 100,000 entries, 512 MiB per entry, 2 GiB in all, 300 : 1. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxCompressionRatio: 300,
};

/** Entries smaller than this (uncompressed) are exempt from the ratio check. */
export const RATIO_CHECK_FLOOR_BYTES = 1024 * 1024;
