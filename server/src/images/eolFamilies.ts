// Which end-of-life product each image family is, how its tags name a release, and what to suggest
// instead. Reviewed like code; the dates themselves are in eolTable.ts.

/** How a distribution shows up inside another image's tag: `-bookworm`, `-jammy`, `-alpine3.20`, `-al2023`, `-ubi9`. */
import type { EolRelease } from './eolTypes.js';

const AMAZON_LINUX_WORDS: ReadonlyMap<string, string> = new Map([
  ['al2', '2'],
  ['al2023', '2023'],
]);

export interface DistroInTag {
  product: string;
  /** The release a tag word names, or undefined when it names none of this distribution's. */
  read(word: string, codenames: ReadonlyMap<string, string>): string | undefined;
  /** The tag word for `release`. */
  write(release: EolRelease): string;
}

export interface EolFamily {
  /** Matches the normalized repository (ImageRef.repository). */
  repository: RegExp;
  /** The endoflife.date product: a key of EOL_TABLE.products. */
  product: string;
  /** The release to suggest, while it is supported; otherwise the newest supported one is. */
  suggest: string;
  /** Where the release is named: the tag (default) or the repository's first capture (`ubi8/ubi`). */
  releaseIn?: 'tag' | 'repository';
  /** Tag words naming a release: Node.js codenames. */
  aliases?: Readonly<Record<string, string>>;
  /** Characters before the version in the first tag word: `centos` in `centos7`, `stream` in `stream9`. */
  versionPrefix?: string;
  /** How the tag writes a release: `.NET 10` is `10.0`. */
  tagOf?: (release: string) => string;
  /** False where a tag swap is not a safe edit: a data store's files need a migration to a new major. */
  fixable: boolean;
  /** Distributions the suggested release publishes no image on (.NET 10: no Debian images). */
  noImageOn?: readonly string[];
  /** A family with no supported release at all (CentOS, the openjdk image): advice from another family. */
  elsewhere?: (release: string, tagWords: readonly string[]) => string;
}

/** `.0` for whole versions, as .NET tags write them (`8.0`). */
const dotZero = (release: string): string => (release.includes('.') ? release : `${release}.0`);

/** The Java LTS releases Eclipse Temurin publishes; other majors move to the newest LTS. */
const TEMURIN_LTS = new Set(['8', '11', '17', '21', '25']);

export const DISTROS_IN_TAGS: readonly DistroInTag[] = [
  { product: 'debian', read: (word, codenames) => codenames.get(word), write: (release) => release.codename ?? release.release },
  { product: 'ubuntu', read: (word, codenames) => codenames.get(word), write: (release) => release.codename ?? release.release },
  { product: 'alpine-linux', read: (word) => /^alpine(\d+\.\d+)$/.exec(word)?.[1], write: (release) => `alpine${release.release}` },
  { product: 'amazon-linux', read: (word) => AMAZON_LINUX_WORDS.get(word), write: (release) => `al${release.release}` },
  { product: 'rhel', read: (word) => /^ubi(\d+)$/.exec(word)?.[1], write: (release) => `ubi${release.release}` },
];

export const EOL_FAMILIES: readonly EolFamily[] = [
  // Distributions: the release is the tag's version or codename.
  { repository: /^debian$/, product: 'debian', suggest: '12', fixable: true },
  { repository: /^ubuntu$/, product: 'ubuntu', suggest: '24.04', fixable: true },
  { repository: /^alpine$/, product: 'alpine-linux', suggest: '3.23', fixable: true },
  { repository: /^centos$/, product: 'centos', suggest: '', versionPrefix: 'centos', fixable: false, elsewhere: () => 'rockylinux:9 or almalinux:9' },
  { repository: /^quay\.io\/centos\/centos$/, product: 'centos-stream', suggest: '10', versionPrefix: 'stream', tagOf: (release) => `stream${release}`, fixable: true },
  { repository: /^(?:quay\.io\/rockylinux\/)?rockylinux(?:\/rockylinux)?$/, product: 'rocky-linux', suggest: '9', fixable: true },
  { repository: /^(?:almalinux|almalinux\/almalinux|quay\.io\/almalinuxorg\/almalinux)$/, product: 'almalinux', suggest: '9', fixable: true },
  { repository: /^(?:amazonlinux|public\.ecr\.aws\/amazonlinux\/amazonlinux)$/, product: 'amazon-linux', suggest: '2023', fixable: true },
  {
    repository: /^(?:(?:registry\.access\.redhat\.com|registry\.redhat\.io)\/)?(?:redhat\/)?ubi(\d+)(?:\/ubi(?:-minimal|-micro|-init)?|-minimal|-micro|-init)?$/,
    product: 'rhel',
    suggest: '9',
    releaseIn: 'repository',
    fixable: false,
  },
  { repository: /^(?:fedora|registry\.fedoraproject\.org\/fedora(?:-minimal)?)$/, product: 'fedora', suggest: '44', fixable: true },

  // Language runtimes.
  { repository: /^python$/, product: 'python', suggest: '3.13', fixable: true },
  {
    repository: /^node$/,
    product: 'nodejs',
    suggest: '24',
    aliases: { argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24' },
    fixable: true,
  },
  { repository: /^golang$/, product: 'go', suggest: '1.27', fixable: true },
  { repository: /^ruby$/, product: 'ruby', suggest: '3.4', fixable: true },
  { repository: /^php$/, product: 'php', suggest: '8.4', fixable: true },
  { repository: /^eclipse-temurin$/, product: 'eclipse-temurin', suggest: '25', fixable: true },
  { repository: /^(?:amazoncorretto|public\.ecr\.aws\/amazoncorretto\/amazoncorretto)$/, product: 'amazon-corretto', suggest: '25', fixable: true },
  {
    repository: /^openjdk$/,
    product: 'docker-openjdk',
    suggest: '',
    fixable: false,
    elsewhere: (release, words) => `eclipse-temurin:${TEMURIN_LTS.has(release) ? release : '25'}-${words.includes('jre') ? 'jre' : 'jdk'}`,
  },
  { repository: /^mcr\.microsoft\.com\/dotnet\/(?:core\/)?(?:aspnet|runtime|runtime-deps|sdk)$/, product: 'dotnet', suggest: '10', tagOf: dotZero, fixable: true, noImageOn: ['debian'] },
  { repository: /^perl$/, product: 'perl', suggest: '5.42', fixable: true },

  // Servers. Data stores get advice only: their files need a migration to a new major.
  { repository: /^(?:nginx|nginxinc\/nginx-unprivileged)$/, product: 'nginx', suggest: '1.30', fixable: true },
  { repository: /^httpd$/, product: 'apache-http-server', suggest: '2.4', fixable: true },
  { repository: /^postgres$/, product: 'postgresql', suggest: '17', fixable: false },
  { repository: /^(?:mysql|mysql\/mysql-server)$/, product: 'mysql', suggest: '8.4', fixable: false },
  { repository: /^mariadb$/, product: 'mariadb', suggest: '11.4', fixable: false },
  { repository: /^redis$/, product: 'redis', suggest: '8.2', fixable: false },
  { repository: /^mongo$/, product: 'mongodb', suggest: '8.0', fixable: false },
];
