// End of life: which releases an image tag names (`python:3.8-slim-buster` is Python 3.8 on Debian 10),
// whether security support for them has ended or ends soon, and the supported tag of the same family
// and variant to move to. Pure: the caller says what day it is.
import type { ImageRef } from '../dockerfile/images.js';
import { DISTROS_IN_TAGS, EOL_FAMILIES, type DistroInTag, type EolFamily } from './eolFamilies.js';
import { EOL_TABLE } from './eolTable.js';
import { tableRepository } from './mirrors.js';
import type { EolProduct, EolRelease } from './eolTypes.js';
import { boundedMemo } from '../text/memo.js';

export interface EolVerdict {
  /** `ended`: past its end of security support; `ending`: within the warning window. */
  status: 'ended' | 'ending';
  /** How messages name the release: `Python 3.8`, `Debian 10 (buster)`. */
  release: string;
  /** `YYYY-MM-DD`: the first day without security support. */
  date: string;
  /** Days from today to `date` (negative once it has passed). */
  days: number;
  /** Where the date comes from. */
  source: string;
  /** What to move to: an image reference, or advice naming another family; undefined when nothing in the table is supported. */
  advice?: string;
  /** The replacement tag when the edit is only the tag and safe to offer as a quick fix. */
  tag?: string;
}

/** When the table was taken, and from where: docs, `manifestlint rules` and the rule pages say it. */
export const EOL_TABLE_DATE = EOL_TABLE.takenOn;
export const EOL_TABLE_SOURCE = EOL_TABLE.takenFrom;

/** The products the table covers, as docs list them. */
export function eolProductLabels(): string[] {
  return Object.values(EOL_TABLE.products).map((product) => product.label);
}

const DAY_MS = 86_400_000;
/** Pre-releases are not supported releases: `3.14.0rc1`, `1.22rc2`, `18-ea`, `3.13.0b1`. */
const PRE_RELEASE = /^\d[\d.]*(?:a|b|rc|alpha|beta)\d*$/;
const PLAIN_VERSION = /^\d+(?:\.\d+)*$/;
/** Tag words a quick fix may carry over unchanged: variants (`slim`, `jre`, `fpm`), not dates or builds. */
const VARIANT_WORD = /^[a-z]+$/;

interface Named {
  product: EolProduct;
  release: EolRelease;
  /** Index of the tag word that names it; -1 when the repository does (`ubi8`). */
  word: number;
  /** The distribution's way of writing a release into a tag, for a distribution inside another image's tag. */
  distro?: DistroInTag;
}

/**
 * Whether and when the releases `ref`'s tag names leave security support, judged on `today` (`YYYY-MM-DD`).
 * Remembered per reference: the same few images recur in every file and on every keystroke.
 */
export const endOfLife = boundedMemo((ref: ImageRef, today: string, warnDays: number) => `${today} ${warnDays} ${ref.text}`, judgeEndOfLife);

function judgeEndOfLife(ref: ImageRef, today: string, warnDays: number): EolVerdict | undefined {
  const family = EOL_FAMILIES.find((candidate) => candidate.repository.test(tableRepository(ref)));
  if (!family || !ref.tag) return undefined;
  const words = ref.tag.toLowerCase().split('-');
  const named = namedReleases(family, ref, words);
  const worst = earliestEnd(named);
  if (!worst?.release.eol) return undefined;
  const days = daysBetween(today, worst.release.eol);
  if (days > warnDays) return undefined;
  const horizon = addDays(today, warnDays);
  const replacement = replacementFor(family, ref, words, named, horizon);
  return {
    status: days <= 0 ? 'ended' : 'ending',
    release: releaseLabel(worst),
    date: worst.release.eol,
    days,
    source: worst.product.source,
    ...replacement,
  };
}

function namedReleases(family: EolFamily, ref: ImageRef, words: readonly string[]): Named[] {
  const product = EOL_TABLE.products[family.product];
  if (!product) return [];
  const named: Named[] = [];
  const own = family.releaseIn === 'repository' ? family.repository.exec(tableRepository(ref))?.[1] : undefined;
  if (own !== undefined) {
    const release = releaseNamed(product, own);
    if (release) named.push({ product, release, word: -1 });
  } else {
    const found = familyRelease(family, product, words);
    if (found) named.push({ product, ...found });
  }
  // A distribution named by a later word: `-bookworm`, `-alpine3.20`; an OS image's own release is found above.
  for (let word = 1; word < words.length; word++) {
    for (const distro of DISTROS_IN_TAGS) {
      const distroProduct = EOL_TABLE.products[distro.product];
      if (!distroProduct || distro.product === family.product) continue;
      const written = distro.read(words[word], codenamesOf(distroProduct));
      const release = written === undefined ? undefined : releaseNamed(distroProduct, written);
      if (release) named.push({ product: distroProduct, release, word, distro });
    }
  }
  return named;
}

/** The family's own release: the first word's version (`3.8.10`, `8u392`, `centos7`), an alias (`iron`), or a codename anywhere (`bookworm-slim`). */
function familyRelease(family: EolFamily, product: EolProduct, words: readonly string[]): { release: EolRelease; word: number } | undefined {
  if (words.includes('ea') || PRE_RELEASE.test(words[0])) return undefined;
  const first = family.versionPrefix && words[0].startsWith(family.versionPrefix) ? words[0].slice(family.versionPrefix.length) : words[0];
  const version = family.aliases?.[first] ?? /^\d+(?:\.\d+)*/.exec(first)?.[0];
  const byVersion = version === undefined ? undefined : releaseNamed(product, version);
  if (byVersion) return { release: byVersion, word: 0 };
  const codenames = codenamesOf(product);
  for (let word = 0; word < words.length; word++) {
    const release = codenames.get(words[word]);
    const found = release === undefined ? undefined : releaseNamed(product, release);
    if (found) return { release: found, word };
  }
  return undefined;
}

/** The release a version names: itself, or the longest release it is a patch of (`3.8.10` → `3.8`, `8.0` → `8`). */
function releaseNamed(product: EolProduct, version: string): EolRelease | undefined {
  let best: EolRelease | undefined;
  for (const release of product.releases) {
    const matches = version === release.release || version.startsWith(`${release.release}.`);
    if (matches && (!best || release.release.length > best.release.length)) best = release;
  }
  return best;
}

const codenameCache = new Map<EolProduct, Map<string, string>>();
function codenamesOf(product: EolProduct): Map<string, string> {
  let codenames = codenameCache.get(product);
  if (!codenames) {
    codenames = new Map(product.releases.flatMap((release) => (release.codename ? [[release.codename, release.release] as const] : [])));
    codenameCache.set(product, codenames);
  }
  return codenames;
}

function earliestEnd(named: readonly Named[]): Named | undefined {
  let worst: Named | undefined;
  for (const entry of named) {
    if (entry.release.eol && (!worst?.release.eol || entry.release.eol < worst.release.eol)) worst = entry;
  }
  return worst;
}

function releaseLabel({ product, release }: Named): string {
  return `${product.label} ${release.release}${release.codename ? ` (${release.codename})` : ''}`;
}

/** Still supported on `horizon` (the end of the warning window): so a suggestion is not itself about to end. */
function supportedOn(release: EolRelease, horizon: string): boolean {
  return release.eol === null || release.eol > horizon;
}

/**
 * The release to move to: the family's suggestion while supported and not older than `current` (MySQL
 * 9.3 does not go back to 8.4), else the newest supported one (the table lists newest first).
 */
function successor(product: EolProduct, suggest: string, horizon: string, current?: EolRelease): EolRelease | undefined {
  const suggested = product.releases.find((release) => release.release === suggest);
  if (suggested && supportedOn(suggested, horizon) && !(current && compareReleases(suggested.release, current.release) < 0)) return suggested;
  return product.releases.find((release) => supportedOn(release, horizon));
}

/** Numeric order of dotted releases: `9.3` after `8.4`, `1.10` after `1.9`. */
function compareReleases(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The release a distribution word in another family's tag moves to: that distribution's own suggestion. */
function distroSuccessor(distro: DistroInTag, horizon: string): EolRelease | undefined {
  const product = EOL_TABLE.products[distro.product];
  const family = EOL_FAMILIES.find((candidate) => candidate.product === distro.product);
  return product && family ? successor(product, family.suggest, horizon) : undefined;
}

/**
 * The tag with every release that ends before `horizon` replaced: the version word by the successor
 * (`3.8` → `3.13`), a codename by the successor's codename (`buster` → `bookworm`), other words kept.
 * A quick fix only when the family allows it and every other word is a plain variant word.
 */
function replacementFor(family: EolFamily, ref: ImageRef, words: readonly string[], named: readonly Named[], horizon: string): Pick<EolVerdict, 'advice' | 'tag'> {
  const own = named.find((entry) => !entry.distro);
  if (family.elsewhere) return own ? { advice: family.elsewhere(own.release.release, words) } : {};
  const repository = ref.text.slice(0, ref.nameEnd);
  const next: (string | undefined)[] = [...words];
  let safe = family.fixable;
  let droppedDistro = false;
  if (own && !supportedOn(own.release, horizon)) {
    const product = EOL_TABLE.products[family.product];
    const to = product && successor(product, family.suggest, horizon, own.release);
    if (!to) return {};
    // The release is in the repository (`ubi7/ubi`): advice only, since the edit is not the tag's.
    if (own.word === -1) return { advice: repository.replace(/ubi\d+/g, `ubi${to.release}`) };
    const word = words[own.word];
    const byCodename = own.release.codename === word;
    next[own.word] = byCodename && to.codename ? to.codename : (family.tagOf ?? String)(to.release);
    const version = family.versionPrefix ? word.replace(family.versionPrefix, '') : word;
    if (!byCodename && !family.aliases?.[word] && !PLAIN_VERSION.test(version)) safe = false;
  }
  for (const entry of named) {
    if (!entry.distro || supportedOn(entry.release, horizon)) continue;
    if (family.noImageOn?.includes(entry.distro.product)) {
      droppedDistro = true;
      continue;
    }
    const to = distroSuccessor(entry.distro, horizon);
    if (!to) return {};
    next[entry.word] = entry.distro.write(to);
  }
  const replaced = new Set(named.map((entry) => entry.word));
  // Words that pin a build (`20240101`, `b08`) do not exist for the new release: the advice leaves them out.
  const kept = next.filter((word, i): word is string => word !== undefined && (i === 0 || replaced.has(i) || VARIANT_WORD.test(words[i])));
  if (kept.length !== next.length) {
    safe = false;
    // `8u392-b08-jdk` pins a build: name the release instead (`8-jdk`).
    if (own?.word === 0 && kept[0] === words[0]) kept[0] = (family.tagOf ?? String)(own.release.release);
  }
  if (droppedDistro) {
    // The suggested release has no image on that distribution: name the release's default tag.
    return { advice: `${repository}:${kept[0]}` };
  }
  const tag = kept.join('-');
  return { advice: `${repository}:${tag}`, ...(safe && tag !== ref.tag && { tag }) };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` of `now` in UTC: the day end-of-life dates are compared with. */
export function dayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
