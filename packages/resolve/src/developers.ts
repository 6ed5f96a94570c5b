import type { DeveloperEntry } from './config';
import type { FamilyLookup } from './normalize-name';

/** Lower-case letters and digits only: the key developer spellings are compared by. */
export function compactKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Slug of a developer the table does not know: letters and digits of its first organisation only, so that
 * `Aion Labs`, `AionLabs` and `aion-labs` give one id (`aionlabs`).
 */
export function slugifyDeveloper(name: string): string {
  const slug = compactKey((/[^\x20-\x7e]/.test(name) ? name.normalize('NFKD') : name).split(',')[0] ?? '');
  return slug === '' ? 'unknown' : slug;
}

/** Looks developers up by spelling, by family token and by marker token. */
export interface DeveloperDirectory extends FamilyLookup {
  /** The developer a source's spelling names (`Google DeepMind` → Google), or undefined. */
  findByName(name: string): DeveloperEntry | undefined;
  /** The developer by slug. */
  findBySlug(slug: string): DeveloperEntry | undefined;
  /** The developer whose family the token starts, with the family matched. */
  familyOf(token: string): { developer: DeveloperEntry; family: string; open: boolean } | undefined;
  /** The developer named by a marker token anywhere in the name. */
  markerOf(tokens: readonly string[]): DeveloperEntry | undefined;
}

/** Builds the lookup tables once; every lookup is a map access or a scan of the first token's prefixes. */
export function createDeveloperDirectory(developers: readonly DeveloperEntry[]): DeveloperDirectory {
  const byKey = new Map<string, DeveloperEntry>();
  const bySlug = new Map<string, DeveloperEntry>();
  const families = new Map<string, { developer: DeveloperEntry; open: boolean }>();
  const markers = new Map<string, DeveloperEntry>();
  for (const developer of developers) {
    bySlug.set(developer.slug, developer);
    for (const spelling of [developer.name, developer.slug, ...developer.aliases]) {
      const key = compactKey(spelling);
      if (key !== '' && !byKey.has(key)) byKey.set(key, developer);
    }
    const open = new Set(developer.openFamilies);
    for (const family of developer.families) families.set(family, { developer, open: open.has(family) });
    for (const marker of developer.markers) markers.set(marker, developer);
  }

  function findOne(name: string): DeveloperEntry | undefined {
    const whole = byKey.get(compactKey(name));
    if (whole) return whole;
    // `Google DeepMind`, `Meta AI`, `Reka AI`, `Z.ai (Zhipu AI)`: try the first word, then the first two joined.
    const words = name
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    if (words.length > 1) {
      const firstTwo = byKey.get(`${words[0]}${words[1]}`);
      if (firstTwo) return firstTwo;
      const first = byKey.get(words[0]!);
      if (first && words[0]!.length >= 2) return first;
    }
    // `ibm-granite`, `meta-llama`, `google-t5`: an owner written as `<developer>-<product>`.
    const dashed = /^([a-z0-9]+)-/.exec(name.toLowerCase());
    return dashed ? byKey.get(dashed[1]!) : undefined;
  }

  function familyOf(token: string): { developer: DeveloperEntry; family: string; open: boolean } | undefined {
    const exact = families.get(token);
    if (exact) return { developer: exact.developer, family: token, open: exact.open };
    // `qwen3`, `o1`, `gemma2`, `qwen2.5`: a family word followed by a version.
    const letters = /^[a-z]+/.exec(token)?.[0];
    if (letters === undefined || letters === token || !/[\d.]/.test(token[letters.length]!)) return undefined;
    const entry = families.get(letters);
    return entry ? { developer: entry.developer, family: letters, open: entry.open } : undefined;
  }

  const nameCache = new Map<string, DeveloperEntry | undefined>();
  return {
    findByName(name) {
      if (nameCache.has(name)) return nameCache.get(name);
      let found: DeveloperEntry | undefined;
      // Epoch joins several organisations with commas: the first one that we know decides.
      for (const part of name.split(',')) {
        found = findOne(part.trim());
        if (found) break;
      }
      if (nameCache.size >= 100_000) nameCache.clear();
      nameCache.set(name, found);
      return found;
    },
    findBySlug: (slug) => bySlug.get(slug),
    familyOf,
    markerOf(tokens) {
      for (let index = 1; index < tokens.length; index += 1) {
        const found = markers.get(tokens[index]!);
        if (found) return found;
      }
      return undefined;
    },
    isFamilyToken: (token) => familyOf(token) !== undefined,
    isDeveloperToken: (token) => byKey.has(token) && familyOf(token) === undefined,
    // Exact spellings only (no first-word or `<developer>-<product>` guess): `ViT-Base` must not pass as `vit`.
    isKnownOwner: (owner) => byKey.has(compactKey(owner)),
  };
}
