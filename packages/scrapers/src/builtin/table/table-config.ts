import { DateStringSchema, KebabIdSchema, parseWithSchema, TrackerError } from '@tracker/schema';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const HeaderSchema = z.string().trim().min(1, 'expected a column header');

const RegexSchema = z.string().refine((pattern) => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}, 'expected a valid regular expression');

/**
 * One saved table and how its columns map onto observation fields. Validated with zod; errors name the path
 * inside the YAML file (`$.columns.scores["Overall"]`).
 */
export const TableConfigSchema = z
  .object({
    /** Kebab-case id: it becomes the scraper id and the observations' `source`. */
    id: KebabIdSchema,
    /** Display name of the leaderboard. */
    name: z.string().trim().min(1),
    /** The page the table comes from (fetched by `scrape`, cited by observations read from a saved file). */
    url: z
      .string()
      .url()
      .regex(/^https?:\/\//, 'expected an http(s) URL'),
    /** Format of the payload; by default taken from the file extension, content type, then the body. */
    format: z.enum(['html', 'csv', 'markdown']).optional(),
    /** Which table of the payload to read. */
    table: z
      .object({
        /** CSS selector of the table, or of an element containing it (HTML only). */
        selector: z.string().min(1).optional(),
        /** 0-based index among the tables left after `selector` and `headerContains`. */
        index: z.number().int().nonnegative().optional(),
        /** Only tables having a header cell that contains this text (case-insensitive). */
        headerContains: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
    /** The leaderboard's publication date; overrides dates found in the payload or the file name. */
    asOf: DateStringSchema.optional(),
    /** Header (exact, else case-insensitive) of each column to read. */
    columns: z
      .object({
        name: HeaderSchema,
        developer: HeaderSchema.optional(),
        releaseDate: HeaderSchema.optional(),
        parameters: HeaderSchema.optional(),
        license: HeaderSchema.optional(),
        /**
         * A column that tells apart rows of the same model (e.g. Physics-IQ's "Model Type": multiframe, i2v);
         * its value is appended to the name in parentheses so the rows stay distinct observations.
         */
        variant: HeaderSchema.optional(),
        /** Benchmark id (kebab-case) → header of its score column. */
        scores: z.record(z.string(), HeaderSchema).default({}),
      })
      .strict(),
    /** Keep or drop rows by model name. */
    filters: z
      .object({
        /** Keep only names matching one of these (case-insensitive). */
        include: z.array(RegexSchema).optional(),
        /** Drop names matching any of these (case-insensitive). */
        exclude: z.array(RegexSchema).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((config, context) => {
    // Checked here rather than as the record's key schema, whose zod message ("Invalid key in record") says less.
    for (const benchmark of Object.keys(config.columns.scores)) {
      if (!KebabIdSchema.safeParse(benchmark).success) {
        context.addIssue({
          code: 'custom',
          path: ['columns', 'scores', benchmark],
          message: 'expected a kebab-case benchmark id',
        });
      }
    }
    if (config.table?.selector !== undefined && config.format !== undefined && config.format !== 'html') {
      context.addIssue({
        code: 'custom',
        path: ['table', 'selector'],
        message: 'a CSS selector applies only to format "html"',
      });
    }
  });

/** A validated table configuration. */
export type TableConfig = z.output<typeof TableConfigSchema>;
/** A table configuration as written (defaults not yet applied). */
export type TableConfigInput = z.input<typeof TableConfigSchema>;

/**
 * Validates a table configuration object. Throws `CONFIG_INVALID` whose message reads
 * `<file>: <path>: <problem>`.
 */
export function parseTableConfig(value: unknown, file = 'table config'): TableConfig {
  return parseWithSchema(TableConfigSchema, value, { file, code: 'CONFIG_INVALID' });
}

/**
 * Reads one YAML table configuration (`configs/tables/<id>.yaml`). YAML syntax errors and schema problems are
 * `CONFIG_INVALID` errors naming the file and the line or path.
 */
export function loadTableConfig(yamlText: string, file: string): TableConfig {
  let value: unknown;
  try {
    value = parseYaml(yamlText, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new TrackerError(
      'CONFIG_INVALID',
      `${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`,
      {
        cause: error,
        details: { file },
      },
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TrackerError('CONFIG_INVALID', `${file}: expected a mapping with id, name, url and columns`, {
      details: { file },
    });
  }
  return parseTableConfig(value, file);
}
