// The shape of the end-of-life table (server/src/images/eolTable.ts), which `npm run data:eol` rewrites.

/** One release cycle of a product and the last day it gets security fixes. */
export interface EolRelease {
  /** As endoflife.date names the cycle: `3.8`, `22`, `12`, `22.04`, `1.23`. */
  release: string;
  /** Lower-case first word of the codename, where the product has one in image tags: `bookworm`, `jammy`. */
  codename?: string;
  /** `YYYY-MM-DD`: security support ends on this day; null while no end date is announced. */
  eol: string | null;
}

export interface EolProduct {
  /** How messages name the product: `Python`, `Debian`. */
  label: string;
  /** Where a reader checks the dates. */
  source: string;
  /**
   * Which endoflife.date date is the end of security support: `eol`, or `eoes` where free extended
   * security support reaches the public images (Debian LTS, in the same archive the images build from).
   */
  field: 'eol' | 'eoes';
  /** Not on endoflife.date: kept as written by `npm run data:eol` (the deprecated openjdk image). */
  manual?: boolean;
  releases: EolRelease[];
}

export interface EolTable {
  /** `YYYY-MM-DD`: the day the data was taken from the source. */
  takenOn: string;
  /** Where it was taken from. */
  takenFrom: string;
  products: Record<string, EolProduct>;
}
