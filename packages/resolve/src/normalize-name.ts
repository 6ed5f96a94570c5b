/**
 * Lexical normalisation and variant stripping of model names (docs/name-resolution.md). Pure functions: the
 * resolver caches their output per distinct raw name.
 */

/** A date stamp read from a name (`-20240620`, `-05-06`, `(Nov 2024)`); missing parts stay undefined. */
export interface DateStamp {
  year?: number;
  month: number;
  day?: number;
}

/** One step of variant stripping: the tokens left after removing a serving-variant suffix. */
export interface NameLevel {
  /** Tokens of the name at this level, e.g. `['claude', '3.5', 'sonnet']`. */
  tokens: readonly string[];
  /** The key (`tokens.join('-')`). */
  key: string;
  /** The rule that produced this level from the previous one (`variant:date`...), empty for the surface level. */
  rule: string;
  /** A date stamp removed by this step. */
  date?: DateStamp;
}

/** What lexical normalisation learned about a raw name. */
export interface NormalizedName {
  /** The name with parenthetical contents flattened into tokens: the key config aliases are matched against first. */
  flatKey: string;
  /** Surface level first, then one level per stripped suffix; the last level is the base name. */
  levels: readonly NameLevel[];
  /** Lexical rules applied (`prefix:provider`, `version:dotted`...). */
  lexicalRules: readonly string[];
  /** Owner from an `owner/name` prefix: a repo-style id (OpenRouter, Hugging Face) or a known developer's prefix. */
  ownerHint?: string;
  /** Developer from a `Developer: Name` display prefix or a leading developer token (`Meta-Llama-3`). */
  prefixHint?: string;
  /** True when `prefixHint` came from a `Developer: Name` display prefix, a statement by the source. */
  prefixIsDisplay?: boolean;
  /** Date stamp given in parentheses, e.g. `(Nov 2024)`, `(20250514)`. */
  date?: DateStamp;
  /** The raw name without provider or display prefix, for display. */
  displayName: string;
}

/** Information the normaliser needs about families; built from the developer config. */
export interface FamilyLookup {
  /** True when the token is (or starts) a known family name, e.g. `gpt`, `qwen3`, `llama`. */
  isFamilyToken(token: string): boolean;
  /** True when the token names a developer (`meta`, `nvidia`, `amazon`) and can be dropped before a family token. */
  isDeveloperToken(token: string): boolean;
  /**
   * True when the part before a slash is a known developer or organisation spelling (`meta-llama`, `mistralai`,
   * `Qwen`): only then is `owner/name` read as an owner prefix in a name no source gave as a repo-style id.
   */
  isKnownOwner(owner: string): boolean;
}

/** What the source says about the name besides its text. */
export interface NormalizeOptions {
  /**
   * The source gives the name as a repo-style id `owner/name` (OpenRouter's and the Hub's ids): the part before the
   * slash is its owner whatever it is. Otherwise a slash is part of the name (`ViT-Base/32`, `DiT-XL/2`) unless the
   * part before it is a known owner (see {@link FamilyLookup.isKnownOwner}).
   */
  repoStyleId?: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Words a parenthetical may hold and still be a pure qualifier (mode, effort, serving state, date). */
const QUALIFIER_WORDS = new Set([
  'thinking',
  'think',
  'non',
  'no',
  'nothinking',
  'reasoning',
  'high',
  'low',
  'medium',
  'minimal',
  'xhigh',
  'max',
  'effort',
  'auto',
  'free',
  'fast',
  'preview',
  'exp',
  'experimental',
  'beta',
  'alpha',
  'latest',
  'older',
  'new',
  'v',
]);

/** Tokens that mark an instruction-tuned or chat release of the same pretrained model. */
const TUNING_TAGS = new Set(['instruct', 'it', 'hf', 'chat']);
/** Numeric-format tags of a served or uploaded checkpoint. */
const PRECISION_TAGS = new Set([
  'bf16',
  'fp16',
  'fp8',
  'fp4',
  'int4',
  'int8',
  'awq',
  'gptq',
  'gguf',
  'mlx',
  '4bit',
  '8bit',
]);
/** Trailing reasoning-mode tokens. `base` is LiveBench's word for "thinking off". */
const MODE_WORDS = new Set(['thinking', 'nothinking', 'reasoning', 'highthinking', 'lowthinking', 'base']);
const EFFORT_WORDS = new Set(['high', 'low', 'xhigh', 'minimal', 'auto']);
const EFFORT_BEFORE_WORD = new Set(['high', 'low', 'medium', 'xhigh', 'max', 'minimal']);
/** Families whose sources grade reasoning effort (`gpt-5.5-medium`, `claude-opus-4-8-medium-effort`). */
const EFFORT_FAMILY_PATTERN = /^(gpt|o\d+|claude|gemini|grok)$/;
const SERVING_WORDS = new Set([
  'latest',
  'preview',
  'exp',
  'experimental',
  'beta',
  'alpha',
  'free',
  'older',
  'new',
  'online',
]);
/** Single tokens that are only a family word: a name is never stripped down to one of these. */
const BARE_FAMILY_WORDS = new Set([
  'gpt',
  'chatgpt',
  'claude',
  'gemini',
  'gemma',
  'llama',
  'mistral',
  'mixtral',
  'deepseek',
  'qwen',
  'grok',
  'glm',
  'phi',
  'ernie',
  'doubao',
  'kimi',
  'minimax',
  'nova',
  'command',
  'yi',
  'step',
  'seed',
]);
/** Families written glued to their version (`qwen2.5`, not `qwen-2.5`). */
const GLUED_FAMILIES = new Set(['qwen', 'internlm', 'chatglm', 'lfm']);
/** Families written with a hyphen before their version (`llama-3.1`, `gemma-2`, `gpt-4o`). */
const SPLIT_FAMILY_PATTERN =
  /^(llama|gemma|phi|glm|olmo|tulu|gpt|seed|step|grok|claude|gemini|ernie|nemotron|mixtral|hunyuan|jamba|nova|granite|exaone)(\d+(?:\.\d+)?[a-z]?)$/;
const CLAUDE_TIERS = new Set(['opus', 'sonnet', 'haiku']);
const NON_ASCII = /[^\x20-\x7e]/;

/** Parses a date written as parenthetical qualifier tokens: `nov 2024`, `2024-11-20`, `0116`, `20250514`, `12-2024`. */
function parseDateTokens(tokens: readonly string[]): DateStamp | undefined {
  let year: number | undefined;
  let month: number | undefined;
  const numbers: string[] = [];
  for (const token of tokens) {
    const monthNumber = MONTHS[token];
    if (monthNumber !== undefined) month = monthNumber;
    else if (/^\d+$/.test(token) || /^v\d{4}$/.test(token)) numbers.push(token.replace(/^v/, ''));
  }
  if (numbers.length === 1) {
    const stamp = parseSingleDateToken(numbers[0]!);
    if (stamp) return month !== undefined && stamp.month === undefined ? { ...stamp, month } : stamp;
    if (/^(19|20)\d\d$/.test(numbers[0]!) && month !== undefined) return { year: Number(numbers[0]), month };
    return undefined;
  }
  if (numbers.length === 0) return month === undefined ? undefined : { month };
  const stamp = parseDateSequence(numbers);
  if (stamp) return stamp;
  if (month === undefined) return undefined;
  for (const value of numbers) if (/^(19|20)\d\d$/.test(value)) year = Number(value);
  return year === undefined ? { month } : { year, month };
}

function isMonth(value: string): boolean {
  const number = Number(value);
  return value.length === 2 && number >= 1 && number <= 12;
}

function isDay(value: string): boolean {
  const number = Number(value);
  return value.length === 2 && number >= 1 && number <= 31;
}

/** One token that is a whole date: YYYYMMDD, YYYYMM or MMDD. YYMM (`2407`) is a version, not a date. */
function parseSingleDateToken(token: string): DateStamp | undefined {
  if (/^(19|20)\d{6}$/.test(token) && isMonth(token.slice(4, 6)) && isDay(token.slice(6, 8))) {
    return {
      year: Number(token.slice(0, 4)),
      month: Number(token.slice(4, 6)),
      day: Number(token.slice(6, 8)),
    };
  }
  if (/^20\d{4}$/.test(token) && isMonth(token.slice(4, 6))) {
    return { year: Number(token.slice(0, 4)), month: Number(token.slice(4, 6)) };
  }
  if (/^\d{4}$/.test(token) && isMonth(token.slice(0, 2)) && isDay(token.slice(2, 4))) {
    return { month: Number(token.slice(0, 2)), day: Number(token.slice(2, 4)) };
  }
  return undefined;
}

/** Two or three numeric tokens forming YYYY-MM-DD, MM-YYYY or MM-DD. */
function parseDateSequence(numbers: readonly string[]): DateStamp | undefined {
  if (numbers.length === 3) {
    const [year, month, day] = numbers as [string, string, string];
    if (/^(19|20)\d\d$/.test(year) && isMonth(month) && isDay(day)) {
      return { year: Number(year), month: Number(month), day: Number(day) };
    }
    return undefined;
  }
  if (numbers.length === 2) {
    const [first, second] = numbers as [string, string];
    if (isMonth(first) && /^(19|20)\d\d$/.test(second)) return { year: Number(second), month: Number(first) };
    if (isMonth(first) && isDay(second)) return { month: Number(first), day: Number(second) };
  }
  return undefined;
}

/** True for a one-character string `0`–`9`. */
function isDigit(character: string): boolean {
  const code = character.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** Splits a text into lower-case tokens on anything but letters, digits, dots and plus signs (`R+` → `r plus`). */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  const prepared = lower.includes('_') ? lower.replace(/(\d)_(\d)/g, '$1.$2') : lower;
  for (const piece of prepared.split(/[^a-z0-9.+]+/)) {
    let cleaned = piece;
    if (cleaned.includes('.')) cleaned = cleaned.replace(/\.{2,}/g, '.').replace(/^\.+|\.+$/g, '');
    if (cleaned === '') continue;
    if (!cleaned.includes('+')) {
      tokens.push(cleaned);
      continue;
    }
    const parts = cleaned.split('+');
    parts.forEach((part, index) => {
      if (part !== '') tokens.push(part);
      if (index < parts.length - 1) tokens.push('plus');
    });
  }
  return tokens;
}

/** Classifies a parenthetical: a pure qualifier (modes, effort, dates), a size (`72B`), or an aside (dropped). */
function classifyParenthetical(
  content: string,
): { kind: 'qualifier'; date?: DateStamp } | { kind: 'size'; token: string } | { kind: 'aside' } {
  const tokens = tokenize(content);
  if (tokens.length === 0) return { kind: 'aside' };
  if (tokens.length === 1 && /^\d+(\.\d+)?[bmt]$/.test(tokens[0]!))
    return { kind: 'size', token: tokens[0]! };
  const qualifier = tokens.every(
    (token) =>
      QUALIFIER_WORDS.has(token) ||
      MONTHS[token] !== undefined ||
      /^\d+$/.test(token) ||
      /^v\d{4}$/.test(token) ||
      /^\d+k$/.test(token),
  );
  if (!qualifier) return { kind: 'aside' };
  const date = parseDateTokens(tokens);
  return date ? { kind: 'qualifier', date } : { kind: 'qualifier' };
}

/** Applies the token-level lexical rules in place and records which fired. */
function applyTokenRules(
  input: string[],
  families: FamilyLookup,
  rules: string[],
): { tokens: string[]; developerToken?: string } {
  let tokens = input;
  // version:split-family — `llama3.1` → `llama 3.1`; glued families join the other way (`qwen 2.5` → `qwen2.5`).
  const split: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const next = tokens[index + 1];
    const match = SPLIT_FAMILY_PATTERN.exec(token);
    if (match && !token.startsWith('gpt4all')) {
      split.push(match[1]!, match[2]!);
      rules.push('version:split-family');
    } else if (GLUED_FAMILIES.has(token) && next !== undefined && /^\d+(\.\d+)?$/.test(next)) {
      split.push(token + next);
      index += 1;
      rules.push('version:glue-family');
    } else if (token === 'code' && next === 'llama') {
      split.push('codellama');
      index += 1;
    } else {
      split.push(token);
    }
  }
  tokens = split;
  // version:dotted — `claude-3-5-sonnet` → `claude-3.5-sonnet`: a word followed by two single digits is a version.
  const dotted: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const first = tokens[index + 1];
    const second = tokens[index + 2];
    dotted.push(token);
    // Cheapest tests first: most tokens are not followed by two single characters.
    if (
      second !== undefined &&
      second.length === 1 &&
      first!.length === 1 &&
      isDigit(second) &&
      isDigit(first!) &&
      /^[a-z]+$/.test(token)
    ) {
      dotted.push(`${first}.${second}`);
      index += 2;
      rules.push('version:dotted');
    }
  }
  tokens = dotted;
  // order:claude-tier — Claude 3.x puts the version first, Claude 4+ the tier first (Anthropic's own API ids).
  const claudeIndex = tokens.indexOf('claude');
  if (claudeIndex >= 0) {
    const first = tokens[claudeIndex + 1];
    const second = tokens[claudeIndex + 2];
    if (first !== undefined && second !== undefined) {
      if (/^\d+(\.\d+)?$/.test(first) && CLAUDE_TIERS.has(second) && Number.parseFloat(first) >= 4) {
        tokens = [...tokens.slice(0, claudeIndex + 1), second, first, ...tokens.slice(claudeIndex + 3)];
        rules.push('order:claude-tier');
      } else if (CLAUDE_TIERS.has(first) && /^\d+(\.\d+)?$/.test(second) && Number.parseFloat(second) < 4) {
        tokens = [...tokens.slice(0, claudeIndex + 1), second, first, ...tokens.slice(claudeIndex + 3)];
        rules.push('order:claude-tier');
      }
    }
  }
  // tag:instruct, tag:precision — instruction-tuned and quantised releases are the same model (Epoch's practice).
  // OpenAI ids use `chat` and `instruct` for distinct models (gpt-5-chat, gpt-3.5-turbo-instruct): kept there.
  const keepTuningTags = tokens[0] === 'gpt';
  const tagged = tokens.some(
    (token, index) => index > 0 && (PRECISION_TAGS.has(token) || (TUNING_TAGS.has(token) && !keepTuningTags)),
  );
  const untagged = !tagged
    ? tokens
    : tokens.filter((token, index) => {
        if (index === 0) return true;
        if (PRECISION_TAGS.has(token)) return false;
        if (TUNING_TAGS.has(token) && !keepTuningTags) return false;
        return true;
      });
  if (untagged.length !== tokens.length && untagged.length >= 2) {
    rules.push('tag:instruct-precision');
    tokens = untagged;
  }
  // prefix:developer-token — `Meta-Llama-3.1`, `Amazon Nova Pro`, `NVIDIA Nemotron`: drop the developer word.
  let developerToken: string | undefined;
  if (tokens.length >= 3 && families.isDeveloperToken(tokens[0]!) && families.isFamilyToken(tokens[1]!)) {
    developerToken = tokens[0];
    tokens = tokens.slice(1);
    rules.push('prefix:developer-token');
  }
  return developerToken === undefined ? { tokens } : { tokens, developerToken };
}

/** Result of matching one trailing serving-variant suffix. */
interface TrailingMatch {
  remove: number;
  rule: string;
  date?: DateStamp;
}

/** Finds one strippable suffix at the end of the tokens, or undefined when the tail names the model. */
function matchTrailing(tokens: readonly string[]): TrailingMatch | undefined {
  const length = tokens.length;
  const last = tokens[length - 1]!;
  const previous = tokens[length - 2];
  const beforePrevious = tokens[length - 3];
  if (length >= 4 && beforePrevious !== undefined && previous !== undefined) {
    const stamp = parseDateSequence([beforePrevious, previous, last]);
    if (stamp) return { remove: 3, rule: 'variant:date', date: stamp };
  }
  if (length >= 3 && previous !== undefined && /^\d+$/.test(previous) && /^\d+$/.test(last)) {
    const stamp = parseDateSequence([previous, last]);
    if (stamp) return { remove: 2, rule: 'variant:date', date: stamp };
  }
  if (length >= 3 && previous !== undefined && MONTHS[previous] !== undefined && /^(19|20)\d\d$/.test(last)) {
    return { remove: 2, rule: 'variant:date', date: { year: Number(last), month: MONTHS[previous]! } };
  }
  // A date token starts with a digit (or is `v` and four digits): skip the regular expressions for the others.
  const lead = last.charCodeAt(0);
  const single =
    (lead >= 48 && lead <= 57) || lead === 118
      ? parseSingleDateToken(last.replace(/^v(?=\d{4}$)/, ''))
      : undefined;
  if (single) return { remove: 1, rule: 'variant:date', date: single };
  if (/^00\d$/.test(last)) return { remove: 1, rule: 'variant:revision' };
  if (length >= 3 && (last === 'v1' || last === 'v1.0' || last === '1.0'))
    return { remove: 1, rule: 'variant:revision' };
  if (
    previous !== undefined &&
    (previous === 'non' || previous === 'no') &&
    (last === 'thinking' || last === 'reasoning')
  ) {
    return { remove: 2, rule: 'variant:mode' };
  }
  if (MODE_WORDS.has(last)) return { remove: 1, rule: 'variant:mode' };
  if (last === 'effort' && previous !== undefined && EFFORT_BEFORE_WORD.has(previous))
    return { remove: 2, rule: 'variant:effort' };
  if (EFFORT_WORDS.has(last)) return { remove: 1, rule: 'variant:effort' };
  // `medium` is a tier for Mistral and Phi (mistral-medium, phi-3-medium); only effort-graded families use it as effort.
  if (last === 'medium' && EFFORT_FAMILY_PATTERN.test(tokens[0]!))
    return { remove: 1, rule: 'variant:effort' };
  if (/^\d+k$/.test(last)) return { remove: 1, rule: 'variant:context' };
  if (SERVING_WORDS.has(last)) return { remove: 1, rule: 'variant:serving' };
  if (last === 'fast' && tokens[0] === 'claude') return { remove: 1, rule: 'variant:anthropic-fast' };
  return undefined;
}

/** Strips serving-variant suffixes one at a time. Never leaves a bare family word: then nothing is stripped. */
function stripVariants(surface: readonly string[]): NameLevel[] {
  const levels: NameLevel[] = [{ tokens: surface, key: surface.join('-'), rule: '' }];
  let tokens = surface;
  while (tokens.length > 1) {
    const match = matchTrailing(tokens);
    if (!match || match.remove >= tokens.length) break;
    tokens = tokens.slice(0, tokens.length - match.remove);
    const level: NameLevel = { tokens, key: tokens.join('-'), rule: match.rule };
    if (match.date) level.date = match.date;
    levels.push(level);
  }
  const base = levels[levels.length - 1]!.tokens;
  if (levels.length > 1 && base.length === 1 && BARE_FAMILY_WORDS.has(base[0]!)) return levels.slice(0, 1);
  return levels;
}

/**
 * Removes a trailing OpenRouter `:variant`, an `owner/` prefix (of a repo-style id, or naming a known owner) and a
 * `Developer: ` display prefix.
 */
function stripPrefixes(
  raw: string,
  rules: string[],
  families: FamilyLookup,
  repoStyleId: boolean,
): { text: string; ownerHint?: string; prefixHint?: string; openRouterMode: boolean } {
  // Each step first checks for its marker character: this runs once per distinct name and dominates resolution.
  let text = (NON_ASCII.test(raw) ? raw.normalize('NFKC') : raw).trim();
  if (text.includes('**')) text = text.replace(/\*\*.*$/, '');
  let openRouterMode = false;
  const hasColon = text.includes(':');
  const variant = hasColon ? /:(free|beta|thinking|extended|nitro|floor|online|exacto)$/i.exec(text) : null;
  if (variant) {
    text = text.slice(0, variant.index);
    openRouterMode = variant[1]!.toLowerCase() === 'thinking';
    rules.push('variant:openrouter');
  }
  let ownerHint: string | undefined;
  const owner = text.includes('/') ? /^~?([A-Za-z0-9][\w.-]*)\/(\S.*)$/.exec(text) : null;
  // `ViT-Base/32`, `DiT-XL/2`: a slash inside a name is no owner unless the source says so or the owner is known.
  if (owner && (repoStyleId || families.isKnownOwner(owner[1]!))) {
    ownerHint = owner[1];
    text = owner[2]!;
    rules.push('prefix:provider');
  }
  let prefixHint: string | undefined;
  const display = hasColon ? /^([^:()]{1,40}):\s+(\S.*)$/.exec(text) : null;
  if (display) {
    prefixHint = display[1]!.trim();
    text = display[2]!;
    rules.push('prefix:display');
  }
  const result: { text: string; ownerHint?: string; prefixHint?: string; openRouterMode: boolean } = {
    text,
    openRouterMode,
  };
  if (ownerHint !== undefined) result.ownerHint = ownerHint;
  if (prefixHint !== undefined) result.prefixHint = prefixHint;
  return result;
}

/**
 * Normalises a raw model name: lexical rules first (case, separators, prefixes, parentheticals, dotted versions,
 * Claude tier order, tuning and precision tags), then serving-variant suffixes are stripped one per level.
 */
export function normalizeModelName(
  raw: string,
  families: FamilyLookup,
  options: NormalizeOptions = {},
): NormalizedName {
  const rules: string[] = [];
  const prefixed = stripPrefixes(raw, rules, families, options.repoStyleId === true);
  let text = prefixed.text;
  let date: DateStamp | undefined;
  const trailingTokens: string[] = [];
  // qualifier:parenthetical — `(thinking-32k)`, `(Nov 2024)` qualify; `(72B)` is part of the name; others are asides.
  const hasBrackets = /[()[\]]/.test(text);
  const flatText = hasBrackets ? text.replace(/[()[\]]/g, ' ') : text;
  if (hasBrackets)
    text = text.replace(/[([]([^()[\]]*)[)\]]/g, (_match, content: string) => {
      const kind = classifyParenthetical(content);
      if (kind.kind === 'size') {
        trailingTokens.push(kind.token);
        return ' ';
      }
      if (kind.kind === 'qualifier' && kind.date) date = kind.date;
      rules.push('qualifier:parenthetical');
      return ' ';
    });
  const base = tokenize(text);
  if (prefixed.prefixHint !== undefined) {
    // OpenRouter names may drop a family the prefix names ("DeepSeek: R1", "Mistral: Saba"); put it back.
    const prefixTokens = tokenize(prefixed.prefixHint);
    const prefixFamily = prefixTokens[0];
    const first = base[0];
    if (
      prefixTokens.length === 1 &&
      prefixFamily !== undefined &&
      families.isFamilyToken(prefixFamily) &&
      first !== undefined &&
      !families.isFamilyToken(first)
    ) {
      base.unshift(prefixFamily);
    }
  }
  const surfaceInput = [...base, ...trailingTokens];
  if (prefixed.openRouterMode) surfaceInput.push('thinking');
  // Without brackets the flattened spelling is the surface spelling: skip the second pass (it is the hot path).
  const surfaceSource = surfaceInput.length > 0 ? surfaceInput : tokenize(flatText);
  const surface = applyTokenRules(surfaceSource.length > 0 ? surfaceSource : ['unnamed'], families, rules);
  const flat =
    hasBrackets || prefixed.openRouterMode ? applyTokenRules(tokenize(flatText), families, []) : surface;
  const levels = stripVariants(surface.tokens);
  const displayName = prefixed.text.trim();
  const result: NormalizedName = {
    // The surface tokens are never empty, and their key is the first level's.
    flatKey: flat === surface ? levels[0]!.key : flat.tokens.length > 0 ? flat.tokens.join('-') : 'unnamed',
    levels,
    // Deduplicated; fewer than two rules cannot repeat (the array is not changed after this).
    lexicalRules: rules.length < 2 ? rules : [...new Set(rules)],
    displayName,
  };
  if (prefixed.ownerHint !== undefined) result.ownerHint = prefixed.ownerHint;
  const prefixHint = prefixed.prefixHint ?? surface.developerToken;
  if (prefixHint !== undefined) result.prefixHint = prefixHint;
  if (prefixed.prefixHint !== undefined) result.prefixIsDisplay = true;
  if (date !== undefined) result.date = date;
  return result;
}

/** True when a date stamp is consistent with a release date `YYYY-MM-DD` or `YYYY-MM`. */
export function dateMatches(stamp: DateStamp, releaseDate: string): boolean {
  const [year, month, day] = releaseDate.split('-').map(Number);
  if (stamp.month !== month) return false;
  if (stamp.year !== undefined && stamp.year !== year) return false;
  if (stamp.day !== undefined && day !== undefined && stamp.day !== day) return false;
  return true;
}
