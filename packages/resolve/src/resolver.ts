import {
  type ExcludedObservation,
  type MergeSuggestion,
  ModelIdSchema,
  type Observation,
  type ResolvedObservation,
  TrackerError,
} from '@tracker/schema';
import type { AliasConfig, DeveloperEntry, ExclusionConfig, ExclusionRule, ModelEntry } from './config';
import { defaultAliasConfig, defaultExclusionConfig } from './default-config';
import {
  compactKey,
  createDeveloperDirectory,
  type DeveloperDirectory,
  slugifyDeveloper,
} from './developers';
import { type DateStamp, dateMatches, type NormalizedName, normalizeModelName } from './normalize-name';
import { findMergeSuggestions, type SuggestionCandidate } from './suggestions';

/** What a source says besides the name; each helps pick the developer (docs/name-resolution.md, "Developers"). */
export interface ResolveHints {
  /** The developer or organisation as the source writes it (`Google DeepMind`, `Meta AI`). */
  developer?: string;
  /** Hugging Face repo id `owner/name`; the owner is a weak developer hint. */
  huggingFaceId?: string;
  /** The source's own model id; an `owner/` prefix is a weak developer hint. */
  sourceModelId?: string;
  /** The scraper id, for exclusion rules that except some sources. */
  source?: string;
}

/** A name that resolved to a canonical model. */
export interface ResolvedName {
  status: 'resolved';
  /** Canonical id `<developer-slug>/<model-slug>`. */
  modelId: string;
  /** Display name: the config's, or the name as the source wrote it without prefixes. */
  name: string;
  /** Developer display name, or null when unknown. */
  developer: string | null;
  /** The deciding rule followed by the rules applied on the way, joined with `+` (e.g. `alias:config+variant:date`). */
  rule: string;
  /** The same rules as a list. */
  rules: readonly string[];
  /** True when the id came from `configs/aliases.yaml` or the ledger rather than from the rules. */
  configured: boolean;
}

/** A name dropped by an exclusion rule. */
export interface ExcludedName {
  status: 'excluded';
  /** `exclusion:<match>:<pattern>`. */
  rule: string;
  reason: string;
}

/** Result of {@link Resolver.resolve}. */
export type Resolution = ResolvedName | ExcludedName;

/** Result of {@link Resolver.resolveAll}. */
export interface ResolveAllResult {
  resolved: ResolvedObservation[];
  excluded: ExcludedObservation[];
  /** Near matches the rules could not settle, for review. Never applied. */
  suggestions: MergeSuggestion[];
}

/** Options of {@link createResolver}. */
export interface ResolverOptions {
  /** Developers and model exceptions; default: the bundled `configs/aliases.yaml`. */
  aliases?: AliasConfig;
  /** Exclusion rules; default: the bundled `configs/exclusions.yaml`. */
  exclusions?: ExclusionConfig;
  /** Human decisions from the ledger's `alias` entries: raw name → model id. They win over every rule. */
  overrides?: ReadonlyMap<string, string>;
  /** Names from the ledger's `unalias` entries: they resolve from their own spelling, without config aliases or stripping. */
  removedAliases?: ReadonlySet<string>;
}

/** Resolves source names to canonical model ids. */
export interface Resolver {
  /** Resolves one name. Results are cached per distinct name and hints. */
  resolve(rawName: string, hints?: ResolveHints): Resolution;
  /** Resolves every observation, then fills missing developers from same-named siblings and lists near matches. */
  resolveAll(observations: readonly Observation[]): ResolveAllResult;
}

/** Entries each cache holds before it starts over. */
const CACHE_LIMIT = 200_000;

/**
 * One cached resolution: the hints it was made for (`''` for an absent hint), what resolveAll needs about it, and
 * its outcome in the latest resolveAll call. Flat fields rather than nested objects: there is one per distinct
 * name and hints, and fewer objects mean less garbage-collection time on large batches.
 */
interface CachedResolution {
  resolution: Resolution;
  developer: string;
  huggingFaceId: string;
  sourceModelId: string;
  source: string;
  /** Resolutions of the same raw name with other hints, by hint key; only on the first one of a name. */
  others: Map<string, CachedResolution> | undefined;
  /** The name as the source wrote it without prefixes. */
  displayName: string;
  /** Set once by `prepare` (resolved names only): the fields below. */
  prepared: boolean;
  /** `unknown/…` or an open family's developer: a sibling may supply the developer. */
  provisional: boolean;
  developerSlug: string;
  modelSlug: string;
  /** Variant and qualifier rules applied: a display name should need none. */
  stripped: number;
  /** 0 when the display name has capitals or spaces (looks written for people), else 1. */
  plain: number;
  /** The display name this spelling offers when it is the most display-like. */
  displayCandidate: string;
  /** The resolveAll call that last saw this entry; the `final…` fields belong to that call. */
  call: number;
  finalModelId: string;
  finalName: string;
  finalDeveloper: string | null;
  finalRule: string;
}

interface IndexedConfig {
  keyToModel: Map<string, ModelEntry>;
  releasesOf: Map<string, ModelEntry[]>;
}

function ownerOf(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const match = /^~?([^/\s]+)\/./.exec(id);
  return match ? match[1] : undefined;
}

function sanitizeSlug(tokens: readonly string[]): string {
  const joined = tokens.join('-');
  if (/^[a-z0-9][a-z0-9._+-]*[a-z0-9_+]$/.test(joined) && !joined.includes('--')) return joined;
  const slug = joined
    .replace(/[^a-z0-9._+-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[-.]+$/g, '');
  return slug === '' ? 'unnamed' : slug;
}

function indexConfig(config: AliasConfig, directory: DeveloperDirectory): IndexedConfig {
  const keyToModel = new Map<string, ModelEntry>();
  const releasesOf = new Map<string, ModelEntry[]>();
  const owners = new Map<string, string>();
  config.models.forEach((model, index) => {
    const slug = model.id.slice(model.id.indexOf('/') + 1);
    const keys = new Set([slug, normalizeModelName(model.name, directory).flatKey]);
    for (const alias of model.aliases) keys.add(normalizeModelName(alias, directory).flatKey);
    for (const key of keys) {
      const owner = owners.get(key);
      if (owner !== undefined && owner !== model.id) {
        throw new TrackerError(
          'CONFIG_INVALID',
          `[resolve] aliases: $.models[${index}]: the name key "${key}" of ${model.id} already names ${owner}`,
          { details: { path: `$.models[${index}]`, key } },
        );
      }
      owners.set(key, model.id);
      keyToModel.set(key, model);
    }
    if (model.releaseOf !== undefined) {
      const list = releasesOf.get(model.releaseOf) ?? [];
      list.push(model);
      releasesOf.set(model.releaseOf, list);
    }
  });
  return { keyToModel, releasesOf };
}

/**
 * Creates a resolver. Order of decisions for one name: ledger alias → exclusion (raw name only) → config alias
 * (flattened spelling, then each stripping level) → dated release → rules. See docs/name-resolution.md.
 *
 * @example
 * const resolver = createResolver();
 * resolver.resolve('claude-3-5-sonnet-20240620'); // { modelId: 'anthropic/claude-3.5-sonnet', ... }
 */
export function createResolver(options: ResolverOptions = {}): Resolver {
  const aliases = options.aliases ?? defaultAliasConfig();
  const exclusions = options.exclusions ?? defaultExclusionConfig();
  const directory = createDeveloperDirectory(aliases.developers);
  const indexed = indexConfig(aliases, directory);
  const modelsById = new Map(aliases.models.map((model) => [model.id, model]));
  const exactExclusions = new Map<string, (typeof exclusions.rules)[number]>();
  const regexExclusions: { rule: (typeof exclusions.rules)[number]; regex: RegExp }[] = [];
  for (const rule of exclusions.rules) {
    if (rule.match === 'exact') exactExclusions.set(rule.pattern.trim().toLowerCase(), rule);
    else regexExclusions.push({ rule, regex: new RegExp(rule.pattern, 'i') });
  }
  // One alternation answers "no exclusion applies" (the common case) with a single test.
  const anyRegexExclusion =
    regexExclusions.length === 0
      ? undefined
      : new RegExp(regexExclusions.map(({ rule }) => `(?:${rule.pattern})`).join('|'), 'i');
  const overrides = new Map<string, string>();
  for (const [name, modelId] of options.overrides ?? []) {
    if (!ModelIdSchema.safeParse(modelId).success) {
      throw new TrackerError(
        'DECISION_INVALID',
        `[resolve] ledger alias "${name}": "${modelId}" is not a model id`,
      );
    }
    overrides.set(name.trim().toLowerCase(), modelId);
    overrides.set(`key:${normalizeModelName(name, directory).flatKey}`, modelId);
  }
  const removedKeys = new Set<string>();
  for (const name of options.removedAliases ?? [])
    removedKeys.add(normalizeModelName(name, directory).flatKey);
  // The first resolution of each distinct raw name; others with the same name hang off it by hint key. Keyed by
  // the raw name alone, so the hot path hashes the name once and compares the hints field by field, building no key.
  const nameCache = new Map<string, CachedResolution>();
  let cachedResolutions = 0;
  // Stamps entries seen by the current resolveAll call (see CachedResolution.call).
  let callCount = 0;

  /**
   * The cached resolution of a name with these hints, resolving it on a miss. An absent hint and an empty one are
   * the same key (as `''`). The hints are given as such or, from resolveAll, as the observation they are read from
   * on a miss only (no hints object per observation).
   */
  function lookup(
    rawName: string,
    developer: string,
    huggingFaceId: string,
    sourceModelId: string,
    source: string,
    hints: ResolveHints | undefined,
    observation?: Observation,
  ): CachedResolution {
    let first = nameCache.get(rawName);
    if (
      first !== undefined &&
      first.developer === developer &&
      first.huggingFaceId === huggingFaceId &&
      first.sourceModelId === sourceModelId &&
      first.source === source
    )
      return first;
    const key =
      first === undefined ? '' : `${developer}\u0000${huggingFaceId}\u0000${sourceModelId}\u0000${source}`;
    const other = first?.others?.get(key);
    if (other) return other;
    // Bounded: past the limit the cache starts over, so memory (and GC time) stays linear in the input.
    if (cachedResolutions >= CACHE_LIMIT) {
      nameCache.clear();
      cachedResolutions = 0;
      first = undefined;
    }
    // Not kept in the cache: it is needed again only for other hints, and keeping it costs more GC time.
    const normalized = normalizeModelName(
      rawName,
      directory,
      isRepoStyleId(rawName, huggingFaceId, sourceModelId) ? REPO_STYLE : {},
    );
    const cached: CachedResolution = {
      resolution: resolveUncached(rawName, normalized, hints ?? hintsOf(observation!)),
      developer,
      huggingFaceId,
      sourceModelId,
      source,
      others: undefined,
      displayName: normalized.displayName,
      prepared: false,
      provisional: false,
      developerSlug: '',
      modelSlug: '',
      stripped: 0,
      plain: 0,
      displayCandidate: '',
      call: 0,
      finalModelId: '',
      finalName: '',
      finalDeveloper: null,
      finalRule: '',
    };
    cachedResolutions += 1;
    if (first === undefined) nameCache.set(rawName, cached);
    else {
      first.others ??= new Map();
      first.others.set(key, cached);
    }
    return cached;
  }

  function developerName(slug: string, fallback?: string): string | null {
    return directory.findBySlug(slug)?.name ?? fallback ?? null;
  }

  function exemptFrom(rule: ExclusionRule, hints: ResolveHints): boolean {
    return hints.source !== undefined && (rule.exceptSources?.includes(hints.source) ?? false);
  }

  function excludedBy(rawName: string, hints: ResolveHints): ExcludedName | undefined {
    for (const candidate of [rawName, hints.sourceModelId]) {
      if (candidate === undefined) continue;
      const trimmed = candidate.trim();
      const exact = exactExclusions.get(trimmed.toLowerCase());
      if (exact && !exemptFrom(exact, hints)) {
        return { status: 'excluded', rule: `exclusion:exact:${exact.pattern}`, reason: exact.reason };
      }
      if (anyRegexExclusion === undefined || !anyRegexExclusion.test(trimmed)) continue;
      for (const { rule, regex } of regexExclusions) {
        if (regex.test(trimmed) && !exemptFrom(rule, hints)) {
          return { status: 'excluded', rule: `exclusion:regex:${rule.pattern}`, reason: rule.reason };
        }
      }
    }
    return undefined;
  }

  function configured(model: ModelEntry, rules: string[], dates: DateStamp[]): ResolvedName {
    let target = model;
    const releases = indexed.releasesOf.get(model.id);
    if (releases && dates.length > 0) {
      const matching = releases.filter((release) =>
        dates.some((stamp) => (release.releaseDates ?? []).some((date) => dateMatches(stamp, date))),
      );
      if (matching.length === 1) {
        target = matching[0]!;
        rules.unshift('release:config');
      }
    }
    const slug = target.id.slice(0, target.id.indexOf('/'));
    return {
      status: 'resolved',
      modelId: target.id,
      name: target.name,
      developer: target.developer ?? developerName(slug),
      rule: rules.join('+'),
      rules,
      configured: true,
    };
  }

  function pickDeveloper(
    tokens: readonly string[],
    normalized: NormalizedName,
    hints: ResolveHints,
  ): { developer: DeveloperEntry | { slug: string; name: string | null }; rule: string } {
    const marker = directory.markerOf(tokens);
    if (marker) return { developer: marker, rule: 'developer:marker' };
    // A `Developer: Name` display prefix is the source's own statement, like a developer column.
    const stated =
      hints.developer?.trim() || (normalized.prefixIsDisplay ? normalized.prefixHint : undefined);
    const statedEntry = stated === undefined ? undefined : directory.findByName(stated);
    const family = directory.familyOf(tokens[0]!);
    if (family) {
      // Open-weights families are fine-tuned by others: a source naming another developer wins (a derivative).
      if (family.open && stated !== undefined && statedEntry?.slug !== family.developer.slug) {
        return {
          developer: statedEntry ?? { slug: slugifyDeveloper(stated), name: stated },
          rule: 'developer:source-derivative',
        };
      }
      // An open family's developer with no source statement is provisional: a stated derivative may claim the name.
      const provisional = family.open && stated === undefined;
      return {
        developer: family.developer,
        rule: provisional ? 'developer:family-open' : 'developer:family',
      };
    }
    const nameToken = directory.findByName(tokens[0]!);
    if (nameToken && compactKey(tokens[0]!) === tokens[0])
      return { developer: nameToken, rule: 'developer:name-token' };
    if (stated !== undefined)
      return {
        developer: statedEntry ?? { slug: slugifyDeveloper(stated), name: stated },
        rule: 'developer:source',
      };
    for (const weak of [
      normalized.prefixHint,
      normalized.ownerHint,
      ownerOf(hints.huggingFaceId),
      ownerOf(hints.sourceModelId),
    ]) {
      if (weak === undefined || weak === '') continue;
      const entry = directory.findByName(weak);
      return { developer: entry ?? { slug: slugifyDeveloper(weak), name: weak }, rule: 'developer:owner' };
    }
    return { developer: { slug: 'unknown', name: null }, rule: 'developer:unknown' };
  }

  function resolveUncached(rawName: string, normalized: NormalizedName, hints: ResolveHints): Resolution {
    const override =
      overrides.size === 0
        ? undefined
        : (overrides.get(rawName.trim().toLowerCase()) ?? overrides.get(`key:${normalized.flatKey}`));
    if (override !== undefined) {
      const model = modelsById.get(override);
      const slug = override.slice(0, override.indexOf('/'));
      return {
        status: 'resolved',
        modelId: override,
        name: model?.name ?? normalized.displayName,
        developer: model?.developer ?? developerName(slug, slug),
        rule: 'alias:ledger',
        rules: ['alias:ledger'],
        configured: true,
      };
    }
    const excluded = excludedBy(rawName, hints);
    if (excluded) return excluded;
    const removed = removedKeys.has(normalized.flatKey);
    const rules = [...normalized.lexicalRules];
    const dates: DateStamp[] = normalized.date ? [normalized.date] : [];
    if (!removed) {
      const exact = indexed.keyToModel.get(normalized.flatKey);
      if (exact) return configured(exact, ['alias:config', ...rules], dates);
      for (const level of normalized.levels) {
        if (level.rule !== '') rules.push(level.rule);
        if (level.date) dates.push(level.date);
        const model = indexed.keyToModel.get(level.key);
        if (model) return configured(model, ['alias:config', ...new Set(rules)], dates);
      }
    }
    const level = removed ? normalized.levels[0]! : normalized.levels[normalized.levels.length - 1]!;
    const decision = removed ? 'unalias:ledger' : 'rules';
    const picked = pickDeveloper(level.tokens, normalized, hints);
    const modelId = `${picked.developer.slug}/${sanitizeSlug(level.tokens)}`;
    const allRules = [decision, ...new Set(removed ? normalized.lexicalRules : rules), picked.rule];
    return {
      status: 'resolved',
      modelId,
      name:
        normalized.levels.length === 1
          ? // displayName is trimmed already: without a parenthesis there is nothing to remove.
            (normalized.displayName.includes('(')
              ? normalized.displayName.replace(/\s*\([^()]*\)/g, '').trim()
              : normalized.displayName) || level.key
          : level.key,
      developer: picked.developer.name,
      rule: allRules.join('+'),
      rules: allRules,
      configured: false,
    };
  }

  function resolve(rawName: string, hints: ResolveHints = {}): Resolution {
    return lookup(
      rawName,
      hints.developer ?? '',
      hints.huggingFaceId ?? '',
      hints.sourceModelId ?? '',
      hints.source ?? '',
      hints,
    ).resolution;
  }

  /** Fills what resolveAll needs about a resolved name beyond the public result; once per cache entry. */
  function prepare(cached: CachedResolution, resolution: ResolvedName): void {
    const [developerSlug, modelSlug] = splitId(resolution.modelId);
    const display = cached.displayName;
    const stripped = resolution.rules.filter(
      (name) => name.startsWith('variant:') || name.startsWith('qualifier:'),
    ).length;
    cached.provisional =
      resolution.modelId.startsWith('unknown/') || resolution.rules.includes('developer:family-open');
    cached.developerSlug = developerSlug;
    cached.modelSlug = modelSlug;
    cached.stripped = stripped;
    cached.plain = /[A-Z ]/.test(display) ? 0 : 1;
    cached.displayCandidate = stripped === 0 ? display : resolution.name;
    cached.prepared = true;
  }

  /*
   * Work that depends only on the name and hints is done once per distinct cache entry (`distinct`, in order of
   * first occurrence); only the steps whose outcome depends on how often or in which order an entry occurs walk
   * every observation. Each shortcut gives exactly the result of the per-observation walk it replaces: see the
   * comments at each step.
   */
  function resolveAll(observations: readonly Observation[]): ResolveAllResult {
    callCount += 1;
    const call = callCount;
    const excluded: ExcludedObservation[] = [];
    const pendingObservations: Observation[] = [];
    const pendingEntries: CachedResolution[] = [];
    const distinct: CachedResolution[] = [];
    for (const observation of observations) {
      const cached = lookup(
        observation.rawName,
        observation.developer ?? '',
        observation.huggingFaceId ?? '',
        observation.sourceModelId ?? '',
        observation.source ?? '',
        undefined,
        observation,
      );
      const resolution = cached.resolution;
      if (resolution.status === 'excluded') {
        excluded.push({ observation, rule: resolution.rule, reason: resolution.reason });
        continue;
      }
      pendingObservations.push(observation);
      pendingEntries.push(cached);
      if (cached.call !== call) {
        cached.call = call;
        if (!cached.prepared) prepare(cached, resolution);
        distinct.push(cached);
      }
    }
    // developer:sibling — `unknown/x` joins the one known developer that has a model `x` in this batch; so does an
    // open family's provisional `meta/x` when exactly one source names another developer for `x` (a fine-tune).
    // Walks every observation: the developer kept per slug is the last one seen.
    const developersBySlug = new Map<string, Map<string, string | null>>();
    for (const cached of pendingEntries) {
      const resolution = cached.resolution as ResolvedName;
      if (cached.provisional || resolution.configured) continue;
      let known = developersBySlug.get(cached.modelSlug);
      if (!known) {
        known = new Map<string, string | null>();
        developersBySlug.set(cached.modelSlug, known);
      }
      known.set(cached.developerSlug, resolution.developer);
    }
    // A rewrite depends only on the model id: once per distinct entry.
    const idRewrites = new Map<string, { modelId: string; developer: string | null }>();
    for (const cached of distinct) {
      const resolution = cached.resolution as ResolvedName;
      if (!cached.provisional || resolution.configured) continue;
      const known = developersBySlug.get(cached.modelSlug);
      if (known?.size !== 1) continue;
      const [[slug, developer]] = [...known] as [[string, string | null]];
      if (slug !== cached.developerSlug)
        idRewrites.set(resolution.modelId, { modelId: `${slug}/${cached.modelSlug}`, developer });
    }
    // Display names: the config's; otherwise the most display-like spelling that needed no stripping. Both choices
    // keep the first best seen and an entry's score never changes, so a repeat of an entry changes nothing: once
    // per distinct entry, in order of first occurrence, chooses as the walk over every observation does.
    const nameChoice = new Map<string, CachedResolution>();
    const developerChoice = new Map<string, string | null>();
    for (const cached of distinct) {
      const resolution = cached.resolution as ResolvedName;
      const rewrite = idRewrites.size === 0 ? undefined : idRewrites.get(resolution.modelId);
      const modelId = rewrite?.modelId ?? resolution.modelId;
      const developer = rewrite ? rewrite.developer : resolution.developer;
      if (!resolution.configured) {
        const current = nameChoice.get(modelId);
        if (!current || compareDisplay(cached, current) < 0) nameChoice.set(modelId, cached);
      }
      if (!developerChoice.has(modelId) || (developerChoice.get(modelId) === null && developer !== null))
        developerChoice.set(modelId, developer);
      cached.finalModelId = modelId;
      cached.finalName = resolution.name;
      cached.finalDeveloper = developer;
      cached.finalRule = rewrite ? `${resolution.rule}+developer:sibling` : resolution.rule;
    }
    for (const cached of distinct) {
      if (!(cached.resolution as ResolvedName).configured)
        cached.finalName = nameChoice.get(cached.finalModelId)?.displayCandidate ?? cached.finalName;
      cached.finalDeveloper = developerChoice.get(cached.finalModelId) ?? cached.finalDeveloper;
    }
    const resolved: ResolvedObservation[] = new Array(pendingObservations.length);
    for (let index = 0; index < pendingObservations.length; index += 1) {
      const cached = pendingEntries[index]!;
      resolved[index] = {
        observation: pendingObservations[index]!,
        modelId: cached.finalModelId,
        name: cached.finalName,
        developer: cached.finalDeveloper,
        rule: cached.finalRule,
      };
    }
    // The first resolved observation of an id is the first occurrence of the first distinct entry with that id.
    const candidates = new Map<string, SuggestionCandidate>();
    for (const cached of distinct) {
      if (candidates.has(cached.finalModelId)) continue;
      candidates.set(cached.finalModelId, {
        modelId: cached.finalModelId,
        name: cached.finalName,
        configured: modelsById.has(cached.finalModelId),
      });
    }
    return { resolved, excluded, suggestions: findMergeSuggestions([...candidates.values()]) };
  }

  return { resolve, resolveAll };
}

const REPO_STYLE = { repoStyleId: true } as const;

/**
 * True when the source gives the raw name as its own repo-style id: the name is its Hugging Face id or its model id
 * (OpenRouter's `mistralai/mistral-large-2407`, optionally with a `:variant`). Only then is an unknown `owner/`
 * prefix an owner; Epoch's `ViT-Base/32` is a name with a slash.
 */
function isRepoStyleId(rawName: string, huggingFaceId: string, sourceModelId: string): boolean {
  if ((huggingFaceId === '' && sourceModelId === '') || !rawName.includes('/')) return false;
  const name = withoutVariant(rawName);
  return (
    (huggingFaceId !== '' && withoutVariant(huggingFaceId) === name) ||
    (sourceModelId !== '' && withoutVariant(sourceModelId) === name)
  );
}

/** Trimmed, lower-cased, without a trailing `:variant` (`:free`, `:thinking`). */
function withoutVariant(id: string): string {
  return id
    .trim()
    .toLowerCase()
    .replace(/:[a-z]+$/, '');
}

/** The hints an observation gives, as resolveAll passes them. */
function hintsOf(observation: Observation): ResolveHints {
  const hints: ResolveHints = { source: observation.source };
  if (observation.developer !== undefined) hints.developer = observation.developer;
  if (observation.huggingFaceId !== undefined) hints.huggingFaceId = observation.huggingFaceId;
  if (observation.sourceModelId !== undefined) hints.sourceModelId = observation.sourceModelId;
  return hints;
}

function splitId(modelId: string): [string, string] {
  const slash = modelId.indexOf('/');
  return [modelId.slice(0, slash), modelId.slice(slash + 1)];
}

/** Orders spellings by how display-like they are: fewer stripped suffixes, capitals or spaces, shorter, then by text. */
function compareDisplay(left: CachedResolution, right: CachedResolution): number {
  return (
    left.stripped - right.stripped ||
    left.plain - right.plain ||
    left.displayName.length - right.displayName.length ||
    (left.displayName < right.displayName ? -1 : left.displayName > right.displayName ? 1 : 0)
  );
}
