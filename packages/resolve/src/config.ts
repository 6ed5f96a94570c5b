import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { ModelIdSchema, SchemaValidationError, TrackerError, toValidationIssues } from '@tracker/schema';
import { z } from 'zod';
import {
  DEFAULT_ALIAS_CONFIG,
  DEFAULT_ALIAS_YAML_SHA256,
  DEFAULT_EXCLUSION_CONFIG,
  DEFAULT_EXCLUSION_YAML_SHA256,
} from './default-config.generated';

const DeveloperSlugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, 'expected a lower-case developer slug such as "openai"');
const DateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected a date YYYY-MM-DD or YYYY-MM');

/** One developer: how its name is written by sources and which model families are its own. */
export const DeveloperEntrySchema = z
  .object({
    /** Slug used as the first part of model ids, e.g. `openai`. */
    slug: DeveloperSlugSchema,
    /** Display name, e.g. `OpenAI`. */
    name: z.string().min(1),
    /** Spellings sources use for the developer (`Google DeepMind`, `meta-llama`); matched ignoring case and punctuation. */
    aliases: z.array(z.string().min(1)).default([]),
    /** First tokens of model names that belong to this developer (`gpt`, `o`, `claude`). See docs/name-resolution.md. */
    families: z.array(z.string().regex(/^[a-z0-9.]+$/, 'expected a lower-case family token')).default([]),
    /** Families that others fine-tune and republish: a source naming another developer wins over the family. */
    openFamilies: z.array(z.string().regex(/^[a-z0-9.]+$/)).default([]),
    /** Tokens that, anywhere in a name, make the model this developer's (`nemotron` in `Llama-3.1-Nemotron-70B`). */
    markers: z.array(z.string().regex(/^[a-z0-9.]+$/)).default([]),
  })
  .strict();
export type DeveloperEntry = z.infer<typeof DeveloperEntrySchema>;

/** One canonical model and the spellings that name it when the rules alone would not. */
export const ModelEntrySchema = z
  .object({
    /** Canonical id `<developer-slug>/<model-slug>`. */
    id: ModelIdSchema,
    /** Display name, e.g. `Claude 3.5 Sonnet`. */
    name: z.string().min(1),
    /** Display name of the developer; defaults to the developer entry of the id's slug. */
    developer: z.string().min(1).optional(),
    /** Other names of this model, in any source's spelling. */
    aliases: z.array(z.string().min(1)).default([]),
    /** This model is a dated re-release of another: names of `releaseOf` with a matching date stamp resolve here. */
    releaseOf: ModelIdSchema.optional(),
    /** Release date(s) a date stamp must match (`2024-11-20`, or `2024-11` for the whole month). */
    releaseDates: z.array(DateSchema).optional(),
    /** Why this entry exists (a source, a decision); for reviewers. */
    note: z.string().optional(),
  })
  .strict()
  .refine((entry) => (entry.releaseOf === undefined) === (entry.releaseDates === undefined), {
    message: 'releaseOf and releaseDates go together',
  });
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

/** `configs/aliases.yaml`: developers and the exceptions to the name rules. */
export const AliasConfigSchema = z
  .object({
    developers: z.array(DeveloperEntrySchema).default([]),
    models: z.array(ModelEntrySchema).default([]),
  })
  .strict();
export type AliasConfig = z.infer<typeof AliasConfigSchema>;
export type AliasConfigInput = z.input<typeof AliasConfigSchema>;

/** One exclusion: a raw name (or source model id) that is not a model, with the reason recorded. */
export const ExclusionRuleSchema = z
  .object({
    /** `exact` compares the trimmed raw name ignoring case; `regex` tests it (case-insensitive). Never the normalised name. */
    match: z.enum(['exact', 'regex']),
    pattern: z.string().min(1),
    reason: z.string().min(1),
    /** Sources (scraper ids) the rule does not apply to, e.g. `epoch`, whose "Claude" is the 2023 model Claude 1. */
    exceptSources: z.array(z.string().min(1)).optional(),
  })
  .strict()
  .superRefine((rule, context) => {
    if (rule.match !== 'regex') return;
    try {
      new RegExp(rule.pattern, 'i');
    } catch (error) {
      context.addIssue({
        code: 'custom',
        path: ['pattern'],
        message: `invalid regular expression: ${(error as Error).message}`,
      });
    }
  });
export type ExclusionRule = z.infer<typeof ExclusionRuleSchema>;

/** `configs/exclusions.yaml`. */
export const ExclusionConfigSchema = z.object({ rules: z.array(ExclusionRuleSchema).default([]) }).strict();
export type ExclusionConfig = z.infer<typeof ExclusionConfigSchema>;
export type ExclusionConfigInput = z.input<typeof ExclusionConfigSchema>;

/*
 * The YAML parser is loaded on first use: the usual alias and exclusion files are the bundled ones (see below) and
 * need none, and the yaml package is some 70 modules for every command to load. It is CommonJS under Node, so a
 * require loads the very module an import would.
 */
let parseYaml: typeof import('yaml').parse | undefined;

function parseYamlText(yamlText: string, file: string): unknown {
  try {
    parseYaml ??= (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse;
    return parseYaml(yamlText);
  } catch (error) {
    throw new TrackerError(
      'CONFIG_INVALID',
      `[resolve] ${file}: not valid YAML: ${(error as Error).message}`,
      {
        cause: error,
        details: { file },
      },
    );
  }
}

function validate<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new SchemaValidationError('CONFIG_INVALID', toValidationIssues(result.error, { file }));
}

/** Checks what zod cannot: unique model ids and developer slugs, releases that point at a listed model. */
function checkAliasConfig(config: AliasConfig, file: string): void {
  const issues: { file: string; path: string; problem: string }[] = [];
  const slugs = new Set<string>();
  config.developers.forEach((developer, index) => {
    if (slugs.has(developer.slug))
      issues.push({
        file,
        path: `$.developers[${index}].slug`,
        problem: `duplicate slug "${developer.slug}"`,
      });
    slugs.add(developer.slug);
  });
  const ids = new Set<string>();
  config.models.forEach((model, index) => {
    if (ids.has(model.id))
      issues.push({ file, path: `$.models[${index}].id`, problem: `duplicate model id "${model.id}"` });
    ids.add(model.id);
  });
  config.models.forEach((model, index) => {
    if (model.releaseOf !== undefined && !ids.has(model.releaseOf)) {
      issues.push({
        file,
        path: `$.models[${index}].releaseOf`,
        problem: `"${model.releaseOf}" is not a model of this file`,
      });
    }
  });
  if (issues.length > 0) throw new SchemaValidationError('CONFIG_INVALID', issues);
}

/*
 * Parsing the YAML costs about a tenth of a second per run, and the file is usually the one the package bundles
 * (as a generated object, stored validated). A text whose SHA-256 equals the bundled file's is that file byte for
 * byte, so it loads from the bundled object instead, without parsing or a schema check: the same result
 * (default-config.test.ts checks it).
 * Any other text, an edited file included, is parsed and validated.
 */
function isBundledText(yamlText: string, sha256: string): boolean {
  return createHash('sha256').update(yamlText).digest('hex') === sha256;
}

/** Parses and validates an alias config (`configs/aliases.yaml`). Errors are `CONFIG_INVALID` naming file and YAML path. */
export function loadAliasConfig(yamlText: string, file: string): AliasConfig {
  if (isBundledText(yamlText, DEFAULT_ALIAS_YAML_SHA256)) return structuredClone(DEFAULT_ALIAS_CONFIG);
  const config = validate(AliasConfigSchema, parseYamlText(yamlText, file), file);
  checkAliasConfig(config, file);
  return config;
}

/** Validates an alias config given as an object (e.g. the bundled default). */
export function parseAliasConfig(value: unknown, file = 'aliases config'): AliasConfig {
  const config = validate(AliasConfigSchema, value, file);
  checkAliasConfig(config, file);
  return config;
}

/** Parses and validates an exclusion config (`configs/exclusions.yaml`). */
export function loadExclusionConfig(yamlText: string, file: string): ExclusionConfig {
  if (isBundledText(yamlText, DEFAULT_EXCLUSION_YAML_SHA256))
    return structuredClone(DEFAULT_EXCLUSION_CONFIG);
  return validate(ExclusionConfigSchema, parseYamlText(yamlText, file), file);
}

/** Validates an exclusion config given as an object. */
export function parseExclusionConfig(value: unknown, file = 'exclusions config'): ExclusionConfig {
  return validate(ExclusionConfigSchema, value, file);
}
