import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  type CsvValue,
  DEFAULT_STATUS_CUTS,
  formatCsv,
  formatNumberText,
  type LedgerEntry,
  type ModelRecord,
  parseWithSchema,
  type ReleaseFile,
  ReleaseFileSchema,
  type ReleaseRow,
  TrackerError,
} from '@tracker/schema';
import { writeFileAtomic } from './atomic-write';
import { formatChangelog } from './changelog';
import { summarizeRecord } from './diff';
import { compareStrings, stableStringify } from './json-file';
import { formatReleaseParquet, joinEvidence, RELEASE_PARQUET_COLUMNS } from './parquet';
import { dataPaths, displayPath } from './paths';
import { loadLedger, loadModels, loadReleaseFile, underLock, type WriteOptions } from './store';

/** Options of {@link buildRelease}. */
export interface BuildReleaseOptions {
  /** The release date, `YYYY-MM-DD`; also the folder name. */
  date: string;
  /** The compute threshold in FLOP (e.g. 1e25). */
  threshold: number;
  /**
   * Models no human has ruled on (status `candidate`) are listed, marked `unreviewed: true`, when the machine's
   * P(above) is at least this. Default 0.95; `false` lists reviewed models only.
   */
  includeUnreviewedAbove?: number | false;
  /** When the release was generated (ISO timestamp). */
  generatedAt: string;
}

/** The columns of `models.csv` and `models.parquet`: the {@link ReleaseRow} fields, in this order. */
export const RELEASE_COLUMNS = RELEASE_PARQUET_COLUMNS.map(([field]) => field);

const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkDate(date: string): void {
  if (!FULL_DATE.test(date)) {
    throw new TrackerError('USAGE', `[release] expected a release date YYYY-MM-DD, got "${date}"`);
  }
  // The pattern lets 2026-02-30 through; a real day of the calendar does not roll over into the next month.
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) {
    throw new TrackerError('USAGE', `[release] ${date} is not a date of the calendar`);
  }
}

/**
 * Builds the published list from curated records (with `curation`, `estimate`, `assessment`; see `curate`):
 * - every confirmed-above model, with the human's compute when a ruling set one, else the machine median;
 * - unless `includeUnreviewedAbove` is `false`, every model without a ruling (status `candidate`) whose
 *   P(above) is at least that cut (default 0.95), marked `unreviewed: true` with a machine reason such as
 *   `P(above)=0.97 by benchmark; not yet reviewed`;
 * - never an excluded or confirmed-below model.
 * `reason` is the ruling's reason, `evidence` its evidence URLs. Rows are sorted by id and validated
 * (`RECORD_INVALID`).
 */
export function buildRelease(
  records: readonly ModelRecord[],
  ledger: readonly LedgerEntry[],
  options: BuildReleaseOptions,
): ReleaseFile {
  checkDate(options.date);
  const cut = options.includeUnreviewedAbove ?? DEFAULT_STATUS_CUTS.above;
  const models: ReleaseRow[] = [];
  for (const record of records) {
    const row = summarizeRecord(record, { ledger });
    if (row.status === 'confirmed-above') {
      models.push(row);
    } else if (
      row.status === 'candidate' &&
      cut !== false &&
      row.probabilityAbove !== null &&
      row.probabilityAbove >= cut
    ) {
      const method = record.estimate?.method ?? 'no method';
      // An `include` ruling only says the model belongs in the data; the threshold is still the machine's call.
      const included =
        record.curation?.ruling?.action === 'include' ? ` (included by ${record.curation.ruling.by})` : '';
      models.push({
        ...row,
        unreviewed: true,
        reason: `P(above)=${row.probabilityAbove.toFixed(2)} by ${method}; not yet reviewed${included}`,
      });
    }
  }
  models.sort((left, right) => compareStrings(left.id, right.id));
  const release: ReleaseFile = {
    schemaVersion: 1,
    date: options.date,
    generatedAt: options.generatedAt,
    threshold: options.threshold,
    models,
  };
  return parseWithSchema(ReleaseFileSchema, release, { file: `release ${options.date}` });
}

/**
 * Formats a release as `models.csv`: RFC 4180, CRLF, a header of the row field names, formula cells neutralised,
 * controls in text replaced, figures to six significant digits (`models.json` and `models.parquet` keep them whole).
 */
export function formatReleaseCsv(release: ReleaseFile): string {
  const cell = (value: unknown) => (typeof value === 'number' ? Number(formatNumberText(value)) : value);
  return formatCsv(
    RELEASE_COLUMNS,
    release.models.map((row) =>
      RELEASE_COLUMNS.map((field) =>
        field === 'evidence' ? joinEvidence(row.evidence) : (cell(row[field]) as CsvValue),
      ),
    ),
  );
}

const RELEASE_KEY_ORDER = ['schemaVersion', 'date', 'generatedAt', 'threshold', 'models', ...RELEASE_COLUMNS];

/** Formats a release as `models.json` (stable key order, 2-space indent, final newline). */
export function formatReleaseJson(release: ReleaseFile): string {
  return stableStringify(release, { keyOrder: RELEASE_KEY_ORDER });
}

/** The dates of the release folders of a data folder (`releases/YYYY-MM-DD/`), oldest first. */
export async function listReleaseDates(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dataPaths(dataDir).releasesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw ioError(dataPaths(dataDir).releasesDir, 'could not be listed', error);
  }
  return names.filter((name) => FULL_DATE.test(name)).sort(compareStrings);
}

/** The latest release strictly before `date` (the one a new release is compared with), or `null`. */
export async function findPreviousRelease(dataDir: string, date: string): Promise<ReleaseFile | null> {
  const earlier = (await listReleaseDates(dataDir)).filter((name) => name < date);
  const latest = earlier.at(-1);
  return latest === undefined ? null : loadReleaseFile(dataPaths(dataDir).releaseDir(latest));
}

/** Options of {@link writeRelease}. */
export interface WriteReleaseOptions extends WriteOptions {
  /** Compute the files and return them without writing anything (`tracker release --dry-run`). */
  dryRun?: boolean;
  /** The release to compare with; default {@link findPreviousRelease}. `null` makes this the first release. */
  previous?: ReleaseFile | null;
  /** The ledger, for the changelog's reasons; default: loaded from the data folder. */
  ledger?: readonly LedgerEntry[];
  /** The curated records, for why a model left the list; default: the data folder's `models.json`. */
  records?: readonly ModelRecord[];
}

/** One file of a release folder, as written (or as it would be written on a dry run). */
export interface ReleaseOutputFile {
  /** Path relative to the data folder, with `/`: `releases/2026-03-01/models.csv`. */
  path: string;
  content: string | Uint8Array;
  bytes: number;
}

/** What {@link writeRelease} did. */
export interface WriteReleaseResult {
  /** The release folder (absolute). */
  dir: string;
  files: ReleaseOutputFile[];
  /** The date of the release compared with, or `null` for a first release. */
  previousDate: string | null;
  /** True when an existing release of the same date was replaced. */
  replaced: boolean;
  dryRun: boolean;
}

const encoder = new TextEncoder();

function outputFile(date: string, name: string, content: string | Uint8Array): ReleaseOutputFile {
  const bytes = typeof content === 'string' ? encoder.encode(content).byteLength : content.byteLength;
  return { path: `releases/${date}/${name}`, content, bytes };
}

function ioError(file: string, what: string, error: unknown): TrackerError {
  if (TrackerError.is(error)) return error;
  return new TrackerError('IO_FAILED', `${displayPath(file)}: ${what} (${(error as Error).message})`, {
    cause: error,
    details: { file: displayPath(file) },
  });
}

async function exists(location: string): Promise<boolean> {
  try {
    await stat(location);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw ioError(location, 'could not be inspected', error);
  }
}

/** Temp and set-aside folders of an interrupted release: `.<date>.tmp-<pid>` and `.<date>.old-<pid>`. */
const WORK_FOLDER = /^\.(\d{4}-\d{2}-\d{2})\.(tmp|old)-(\d+)$/;

/**
 * Cleans up after a release write that was killed. Runs under the lock, so no other writer owns these folders.
 * A set-aside old release whose replacement never arrived is put back; anything else is removed.
 */
async function recoverInterruptedReleases(releasesDir: string): Promise<void> {
  const names = await readdir(releasesDir).catch(() => [] as string[]);
  for (const name of names.sort(compareStrings)) {
    const match = WORK_FOLDER.exec(name);
    if (!match) continue;
    const folder = path.join(releasesDir, name);
    const final = path.join(releasesDir, match[1]!);
    if (match[2] === 'old' && !(await exists(final))) await rename(folder, final);
    else await rm(folder, { recursive: true, force: true });
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r').catch(() => undefined);
  // Durability of the rename is best effort on platforms that cannot fsync a directory; atomicity does not need it.
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

/**
 * Writes `releases/<date>/` with `models.json`, `models.csv`, `models.parquet` and `CHANGELOG.md` (compared with
 * `options.previous`, by default the latest earlier release). Under the data folder's lock, the files are written
 * into `releases/.<date>.tmp-<pid>/`, which is then renamed to `releases/<date>/`, so the folder is never seen
 * half-written. Releasing twice on one date replaces that folder: the old one is renamed aside, the new one
 * renamed in, and the old one removed; if the swap fails the old one is put back, and a writer killed between the
 * two renames is repaired by the next release. `dryRun` returns the files without writing or locking.
 */
export async function writeRelease(
  dataDir: string,
  release: ReleaseFile,
  options: WriteReleaseOptions = {},
): Promise<WriteReleaseResult> {
  checkDate(release.date);
  const paths = dataPaths(dataDir);
  const finalDir = paths.releaseDir(release.date);
  const checked = parseWithSchema(ReleaseFileSchema, release, {
    file: displayPath(path.join(finalDir, 'models.json')),
  });
  const render = async (): Promise<{ files: ReleaseOutputFile[]; previousDate: string | null }> => {
    const previous =
      options.previous === undefined ? await findPreviousRelease(dataDir, checked.date) : options.previous;
    const ledger = options.ledger ?? (await loadLedger(dataDir));
    const records = options.records ?? (await loadModels(dataDir))?.models ?? [];
    const files = [
      outputFile(checked.date, 'models.json', formatReleaseJson(checked)),
      outputFile(checked.date, 'models.csv', formatReleaseCsv(checked)),
      outputFile(checked.date, 'models.parquet', await formatReleaseParquet(checked)),
      outputFile(
        checked.date,
        'CHANGELOG.md',
        formatChangelog({ current: checked, previous, ledger, records }),
      ),
    ];
    return { files, previousDate: previous?.date ?? null };
  };

  if (options.dryRun) {
    const { files, previousDate } = await render();
    return { dir: finalDir, files, previousDate, replaced: await exists(finalDir), dryRun: true };
  }

  return underLock(dataDir, options, async () => {
    const { files, previousDate } = await render();
    const releasesDir = paths.releasesDir;
    const temp = path.join(releasesDir, `.${checked.date}.tmp-${process.pid}`);
    const aside = path.join(releasesDir, `.${checked.date}.old-${process.pid}`);
    let replaced = false;
    try {
      await mkdir(releasesDir, { recursive: true });
      await recoverInterruptedReleases(releasesDir);
      await mkdir(temp, { recursive: true });
      for (const file of files)
        await writeFileAtomic(path.join(temp, path.basename(file.path)), file.content);
      if (await exists(finalDir)) {
        await rename(finalDir, aside);
        replaced = true;
      }
      try {
        await rename(temp, finalDir);
      } catch (error) {
        // Put the old release back so a failed swap leaves exactly what was there before.
        if (replaced) await rename(aside, finalDir);
        throw error;
      }
      await syncDirectory(releasesDir);
    } catch (error) {
      await rm(temp, { recursive: true, force: true }).catch(() => undefined);
      throw ioError(finalDir, 'could not be written', error);
    }
    // The new release is in place; removing the old copy is cleanup (a leftover is removed by the next release).
    if (replaced) await rm(aside, { recursive: true, force: true }).catch(() => undefined);
    return { dir: finalDir, files, previousDate, replaced, dryRun: false };
  });
}
