import type { MergeSuggestion } from '@tracker/schema';
import { compactKey } from './developers';

/** One distinct canonical model of a batch, as the suggestion finder sees it. */
export interface SuggestionCandidate {
  modelId: string;
  name: string;
  /** Listed in `configs/aliases.yaml`: a person already decided, so two configured ids are never suggested. */
  configured: boolean;
}

/** Size tokens: total (`70b`, `8x22b`, `270m`), active (`a22b`) and effective (`e4b`) parameters. */
const SIZE_TOKEN = /^(\d+(\.\d+)?[bmt]|\d+x\d+(\.\d+)?b|[ae]\d+(\.\d+)?b)$/;
/** Trailing tokens the rules keep as identity although they sometimes name only a serving variant. */
const UNCERTAIN_SUFFIX = /^(fast|chat|instant|think|thinking|turbo|api|online|vision|2[3-9](0[1-9]|1[0-2]))$/;
/** Above this many members a block pairs each member only with the block's shortest, to stay linear. */
const LARGE_BLOCK = 64;

/** Dice coefficient of character bigrams: 1 for equal strings, 0 for nothing in common. */
export function bigramSimilarity(left: string, right: string): number {
  if (left === right) return 1;
  if (left.length < 2 || right.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let index = 0; index < left.length - 1; index += 1) {
    const bigram = left.slice(index, index + 2);
    counts.set(bigram, (counts.get(bigram) ?? 0) + 1);
  }
  let shared = 0;
  for (let index = 0; index < right.length - 1; index += 1) {
    const bigram = right.slice(index, index + 2);
    const count = counts.get(bigram) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(bigram, count - 1);
    }
  }
  return Math.round(((2 * shared) / (left.length + right.length - 2)) * 1000) / 1000;
}

interface Parsed {
  candidate: SuggestionCandidate;
  developer: string;
  slug: string;
  tokens: string[];
}

function parse(candidate: SuggestionCandidate): Parsed {
  const slash = candidate.modelId.indexOf('/');
  const slug = candidate.modelId.slice(slash + 1);
  return { candidate, developer: candidate.modelId.slice(0, slash), slug, tokens: slug.split('-') };
}

function group(items: readonly Parsed[], keyOf: (item: Parsed) => string | undefined): Map<string, Parsed[]> {
  const groups = new Map<string, Parsed[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Finds pairs of ids that may be one model but that no rule settles. Work is near-linear: ids are grouped by
 * blocking keys (developer + name without sizes, developer + name without an uncertain suffix, developer + letters
 * and digits only, model slug across developers), and pairs are only formed inside a group.
 */
export function findMergeSuggestions(candidates: readonly SuggestionCandidate[]): MergeSuggestion[] {
  const items = candidates.map(parse);
  const found = new Map<string, MergeSuggestion>();
  const add = (left: Parsed, right: Parsed, reason: string): void => {
    if (left.candidate.modelId === right.candidate.modelId) return;
    if (left.candidate.configured && right.candidate.configured) return;
    const [first, second] = left.candidate.modelId < right.candidate.modelId ? [left, right] : [right, left];
    const key = `${first.candidate.modelId}|${second.candidate.modelId}`;
    if (found.has(key)) return;
    found.set(key, {
      modelIds: [first.candidate.modelId, second.candidate.modelId],
      names: [first.candidate.name, second.candidate.name],
      reason,
      similarity: bigramSimilarity(first.slug, second.slug),
    });
  };

  // A name that leaves out a size another spelling gives (`qwen3-235b` / `qwen3-235b-a22b`, `athene-v2` / `athene-v2-72b`).
  const bySkeleton = group(
    items,
    (item) => `${item.developer}/${item.tokens.filter((token) => !SIZE_TOKEN.test(token)).join('-')}`,
  );
  for (const members of bySkeleton.values()) {
    if (members.length < 2) continue;
    const sizes = members.map((member) => new Set(member.tokens.filter((token) => SIZE_TOKEN.test(token))));
    const order = members
      .map((_, index) => index)
      .sort((left, right) => sizes[left]!.size - sizes[right]!.size);
    const limit = members.length > LARGE_BLOCK ? 1 : members.length;
    for (let outer = 0; outer < Math.min(limit, order.length); outer += 1) {
      const smaller = order[outer]!;
      for (let inner = outer + 1; inner < order.length; inner += 1) {
        const larger = order[inner]!;
        const subset = [...sizes[smaller]!].every((token) => sizes[larger]!.has(token));
        if (subset && sizes[smaller]!.size < sizes[larger]!.size) {
          add(
            members[smaller]!,
            members[larger]!,
            'same developer and name; one leaves out a size the other gives',
          );
        }
      }
    }
  }

  // A suffix the rules keep as identity but that often names a serving variant (`-fast`, `-chat`, a YYMM stamp).
  const byId = new Map(items.map((item) => [item.candidate.modelId, item]));
  for (const item of items) {
    let end = item.tokens.length;
    while (end > 1 && UNCERTAIN_SUFFIX.test(item.tokens[end - 1]!)) end -= 1;
    if (end === item.tokens.length) continue;
    const base = byId.get(`${item.developer}/${item.tokens.slice(0, end).join('-')}`);
    if (base)
      add(
        base,
        item,
        `same developer; differ only by the suffix "${item.tokens.slice(end).join('-')}", which the rules keep`,
      );
  }

  // Same letters and digits, different punctuation (`glm-4.5v` / `glm-4.5-v`).
  for (const members of group(items, (item) => `${item.developer}/${compactKey(item.slug)}`).values()) {
    for (let index = 1; index < members.length; index += 1) {
      add(members[0]!, members[index]!, 'same developer; names differ only in punctuation');
    }
  }

  // The same model name under two developers (a source's organisation against the family's developer).
  for (const members of group(items, (item) => item.slug).values()) {
    for (let index = 1; index < members.length; index += 1) {
      add(members[0]!, members[index]!, 'same model name under different developers');
    }
  }

  return [...found.values()].sort(
    (left, right) =>
      right.similarity - left.similarity ||
      (left.modelIds[0] < right.modelIds[0] ? -1 : left.modelIds[0] > right.modelIds[0] ? 1 : 0) ||
      (left.modelIds[1] < right.modelIds[1] ? -1 : left.modelIds[1] > right.modelIds[1] ? 1 : 0),
  );
}
