import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath } from '@tracker/dataset';
import {
  DEFAULT_REVIEW_FLOOR,
  DEFAULT_STATUS_CUTS,
  DEFAULT_THRESHOLD,
  SchemaValidationError,
  TrackerError,
  toValidationIssues,
} from '@tracker/schema';
import { z } from 'zod';

/** The host a live run looks up first: the API of the first built-in source. */
export const DEFAULT_PROBE_HOST = 'openrouter.ai';

const PluginEntrySchema = z.union([
  z.string().min(1),
  z.object({ name: z.string().min(1), options: z.record(z.string(), z.unknown()).default({}) }).strict(),
]);

/**
 * The configuration of `tracker.config.yaml`. Every key is optional; `configs/default.yaml` documents the
 * defaults below (a test keeps the two equal).
 */
export const TrackerConfigSchema = z
  .object({
    /** Data folder; `--data-dir` and `TRACKER_DATA_DIR` override it. */
    dataDir: z.string().min(1).default('data'),
    /** Compute threshold in FLOP. */
    threshold: z.number().positive().default(DEFAULT_THRESHOLD),
    /** P(above) cut points of the threshold status; `likelyAbove` is also what `query --above` counts as over. */
    statusCuts: z
      .object({
        above: z.number().min(0).max(1).default(DEFAULT_STATUS_CUTS.above),
        likelyAbove: z.number().min(0).max(1).default(DEFAULT_STATUS_CUTS.likelyAbove),
        below: z.number().min(0).max(1).default(DEFAULT_STATUS_CUTS.below),
      })
      .strict()
      .default({ ...DEFAULT_STATUS_CUTS }),
    /** Built-in sources to run, by id; empty means all. */
    sources: z.array(z.string()).default([]),
    /** Options per source id (e.g. `huggingface: {authors: [...]}`). */
    sourceOptions: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
    /** Third-party source packages (`tracker-scraper-<id>`), by name or `{name, options}`. */
    plugins: z.array(PluginEntrySchema).default([]),
    /** Folder of table-source mappings (one YAML per table). */
    tables: z.string().default('configs/tables'),
    /** Name-resolution exceptions; the bundled list is used when the file is absent. */
    aliases: z.string().default('configs/aliases.yaml'),
    /** Non-models dropped by rule; the bundled list is used when the file is absent. */
    exclusions: z.string().default('configs/exclusions.yaml'),
    /** A ruled model is flagged needs-review when the machine estimate moves by more than this factor. */
    reviewFactor: z.number().gt(1).default(3),
    /** Sources in trust order when facts disagree (unlisted sources come after, newest first). */
    sourceRank: z.array(z.string().min(1)).default(['ledger', 'epoch', 'huggingface']),
    /** `candidates`, `review` and `export-review` show every unruled model with P(above) at least this. */
    reviewFloor: z.number().min(0).max(1).default(DEFAULT_REVIEW_FLOOR),
    release: z
      .object({
        /** Include unreviewed models with P(above) at least this (set to 1.01 to leave them out). */
        includeUnreviewedAbove: z.number().min(0).default(DEFAULT_STATUS_CUTS.above),
      })
      .strict()
      .default({ includeUnreviewedAbove: DEFAULT_STATUS_CUTS.above }),
    http: z
      .object({
        timeoutMs: z.number().int().positive().default(30_000),
        retries: z.number().int().min(0).default(3),
        perHostConcurrency: z.number().int().positive().default(2),
        /** Looked up before a live run: when it does not resolve, the run goes offline at once ('' skips it). */
        probeHost: z.string().default(DEFAULT_PROBE_HOST),
      })
      .strict()
      .default({ timeoutMs: 30_000, retries: 3, perHostConcurrency: 2, probeHost: DEFAULT_PROBE_HOST }),
    /** Name recorded as `by` on decisions when `--by` is not given (default: $USER). */
    reviewer: z.string().optional(),
  })
  .strict();

export type TrackerConfig = z.output<typeof TrackerConfigSchema>;

/** The loaded configuration and where it came from. */
export interface LoadedConfig {
  config: TrackerConfig;
  /** Absolute path of the file read, or null when none exists and defaults apply. */
  file: string | null;
  /** Directory relative paths in the config resolve against. */
  baseDir: string;
}

/** Loads `tracker.config.yaml` (or `explicitPath`) over the defaults. A missing default file is fine; a missing explicit one is not. */
export async function loadConfig(cwd: string, explicitPath?: string): Promise<LoadedConfig> {
  const path = resolve(cwd, explicitPath ?? 'tracker.config.yaml');
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && explicitPath === undefined) {
      return { config: TrackerConfigSchema.parse({}), file: null, baseDir: cwd };
    }
    throw new TrackerError('CONFIG_INVALID', `${shown}: cannot read the configuration file`, {
      cause: error,
    });
  }
  // Loaded only when there is a file to read: yaml is some 70 modules.
  const { parse: parseYaml, YAMLParseError } = await import('yaml');
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true }) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : 'YAML';
    // The yaml package refuses alias expansion past 100 nodes (a "billion laughs" bomb) with this ReferenceError.
    const why = /excessive alias count/i.test(String((error as Error).message))
      ? 'too many aliases: the YAML expands its aliases (*name) into more than 100 nodes, as an alias bomb does'
      : 'not valid YAML';
    throw new TrackerError('CONFIG_INVALID', `${shown}: ${where}: ${why}`, { cause: error });
  }
  const result = TrackerConfigSchema.safeParse(raw);
  if (!result.success)
    throw new SchemaValidationError('CONFIG_INVALID', toValidationIssues(result.error, { file: shown }));
  return { config: result.data, file: path, baseDir: resolve(path, '..') };
}
