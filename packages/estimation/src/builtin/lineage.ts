import { membersNear } from '../active-parameters';
import type { EstimateContext, EstimatorFacts, LineageModel } from '../estimator';
import { developerKey, isOpenWeights } from '../imputation/model';
import { countsTokens, looseName, releaseYear } from '../inputs';
import { memoByString } from '../memo';
import { findMoeFamily, formatCount, nameSizeOf } from '../names';
import { Z90 } from '../probability';

/**
 * Two sizes within this factor are the same model size: names round (`70B` for Llama's 70.6B, `72B` for Qwen's
 * 72.7B, both within 1%), while distinct families of one size class sit further apart (a `72B` name against
 * Llama's 70.6B is ×1.02).
 */
export const SIZE_MATCH_FACTOR = 1.015;
/**
 * A base released this many years before the model weighs half as much: post-trainers build on recent bases.
 * Each base's weight is also 1 + the number of records that name it as their base: popular bases are built on more.
 */
export const RECENCY_HALF_LIFE_YEARS = 1;
/** A developer that pretrained a model at least this share of the size may have pretrained this one too. */
export const PRETRAINED_SIZE_SHARE = 0.5;
/**
 * Bases older than this are not considered: of the 468 language models in the committed data whose base model
 * tag resolves, 90% were released within 1.6 years of their base and 95% within 2.6 (Switch-C's 1.57T is not
 * what a 2026 model of 1.6T was built on).
 */
export const MAX_BASE_AGE_YEARS = 2;
/**
 * A reference whose figure is at least half of 6 × total parameters × tokens was trained dense; below that its
 * implied active share (figure ÷ 6·N·D) marks a mixture of experts (DeepSeek-V3: 3.3e24 ÷ 6·671B·14.8T = 0.055).
 */
export const DENSE_MIN_SHARE = 0.5;
/** Implied shares under 1% say more about the stated tokens (epochs, a part of the run) than about the architecture. */
const MIN_IMPLIED_SHARE = 0.01;
/** Family words are alphabetic name parts of at least this many letters (`qwen` of `Qwen2.5-72B`). */
const MIN_FAMILY_LETTERS = 3;

/** One possible base of a model, with its weight in the mixture and its compute (log-normal). */
export interface NameBase {
  model: LineageModel;
  weight: number;
  median: number;
  log10Sigma: number;
  /** How the base's compute is known (`reported`, or the method of its pipeline estimate). */
  method: string;
}

/** Why a model is taken as a post-train of these bases. */
export type LineageBasis = 'tag' | 'family' | 'size';

/** The bases a model's name and size point to, by {@link findNameLineage}. */
export interface NameLineage {
  bases: NameBase[];
  basis: LineageBasis;
  /** The family word shared with the bases (basis `family`). */
  family?: string;
  /** The model's total parameters that matched. */
  size: number;
  /** Log-normal mixture over the bases: mean and sd of log10 FLOP. */
  log10Mean: number;
  log10Sigma: number;
  /** Why, in words. */
  text: string;
}

interface LineageIndex {
  /** Pretrained models (not derived) with a size, smallest first: the possible bases. */
  bases: LineageModel[];
  /** The same, by developer key. */
  byDeveloper: Map<string, LineageModel[]>;
  /** Positions in {@link LineageIndex.bases} of each developer's bases, ascending (so by size). */
  positionsByDeveloper: Map<string, number[]>;
  /** Every lineage model by its loose name (first one wins). */
  byName: Map<string, LineageModel>;
  /** Family word → the developer whose pretrained models' names carry it: at least 2 of them and most of all. */
  familyOwner: Map<string, string>;
  /** Models trained dense (implied share ≥ 0.5), largest first. */
  dense: LineageModel[];
  /** Models shown to be mixtures of experts by their stated or implied active share, by developer key. */
  moe: Map<
    string,
    { id: string; name: string; parameters: number; activeParameters: number; releaseDate?: string }[]
  >;
}

/** The lineage the context carries, or one made from its benchmark references (no confidence or base known there). */
function lineageModels(context: EstimateContext): readonly LineageModel[] {
  if (context.lineage) return context.lineage;
  return context.references.map((reference) => {
    const model: LineageModel = {
      id: reference.id,
      name: reference.name,
      computeFlop: reference.computeFlop,
      confidence: 'likely',
      derived: false,
    };
    if (reference.developer) model.developer = reference.developer;
    if (reference.releaseDate) model.releaseDate = reference.releaseDate;
    if (reference.accessibility) model.accessibility = reference.accessibility;
    const total = reference.parameters ?? nameSizeOf(reference.name)?.total;
    if (total) model.parameters = total;
    if (reference.activeParameters) model.activeParameters = reference.activeParameters;
    return model;
  });
}

/** The alphabetic words of a name (`Qwen2.5-72B-Instruct` → qwen, instruct), lower-cased. */
export function nameWords(name: string): string[] {
  const words: string[] = [];
  for (const part of name.toLowerCase().split(/[^a-z0-9]+/)) {
    for (const match of part.matchAll(/[a-z]+/g)) {
      if (match[0].length >= MIN_FAMILY_LETTERS) words.push(match[0]);
    }
  }
  return words;
}

/** {@link nameWords} of the bases' names, remembered (every model that matches a size asks of the same bases). */
const baseNameWords = memoByString(nameWords);

/** The active share a lineage model states or implies (figure ÷ 6·N·D), or undefined. */
export function impliedActiveShare(model: LineageModel): number | undefined {
  if (!model.parameters) return undefined;
  if (model.activeParameters) return model.activeParameters / model.parameters;
  if (!model.trainingTokens) return undefined;
  return model.computeFlop / (6 * model.parameters * model.trainingTokens);
}

function lineageIndex(context: EstimateContext): LineageIndex {
  const cached = context.cache.get('lineage-index') as LineageIndex | undefined;
  if (cached) return cached;
  const index: LineageIndex = {
    bases: [],
    byDeveloper: new Map(),
    positionsByDeveloper: new Map(),
    byName: new Map(),
    familyOwner: new Map(),
    dense: [],
    moe: new Map(),
  };
  const wordCounts = new Map<string, Map<string, number>>();
  for (const model of lineageModels(context)) {
    const loose = looseName(model.name);
    if (!index.byName.has(loose)) index.byName.set(loose, model);
    if (!model.parameters) continue;
    const developer = developerKey(model.developer);
    const share = impliedActiveShare(model);
    if (share !== undefined && share >= MIN_IMPLIED_SHARE && share < DENSE_MIN_SHARE && developer) {
      const list = index.moe.get(developer) ?? [];
      const member: {
        id: string;
        name: string;
        parameters: number;
        activeParameters: number;
        releaseDate?: string;
      } = {
        id: model.id,
        name: model.name,
        parameters: model.parameters,
        activeParameters: share * model.parameters,
      };
      if (model.releaseDate) member.releaseDate = model.releaseDate;
      list.push(member);
      index.moe.set(developer, list);
    }
    if (model.derived) continue;
    index.bases.push(model);
    if (share !== undefined && share >= DENSE_MIN_SHARE && !model.activeParameters) index.dense.push(model);
    if (!developer) continue;
    const own = index.byDeveloper.get(developer) ?? [];
    own.push(model);
    index.byDeveloper.set(developer, own);
    for (const word of new Set(nameWords(model.name))) {
      const counts = wordCounts.get(word) ?? new Map<string, number>();
      counts.set(developer, (counts.get(developer) ?? 0) + 1);
      wordCounts.set(word, counts);
    }
  }
  for (const [word, counts] of wordCounts) {
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    for (const [developer, count] of counts)
      if (count >= 2 && count > total / 2) index.familyOwner.set(word, developer);
  }
  index.dense.sort((left, right) => (right.parameters as number) - (left.parameters as number));
  index.bases.sort((left, right) => (left.parameters as number) - (right.parameters as number));
  index.bases.forEach((base, position) => {
    const developer = developerKey(base.developer);
    if (developer === null) return;
    const positions = index.positionsByDeveloper.get(developer);
    if (positions) positions.push(position);
    else index.positionsByDeveloper.set(developer, [position]);
  });
  context.cache.set('lineage-index', index);
  return index;
}

/** The model itself, under its id or its name: never its own base, never its own evidence. */
function isSelf(
  model: { id: string; name: string },
  facts: EstimatorFacts,
  ownLoose: string = looseName(facts.name),
): boolean {
  return (facts.id !== undefined && model.id === facts.id) || looseName(model.name) === ownLoose;
}

/** Index of the first of `sorted` (by parameters, ascending) with at least `parameters`. */
function firstAtLeast(sorted: readonly LineageModel[], parameters: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (((sorted[middle] as LineageModel).parameters as number) < parameters) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the first of `positions` (ascending) that is at least `position`. */
function firstPositionAtLeast(positions: readonly number[], position: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((positions[middle] as number) < position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The positions of `developer`'s bases within `[start, end)` of the bases, ascending. */
function developerWindow(index: LineageIndex, developer: string, start: number, end: number): number[] {
  const positions = index.positionsByDeveloper.get(developer) ?? [];
  const found: number[] = [];
  for (let at = firstPositionAtLeast(positions, start); at < positions.length; at++) {
    const position = positions[at] as number;
    if (position >= end) break;
    found.push(position);
  }
  return found;
}

/**
 * The developers that own a family word the model's words carry (a word of theirs equal to one of the model's,
 * or of at least 4 letters beginning one): the only developers whose bases {@link sharedFamilyWord} can match.
 */
function familyOwnersCarried(index: LineageIndex, words: readonly string[]): Set<string> {
  const owners = new Set<string>();
  for (const own of words) {
    for (let length = own.length; length >= Math.min(4, own.length); length--) {
      const owner = index.familyOwner.get(own.slice(0, length));
      if (owner !== undefined) owners.add(owner);
    }
  }
  return owners;
}

/** Released on or before `released` (ISO day); anything goes when the model's date is unknown. */
function releasedBy(model: { releaseDate?: string }, released: string | undefined): boolean {
  return !released || (model.releaseDate !== undefined && model.releaseDate.slice(0, 10) <= released);
}

/**
 * The largest model trained dense with a disclosed figure (its figure is about 6 × total × tokens), the model
 * itself left out; null when the data hold none. Above its size no dense model has been trained.
 */
export function largestDense(facts: EstimatorFacts, context: EstimateContext): LineageModel | null {
  return lineageIndex(context).dense.find((model) => !isSelf(model, facts)) ?? null;
}

/**
 * Models of this developer released no later than the model whose stated or implied active share (figure ÷
 * 6·N·D) shows a mixture of experts, the model itself left out: the members `knownMoeFromData` learns the developer's MoE split from.
 * With `near`, only those whose total is within the factor `membersNear` keeps of it (in the same order).
 */
export function developerMoeModels(
  facts: EstimatorFacts,
  context: EstimateContext,
  near?: number,
): { id: string; name: string; developer?: string; parameters: number; activeParameters: number }[] {
  const developer = developerKey(facts.developer);
  if (!developer) return [];
  const released = facts.releaseDate?.slice(0, 10);
  const all = lineageIndex(context).moe.get(developer) ?? [];
  return (near === undefined ? all : membersNear(all, near))
    .filter((model) => releasedBy(model, released) && !isSelf(model, facts))
    .map(({ releaseDate: _, ...model }) => ({ ...model, developer: facts.developer as string }));
}

/**
 * A family word of `base` that the model's words carry: a word that mostly `base`'s developer uses in the names of
 * its pretrained models (`llama`: Meta's, though TinyLlama is not).
 */
function sharedFamilyWord(
  index: LineageIndex,
  base: LineageModel,
  words: readonly string[],
): string | undefined {
  const owner = developerKey(base.developer);
  for (const word of baseNameWords(base.name)) {
    if (owner === null || index.familyOwner.get(word) !== owner) continue;
    if (words.some((own) => own === word || (word.length >= 4 && own.startsWith(word)))) return word;
  }
  return undefined;
}

/** The compute of a base: its pipeline estimate when the context can look it up, else its reported figure. */
function baseCompute(model: LineageModel, context: EstimateContext): Omit<NameBase, 'model' | 'weight'> {
  // A base's pipeline estimate, once found, is the same for every model built on it: remembered per context (a
  // lookup that finds nothing, e.g. while the base itself is being estimated, is not).
  let known = context.cache.get('base-compute') as
    | Map<LineageModel, Omit<NameBase, 'model' | 'weight'>>
    | undefined;
  if (!known) {
    known = new Map();
    context.cache.set('base-compute', known);
  }
  const remembered = known.get(model);
  if (remembered) return remembered;
  const looked = context.lookupBase?.(model.id);
  if (looked) {
    const found = { median: looked.median, log10Sigma: looked.log10Sigma, method: looked.method };
    known.set(model, found);
    return found;
  }
  const factor = context.settings.reportedHalfWidth[model.confidence];
  return { median: model.computeFlop, log10Sigma: Math.log10(factor) / Z90, method: 'reported' };
}

/**
 * The pretrained models a model is most likely a post-train of, read from its name and size, or null. A model
 * with no usable base model tag whose total size (stated, or in its name) matches open-weight models with a known
 * figure released before it is taken as built on them (a tag that names a lineage model is used first):
 *
 * - a developer with a disclosed pretraining of that size may have pretrained this one too: no inference then;
 * - a developer with a disclosed pretraining of at least half that size: only a family word in the name counts;
 * - otherwise, the open-weight models of that size released up to {@link MAX_BASE_AGE_YEARS} years before it
 *   are the candidates: those whose family word (a word only their developer's names use) the name carries,
 *   if any (cogito-v2-preview-llama-70b → the Llama 70Bs);
 * - else all of them, but only when the size is in the name and the developer has disclosed no pretraining at
 *   all (anubis-70b of a fine-tuning shop → the 70B open-weight models); a lab that pretrains other sizes may
 *   have pretrained this one, and a size from the facts alone is no claim of lineage.
 *
 * The bases are weighted by recency (half-life {@link RECENCY_HALF_LIFE_YEARS} year) × (1 + their known derivatives);
 * a model whose name gives only a total, of a size trained dense, is matched to dense bases only. The model itself (id or
 * name) is never its own base, and never a model of its own developer (so leave-one-developer-out holds).
 */
export function findNameLineage(facts: EstimatorFacts, context: EstimateContext): NameLineage | null {
  if (facts.finetuneCompute || facts.syntheticDataCompute || facts.baseModelCompute) return null;
  if (facts.baseModel && context.lookupBase?.(facts.baseModel)) return null;
  const size = countsTokens(facts) ? (facts.parameters ?? nameSizeOf(facts.name)?.total) : undefined;
  if (!size && !facts.baseModel) return null;
  const key = `name-lineage:${facts.id ?? ''}:${facts.name}:${facts.developer ?? ''}:${facts.releaseDate ?? ''}:${size}:${facts.baseModel ?? ''}:${context.leaveOutDeveloper ? 1 : 0}`;
  if (context.cache.has(key)) return context.cache.get(key) as NameLineage | null;
  const found =
    (facts.baseModel ? taggedBase(facts, context, facts.baseModel) : null) ??
    (size ? matchLineage(facts, context, size) : null);
  context.cache.set(key, found);
  return found;
}

/** A base model tag that names a lineage model (the pipeline could not look it up, e.g. a scraper's view). */
function taggedBase(facts: EstimatorFacts, context: EstimateContext, tag: string): NameLineage | null {
  const { byName } = lineageIndex(context);
  const model = byName.get(looseName(tag)) ?? byName.get(looseName(tag.split('/').pop() ?? ''));
  if (!model || isSelf(model, facts)) return null;
  const base = { model, weight: 1, ...baseCompute(model, context) };
  return {
    bases: [base],
    basis: 'tag',
    size: model.parameters ?? 0,
    log10Mean: Math.log10(base.median),
    log10Sigma: base.log10Sigma,
    text: `its base model tag ${tag} names it`,
  };
}

function matchLineage(facts: EstimatorFacts, context: EstimateContext, size: number): NameLineage | null {
  const index = lineageIndex(context);
  const developer = developerKey(facts.developer);
  const released = facts.releaseDate?.slice(0, 10);
  const year = releaseYear(facts.releaseDate);
  // The bases of the same size: positions [start, end) of the bases sorted by size.
  const start = firstAtLeast(index.bases, size / SIZE_MATCH_FACTOR);
  let end = start;
  while (
    end < index.bases.length &&
    ((index.bases[end] as LineageModel).parameters as number) <= size * SIZE_MATCH_FACTOR
  )
    end++;
  const ownLoose = looseName(facts.name);
  const eligible = (base: LineageModel) => releasedBy(base, released) && !isSelf(base, facts, ownLoose);
  // A developer that has pretrained this size itself may well have pretrained this model too: no inference.
  if (
    developer !== null &&
    developerWindow(index, developer, start, end).some((position) =>
      eligible(index.bases[position] as LineageModel),
    )
  )
    return null;
  // A developer with a disclosed pretraining of a comparable size (at least half of it) may have pretrained this
  // one: only a family word of another developer's models in the name (`…-llama-70b`) says it built on theirs.
  const pretrains =
    developer !== null &&
    (index.byDeveloper.get(developer) ?? []).some(
      (base) => (base.parameters as number) >= size * PRETRAINED_SIZE_SHARE && eligible(base),
    );
  const dense = largestDense(facts, context)?.parameters;
  const moeModel =
    nameSizeOf(facts.name, facts.parameters)?.active !== undefined ||
    !!facts.activeParameters ||
    findMoeFamily(facts.name) !== null ||
    (dense !== undefined && size > dense);
  const matchesModel = (base: LineageModel) => {
    if (!eligible(base) || !isOpenWeights(base.accessibility)) return false;
    // The same architecture: a model with only a total, of a size trained dense and no known MoE family, is a
    // dense model, not a post-train of a same-size MoE.
    const share = impliedActiveShare(base);
    if (!moeModel && share !== undefined && share < DENSE_MIN_SHARE) return false;
    const baseYear = releaseYear(base.releaseDate);
    return year === null || baseYear === null || year - baseYear <= MAX_BASE_AGE_YEARS;
  };
  const words = nameWords(`${facts.name} ${facts.baseModel ?? ''}`);
  // Without a family word, only a size in the name (`anubis-70b`) says "built on a model of this size": the
  // way post-trainers name their models. A size known from the facts alone is just the model's size.
  const nameSize = nameSizeOf(facts.name)?.total;
  const sizeInName =
    nameSize !== undefined &&
    nameSize / size <= SIZE_MATCH_FACTOR &&
    nameSize / size >= 1 / SIZE_MATCH_FACTOR;
  // Where only a family word can count, only the bases of the developers owning a word the name carries are
  // looked at (the same matches, in the same order, without a scan of every base of that size).
  let candidates: number[];
  if (pretrains || !sizeInName) {
    candidates = [];
    for (const owner of familyOwnersCarried(index, words))
      candidates.push(...developerWindow(index, owner, start, end));
    candidates.sort((left, right) => left - right);
  } else {
    candidates = Array.from({ length: end - start }, (_, offset) => start + offset);
  }
  const matches: LineageModel[] = [];
  for (const position of candidates) {
    const base = index.bases[position] as LineageModel;
    if (matchesModel(base)) matches.push(base);
  }
  if (matches.length === 0) return null;
  const family = new Map<LineageModel, string>();
  for (const base of matches) {
    const word = sharedFamilyWord(index, base, words);
    if (word) family.set(base, word);
  }
  if (family.size === 0 && (pretrains || !sizeInName)) return null;
  const basis: LineageBasis = family.size > 0 ? 'family' : 'size';
  const chosen = basis === 'family' ? [...family.keys()] : matches;
  const raw = chosen.map((model) => {
    const baseYear = releaseYear(model.releaseDate);
    const age = year !== null && baseYear !== null ? Math.max(0, year - baseYear) : 0;
    const weight = 0.5 ** (age / RECENCY_HALF_LIFE_YEARS) * (1 + (model.derivatives ?? 0));
    return { model, weight, ...baseCompute(model, context) };
  });
  const total = raw.reduce((sum, base) => sum + base.weight, 0);
  const bases = raw
    .map((base) => ({ ...base, weight: base.weight / total }))
    .sort((left, right) => right.weight - left.weight);
  const log10Mean = bases.reduce((sum, base) => sum + base.weight * Math.log10(base.median), 0);
  const variance = bases.reduce(
    (sum, base) => sum + base.weight * (base.log10Sigma ** 2 + (Math.log10(base.median) - log10Mean) ** 2),
    0,
  );
  const familyWord = basis === 'family' ? family.get(bases[0]?.model as LineageModel) : undefined;
  const who = facts.developer ?? 'its developer';
  const why = `${who} has disclosed no pretraining ${basis === 'family' ? `of ${formatCount(size)}, and its name carries the family word "${familyWord}" of` : `of half its size or more, and the size in its name matches`} open-weight ${bases.length === 1 ? 'model' : 'models'} of that size released up to ${MAX_BASE_AGE_YEARS} years before it`;
  const result: NameLineage = {
    bases,
    basis,
    size,
    log10Mean,
    log10Sigma: Math.sqrt(variance),
    text: `no usable base model tag, but ${why}, so most likely a post-train of ${bases.length === 1 ? 'it' : 'one of them'}`,
  };
  if (familyWord) result.family = familyWord;
  return result;
}
