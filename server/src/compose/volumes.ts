// Reads Compose's short volume syntax, `[SOURCE:]TARGET[:MODE]`, as docker compose does (compose-go's
// ParseVolume): a colon right after a single drive letter belongs to a Windows path (`C:\data:/data`).

export interface ShortVolume {
  /** The host path or volume name; undefined for an anonymous volume (`/data` alone). */
  source?: string;
  target: string;
  /** The mode says `ro`. */
  readOnly: boolean;
  /** The source is a host path (`/…`, `./…`, `~/…`, `C:\…`, `\\.\pipe\…`), not a volume name. */
  bind: boolean;
}

/** The parts of a short-syntax volume, or undefined when docker compose would refuse it (too many colons, empty). */
export function parseShortVolume(spec: string): ShortVolume | undefined {
  if (spec.length === 0) return undefined;
  if (spec.length <= 2) return { target: spec, readOnly: false, bind: false };
  const fields: string[] = [];
  let start = 0;
  for (let i = 0; i < spec.length; i++) {
    if (spec[i] !== ':' || isDriveColon(spec, start, i)) continue;
    fields.push(spec.slice(start, i));
    start = i + 1;
  }
  fields.push(spec.slice(start));
  if (fields.length > 3) return undefined;
  if (fields.length === 1) return { target: spec, readOnly: false, bind: false };
  const [source, target, mode = ''] = fields;
  return { source, target, readOnly: mode.split(',').includes('ro'), bind: isHostPath(source) };
}

/** A colon after exactly one letter, at the start of a field: `C:` of `C:\data`. */
function isDriveColon(spec: string, fieldStart: number, colon: number): boolean {
  return colon === fieldStart + 1 && /\p{L}/u.test(spec[fieldStart]);
}

const DRIVE_PATH = /^\p{L}:/u;

/** compose-go's isFilePath: what starts like a path is a bind mount; anything else names a volume. */
function isHostPath(source: string): boolean {
  return /^[./~]/.test(source) || source.startsWith('\\\\') || DRIVE_PATH.test(source);
}
