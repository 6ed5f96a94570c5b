/**
 * Variants by name: a model whose name is another model's name (same developer) followed only by words that
 * name a release stage or a serving mode of the same weights — "preview", "latest", "chat", "thinking"... Tier
 * and size words ("mini", "flash", "medium", "instant" — Claude Instant is a smaller model —, "70b") are not
 * among them: they name other models. Neither are dates: a dated API id often names a new model of a line
 * (`mistral-large-2407` is Mistral Large 2, not the first Mistral Large).
 */
import { developerKey } from './imputation/model';
import { memoByString } from './memo';

/** Words that name a release stage or a serving mode, not a different model. */
const VARIANT_WORDS: ReadonlySet<string> = new Set([
  'chat',
  'thinking',
  'reasoning',
  'nonreasoning',
  'preview',
  'latest',
  'exp',
  'experimental',
  'beta',
]);

/** Lower-case words of a name; dots inside version numbers are kept ("gpt 5.1"). */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
    .split(/[^a-z0-9.]+/)
    .filter(Boolean);
}

/** {@link nameTokens}, remembered (shared arrays: not to be mutated). */
const tokensOf = memoByString(nameTokens);

/** True when there are tokens and every one is a variant word. */
export function onlyVariantWords(tokens: readonly string[]): boolean {
  return tokens.length > 0 && tokens.every((token) => VARIANT_WORDS.has(token));
}

export interface NamedModel {
  id: string;
  name: string;
  aliases: readonly string[];
  developer?: string | null | undefined;
}

/**
 * A finder over known models: for a model (known or not), the name of the known model it is a variant by name of
 * (the longest such name wins; every name and alias of both is tried), or undefined. A model is never its own
 * variant; the relation follows names only, so it is the same in blind mode. The index is built once.
 */
export function variantFinder(models: readonly NamedModel[]): (model: NamedModel) => string | undefined {
  const index = new Map<string, { id: string; name: string }>();
  const keyOf = (developer: string | null, tokens: readonly string[]) =>
    `${developer ?? ''}|${tokens.join(' ')}`;
  for (const model of models) {
    const developer = developerKey(model.developer ?? undefined);
    for (const name of [model.name, ...model.aliases]) {
      const key = keyOf(developer, tokensOf(name));
      if (!index.has(key)) index.set(key, { id: model.id, name: model.name });
    }
  }
  return (model) => {
    const developer = developerKey(model.developer ?? undefined);
    let best: { name: string; length: number } | null = null;
    for (const name of [model.name, ...model.aliases]) {
      const tokens = tokensOf(name);
      // Cuts whose tail is variant words only: from the end, until a token that is not one.
      for (let cut = tokens.length - 1; cut >= 1; cut--) {
        if (!VARIANT_WORDS.has(tokens[cut] as string)) break;
        const base = index.get(keyOf(developer, tokens.slice(0, cut)));
        if (base && base.id !== model.id && (!best || cut > best.length))
          best = { name: base.name, length: cut };
      }
    }
    return best?.name;
  };
}

/** For each model that is a variant by name of another of `models`, the other's name (see {@link variantFinder}). */
export function variantBases(models: readonly NamedModel[]): Map<string, string> {
  const find = variantFinder(models);
  const bases = new Map<string, string>();
  for (const model of models) {
    const base = find(model);
    if (base) bases.set(model.id, base);
  }
  return bases;
}
