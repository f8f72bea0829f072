// Key/value pairs of the small formats people paste into one string: single-line JSON, XML elements
// and attributes (Maven `settings.xml`, NuGet's `<add key="ClearTextPassword" value="…"/>`), `.npmrc`
// auth lines and URL query strings (`?access_token=…`, `&sig=…`). The caller judges each pair by its
// name and value, as it judges a YAML key.
import type { KeyStrength } from './keyNames.js';

export interface EmbeddedPair {
  key: string;
  value: string;
  /** Offset of `value` in the scanned text. */
  valueStart: number;
  /** Set when the format itself says the value is a credential (`_auth=` in an .npmrc, `sig=` in a URL). */
  strength?: KeyStrength;
}

/** Bounded quantifiers throughout: a hostile 1 MB value costs one linear pass per format. */
const JSON_PAIR = /"([A-Za-z_][\w.-]{0,100})"[ \t]*:[ \t]*"((?:[^"\\\n]|\\.){1,1000})"/dg;
const XML_ELEMENT = /<([A-Za-z_][\w.:-]{0,100})(?:[ \t][^<>]{0,1000})?>([^<>\n]{1,1000})<\/\1[ \t]*>/dg;
const XML_TAG = /<[A-Za-z_][^<>]{0,2000}>/g;
const XML_ATTRIBUTE = /[ \t]([A-Za-z_][\w.:-]{0,100})[ \t]*=[ \t]*"([^"\n]{1,1000})"/dg;
/** NuGet and .NET `appSettings`: the name is the `key` attribute, the value the `value` attribute. */
const ADD_KEY_VALUE = /<add[ \t]+key[ \t]*=[ \t]*"([^"\n]{1,200})"[ \t]+value[ \t]*=[ \t]*"([^"\n]{1,1000})"/dgi;
/** `_authToken=` is an issued token, the token rule's; `_auth` (base64 user:password) and `_password` are not. */
const NPMRC_AUTH = /(?:^|[\s'"])(?:\/\/[^\s=]{0,500}:)?(_auth|_password)[ \t]*=[ \t]*["']?([^\s'"]{1,1000})/dgm;
const QUERY_PARAMETER = /[?&]([A-Za-z_][\w.-]{0,60})=([^&#\s"'<>]{1,1000})/dg;
/** Query parameters that carry a signature or a token under a name no key-name reading recognises. */
const SIGNATURE_PARAMETERS: ReadonlySet<string> = new Set(['sig', 'signature', 'x-amz-signature', 'x-goog-signature', 'x-amz-security-token']);

/** Every pair of every format found in `text`, in no particular order. */
export function embeddedPairs(text: string): EmbeddedPair[] {
  const pairs: EmbeddedPair[] = [];
  if (text.includes('":')) collect(pairs, text, JSON_PAIR);
  if (text.includes('<')) {
    if (text.includes('</')) collect(pairs, text, XML_ELEMENT);
    collect(pairs, text, ADD_KEY_VALUE);
    for (const tag of text.matchAll(XML_TAG)) {
      for (const pair of collect([], tag[0], XML_ATTRIBUTE)) {
        if (pair.key !== 'key' && pair.key !== 'value') pairs.push({ ...pair, valueStart: pair.valueStart + tag.index });
      }
    }
  }
  if (text.includes('_auth') || text.includes('_password')) collect(pairs, text, NPMRC_AUTH, 'strong');
  if (text.includes('=') && (text.includes('?') || text.includes('&'))) {
    for (const pair of collect([], text, QUERY_PARAMETER)) {
      pairs.push(SIGNATURE_PARAMETERS.has(pair.key.toLowerCase()) ? { ...pair, strength: 'strong' } : pair);
    }
  }
  return pairs;
}

/** Adds the pairs of one format (group 1 the name, group 2 the value) to `pairs`, and returns it. */
function collect(pairs: EmbeddedPair[], text: string, format: RegExp, strength?: KeyStrength): EmbeddedPair[] {
  for (const match of text.matchAll(format)) {
    const key = match[1];
    const value = match[2];
    const valueStart = match.indices?.[2]?.[0];
    if (key === undefined || value === undefined || valueStart === undefined) continue;
    pairs.push(strength ? { key, value, valueStart, strength } : { key, value, valueStart });
  }
  return pairs;
}
