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
  const normalizedCache = new Map<string, NormalizedName>();
  const resolutionCache = new Map<string, Resolution>();

  function normalize(rawName: string): NormalizedName {
    let normalized = normalizedCache.get(rawName);
    if (!normalized) {
      normalized = normalizeModelName(rawName, directory);
      // Bounded: past the limit the cache starts over, so memory (and GC time) stays linear in the input.
      if (normalizedCache.size >= CACHE_LIMIT) normalizedCache.clear();
      normalizedCache.set(rawName, normalized);
    }
    return normalized;
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
      const exact = exactExclusions.get(candidate.trim().toLowerCase());
      if (exact && !exemptFrom(exact, hints)) {
        return { status: 'excluded', rule: `exclusion:exact:${exact.pattern}`, reason: exact.reason };
      }
      if (anyRegexExclusion === undefined || !anyRegexExclusion.test(candidate.trim())) continue;
      for (const { rule, regex } of regexExclusions) {
        if (regex.test(candidate.trim()) && !exemptFrom(rule, hints)) {
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

  function resolveUncached(rawName: string, hints: ResolveHints): Resolution {
    const normalized = normalize(rawName);
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
          ? normalized.displayName.replace(/\s*\([^()]*\)/g, '').trim() || level.key
          : level.key,
      developer: picked.developer.name,
      rule: allRules.join('+'),
      rules: allRules,
      configured: false,
    };
  }

  function resolve(rawName: string, hints: ResolveHints = {}): Resolution {
    const cacheKey = `${rawName}\u0000${hints.developer ?? ''}\u0000${hints.huggingFaceId ?? ''}\u0000${hints.sourceModelId ?? ''}\u0000${hints.source ?? ''}`;
    let resolution = resolutionCache.get(cacheKey);
    if (!resolution) {
      resolution = resolveUncached(rawName, hints);
      if (resolutionCache.size >= CACHE_LIMIT) resolutionCache.clear();
      resolutionCache.set(cacheKey, resolution);
    }
    return resolution;
  }

  function resolveAll(observations: readonly Observation[]): ResolveAllResult {
    const excluded: ExcludedObservation[] = [];
    const pending: { observation: Observation; resolution: ResolvedName }[] = [];
    for (const observation of observations) {
      const hints: ResolveHints = { source: observation.source };
      if (observation.developer !== undefined) hints.developer = observation.developer;
      if (observation.huggingFaceId !== undefined) hints.huggingFaceId = observation.huggingFaceId;
      if (observation.sourceModelId !== undefined) hints.sourceModelId = observation.sourceModelId;
      const resolution = resolve(observation.rawName, hints);
      if (resolution.status === 'excluded')
        excluded.push({ observation, rule: resolution.rule, reason: resolution.reason });
      else pending.push({ observation, resolution });
    }
    // developer:sibling — `unknown/x` joins the one known developer that has a model `x` in this batch; so does an
    // open family's provisional `meta/x` when exactly one source names another developer for `x` (a fine-tune).
    const provisional = (resolution: ResolvedName): boolean =>
      resolution.modelId.startsWith('unknown/') || resolution.rules.includes('developer:family-open');
    const developersBySlug = new Map<string, Map<string, string | null>>();
    for (const { resolution } of pending) {
      if (provisional(resolution) || resolution.configured) continue;
      const [developerSlug, modelSlug] = splitId(resolution.modelId);
      const known = developersBySlug.get(modelSlug) ?? new Map<string, string | null>();
      known.set(developerSlug, resolution.developer);
      developersBySlug.set(modelSlug, known);
    }
    const idRewrites = new Map<string, { modelId: string; developer: string | null }>();
    for (const { resolution } of pending) {
      if (!provisional(resolution) || resolution.configured) continue;
      const [developerSlug, modelSlug] = splitId(resolution.modelId);
      const known = developersBySlug.get(modelSlug);
      if (known?.size !== 1) continue;
      const [[slug, developer]] = [...known] as [[string, string | null]];
      if (slug !== developerSlug)
        idRewrites.set(resolution.modelId, { modelId: `${slug}/${modelSlug}`, developer });
    }
    // Display names: the config's; otherwise the most display-like spelling that needed no stripping.
    const nameChoice = new Map<string, { name: string; score: readonly [number, number, number, string] }>();
    const developerChoice = new Map<string, string | null>();
    const finals = pending.map(({ observation, resolution }) => {
      const rewrite = idRewrites.get(resolution.modelId);
      const modelId = rewrite?.modelId ?? resolution.modelId;
      const developer = rewrite ? rewrite.developer : resolution.developer;
      const rule = rewrite ? `${resolution.rule}+developer:sibling` : resolution.rule;
      if (!resolution.configured) {
        const display = normalize(observation.rawName).displayName;
        const stripped = resolution.rules.filter(
          (name) => name.startsWith('variant:') || name.startsWith('qualifier:'),
        ).length;
        const score = [stripped, /[A-Z ]/.test(display) ? 0 : 1, display.length, display] as const;
        const current = nameChoice.get(modelId);
        if (!current || compareScores(score, current.score) < 0)
          nameChoice.set(modelId, { name: stripped === 0 ? display : resolution.name, score });
      }
      if (!developerChoice.has(modelId) || (developerChoice.get(modelId) === null && developer !== null))
        developerChoice.set(modelId, developer);
      return {
        observation,
        modelId,
        name: resolution.name,
        developer,
        rule,
        configured: resolution.configured,
      };
    });
    const resolved: ResolvedObservation[] = finals.map((entry) => ({
      observation: entry.observation,
      modelId: entry.modelId,
      name: entry.configured ? entry.name : (nameChoice.get(entry.modelId)?.name ?? entry.name),
      developer: developerChoice.get(entry.modelId) ?? entry.developer,
      rule: entry.rule,
    }));
    const candidates = new Map<string, SuggestionCandidate>();
    for (const entry of resolved) {
      if (candidates.has(entry.modelId)) continue;
      candidates.set(entry.modelId, {
        modelId: entry.modelId,
        name: entry.name,
        configured: modelsById.has(entry.modelId),
      });
    }
    return { resolved, excluded, suggestions: findMergeSuggestions([...candidates.values()]) };
  }

  return { resolve, resolveAll };
}

function splitId(modelId: string): [string, string] {
  const slash = modelId.indexOf('/');
  return [modelId.slice(0, slash), modelId.slice(slash + 1)];
}

function compareScores(
  left: readonly [number, number, number, string],
  right: readonly [number, number, number, string],
): number {
  for (let index = 0; index < 3; index += 1) {
    const difference = (left[index] as number) - (right[index] as number);
    if (difference !== 0) return difference;
  }
  return left[3] < right[3] ? -1 : left[3] > right[3] ? 1 : 0;
}
