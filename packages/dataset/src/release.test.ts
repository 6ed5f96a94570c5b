import * as fs from 'node:fs/promises';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LedgerEntry, ModelRecord } from '@tracker/schema';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetMetadata, parquetReadObjects } from 'hyparquet';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { curate } from './curate';
import { createLedgerEntry } from './ledger';
import { formatReleaseParquet, RELEASE_PARQUET_COLUMNS } from './parquet';
import {
  buildRelease,
  findPreviousRelease,
  listReleaseDates,
  RELEASE_COLUMNS,
  writeRelease,
} from './release';
import { appendLedger, loadReleaseFile, saveModels } from './store';
import { createTempDir, makeRecord, testEstimation } from './test-factories';

/** Lets one test make `rename` fail; every other call goes to the real file system. */
const renameFailure = vi.hoisted(() => ({ when: null as ((from: string, to: string) => boolean) | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const rename = async (from: string, to: string) => {
    if (renameFailure.when?.(String(from), String(to))) {
      throw Object.assign(new Error(`EIO: injected failure, rename '${from}'`), { code: 'EIO' });
    }
    return actual.rename(from, to);
  };
  return { ...actual, rename, default: { ...actual, rename } };
});

const THRESHOLD = 1e25;
const AT = '2026-03-01T10:00:00.000Z';

function withProbability(record: ModelRecord, probabilityAbove: number): ModelRecord {
  return {
    ...record,
    assessment: {
      threshold: THRESHOLD,
      probabilityAbove,
      status: probabilityAbove >= 0.5 ? 'likely-above' : 'likely-below',
    },
  };
}

function ruling(
  modelId: string,
  action: 'confirm-above' | 'confirm-below' | 'exclude',
  at: string,
  reason: string,
): LedgerEntry {
  return createLedgerEntry({
    modelId,
    action,
    by: 'ana',
    reason,
    at,
    evidence: ['https://example.org/report'],
  });
}

function fixture() {
  const records = [
    withProbability(makeRecord('openai/gpt-4o', 3.8e25), 0.99),
    withProbability(makeRecord('acme/big', 5e25), 0.97),
    withProbability(makeRecord('acme/maybe', 2e25), 0.9),
    withProbability(makeRecord('acme/excluded', 9e25), 0.99),
    withProbability(makeRecord('acme/small', 8e24), 0.4),
    withProbability(makeRecord('meta/set', 2e24), 0.05),
  ];
  records[1] = { ...records[1]!, name: '=HYPERLINK("http://evil.example")' };
  const ledger = [
    ruling('openai/gpt-4o', 'confirm-above', '2026-02-01T00:00:00.000Z', 'developer report'),
    ruling('acme/excluded', 'exclude', '2026-02-01T00:00:00.000Z', 'a fine-tune of a listed model'),
    ruling('acme/small', 'confirm-below', '2026-02-01T00:00:00.000Z', 'paper says 8e24'),
    createLedgerEntry({
      modelId: 'meta/set',
      action: 'set-compute',
      by: 'bo',
      reason: 'hardware disclosure',
      value: { flop: 1.2e25, confidence: 'likely' },
      at: '2026-02-01T00:00:00.000Z',
    }),
  ];
  return { records: curate(records, ledger, { estimation: testEstimation, threshold: THRESHOLD }), ledger };
}

describe('buildRelease', () => {
  it('lists confirmed-above models and unreviewed ones over the cut, never excluded or confirmed-below', () => {
    const { records, ledger } = fixture();
    const release = buildRelease(records, ledger, {
      date: '2026-03-01',
      threshold: THRESHOLD,
      generatedAt: AT,
    });
    expect(release.models.map((row) => row.id)).toEqual(['acme/big', 'meta/set', 'openai/gpt-4o']);
    const [big, set, gpt] = release.models;
    expect(big).toMatchObject({
      status: 'candidate',
      unreviewed: true,
      flop: 5e25,
      reason: 'P(above)=0.97 by operation-count; not yet reviewed',
      evidence: [],
    });
    expect(set).toMatchObject({
      status: 'confirmed-above',
      unreviewed: false,
      flop: 1.2e25,
      method: 'ledger',
      confidence: 'likely',
    });
    expect(gpt).toMatchObject({
      status: 'confirmed-above',
      unreviewed: false,
      flop: 3.8e25,
      low: 3.8e25 / 3,
      reason: 'developer report',
      evidence: ['https://example.org/report'],
    });
  });

  it('leaves unreviewed models out when includeUnreviewedAbove is false, and honours a custom cut', () => {
    const { records, ledger } = fixture();
    const reviewedOnly = buildRelease(records, ledger, {
      date: '2026-03-01',
      threshold: THRESHOLD,
      generatedAt: AT,
      includeUnreviewedAbove: false,
    });
    expect(reviewedOnly.models.map((row) => row.id)).toEqual(['meta/set', 'openai/gpt-4o']);
    const lowerCut = buildRelease(records, ledger, {
      date: '2026-03-01',
      threshold: THRESHOLD,
      generatedAt: AT,
      includeUnreviewedAbove: 0.9,
    });
    expect(lowerCut.models.map((row) => row.id)).toEqual([
      'acme/big',
      'acme/maybe',
      'meta/set',
      'openai/gpt-4o',
    ]);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-04-31'])('refuses the impossible date %s', (date) => {
    const { records, ledger } = fixture();
    expect(() => buildRelease(records, ledger, { date, threshold: THRESHOLD, generatedAt: AT })).toThrow(
      `[release] ${date} is not a date of the calendar`,
    );
  });

  it('refuses a release date that is not a full day', () => {
    const { records, ledger } = fixture();
    expect(() =>
      buildRelease(records, ledger, { date: '2026-03', threshold: THRESHOLD, generatedAt: AT }),
    ).toThrow(/expected a release date YYYY-MM-DD, got "2026-03"/);
  });
});

async function parquetFile(release: Parameters<typeof formatReleaseParquet>[0]) {
  const bytes = await formatReleaseParquet(release);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('writeRelease', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await createTempDir();
    renameFailure.when = null;
  });
  afterEach(() => {
    renameFailure.when = null;
  });

  const build = (
    date: string,
    records: ModelRecord[],
    ledger: LedgerEntry[],
    generatedAt = `${date}T10:00:00.000Z`,
  ) => buildRelease(records, ledger, { date, threshold: THRESHOLD, generatedAt });

  it('writes models.json, models.csv, models.parquet and CHANGELOG.md that read back to the same rows', async () => {
    const { records, ledger } = fixture();
    const release = build('2026-03-01', records, ledger);
    const result = await writeRelease(dataDir, release, { ledger, records });
    expect(result).toMatchObject({ dryRun: false, replaced: false, previousDate: null });
    const folder = path.join(dataDir, 'releases', '2026-03-01');
    expect((await readdir(folder)).sort()).toEqual([
      'CHANGELOG.md',
      'models.csv',
      'models.json',
      'models.parquet',
    ]);
    expect(await loadReleaseFile(folder)).toEqual(release);

    const csv = await readFile(path.join(folder, 'models.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(RELEASE_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).not.toMatch(/[^\r]\n/);
    const table = parse(csv) as string[][];
    expect(table).toHaveLength(4);
    const big = Object.fromEntries(RELEASE_COLUMNS.map((field, index) => [field, table[1]![index]]));
    expect(big).toMatchObject({
      id: 'acme/big',
      name: `'=HYPERLINK("http://evil.example")`,
      unreviewed: 'true',
      flop: '5e+25',
      probabilityAbove: '0.97',
    });
    expect(Number(big.flop)).toBe(5e25);
    expect(table[3]![RELEASE_COLUMNS.indexOf('evidence')]).toBe('https://example.org/report');
    // Figures to six significant digits in the CSV (3.8e25 / 3 is 1.2666666666666667e+25 in models.json).
    expect(table[3]![RELEASE_COLUMNS.indexOf('low')]).toBe('1.26667e+25');

    const changelog = await readFile(path.join(folder, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('# Release 2026-03-01');
    expect(changelog).toContain('First release');
    expect(changelog).toContain('- `acme/big` =HYPERLINK("http://evil.example"): candidate (unreviewed)');
  });

  it('writes a typed parquet file that hyparquet reads back value for value', async () => {
    const { records, ledger } = fixture();
    const release = build('2026-03-01', records, ledger);
    await writeRelease(dataDir, release, { ledger, records, previous: null });
    const file = await asyncBufferFromFile(path.join(dataDir, 'releases', '2026-03-01', 'models.parquet'));
    const metadata = parquetMetadata(await file.slice(0));
    const types = Object.fromEntries(
      metadata.schema.slice(1).map((element) => [element.name, [element.type, element.repetition_type]]),
    );
    expect(types).toMatchObject({
      id: ['BYTE_ARRAY', 'OPTIONAL'],
      unreviewed: ['BOOLEAN', 'OPTIONAL'],
      flop: ['DOUBLE', 'OPTIONAL'],
      probabilityAbove: ['DOUBLE', 'OPTIONAL'],
      releaseDate: ['INT32', 'OPTIONAL'],
      releaseDatePrecision: ['BYTE_ARRAY', 'OPTIONAL'],
    });
    const dateElement = metadata.schema.find((element) => element.name === 'releaseDate');
    expect(dateElement?.logical_type).toEqual({ type: 'DATE' });
    expect(Object.keys(types)).toEqual([
      ...RELEASE_PARQUET_COLUMNS.map(([field]) => field),
      'releaseDatePrecision',
    ]);
    expect(metadata.key_value_metadata).toEqual(
      expect.arrayContaining([{ key: 'tracker.date', value: '2026-03-01' }]),
    );
    const rows = await parquetReadObjects({ file });
    const asParquet = (row: (typeof release.models)[number]) => ({
      ...row,
      evidence: row.evidence.join(' '),
      releaseDate: row.releaseDate === null ? null : new Date(`${row.releaseDate}T00:00:00Z`),
      releaseDatePrecision: row.releaseDate === null ? null : 'day',
    });
    expect(rows).toEqual(release.models.map(asParquet));
    const set = rows.find((row) => row.id === 'meta/set');
    expect(set).toMatchObject({
      low: 1.2e25 / 10,
      high: 1.2e25 * 10,
      flop: 1.2e25,
      unreviewed: false,
      developer: null,
    });
  });

  it('stores releaseDate as a Parquet DATE, a month or year as its first day with its precision', async () => {
    const { records, ledger } = fixture();
    const release = build('2026-03-01', records, ledger);
    const dates = ['2024-05-13', '2024-05', '2024'];
    release.models.forEach((row, index) => {
      row.releaseDate = dates[index] ?? null;
    });
    const file = await parquetFile(release);
    const rows = await parquetReadObjects({ file, columns: ['releaseDate', 'releaseDatePrecision'] });
    expect(rows).toEqual([
      { releaseDate: new Date('2024-05-13T00:00:00Z'), releaseDatePrecision: 'day' },
      { releaseDate: new Date('2024-05-01T00:00:00Z'), releaseDatePrecision: 'month' },
      { releaseDate: new Date('2024-01-01T00:00:00Z'), releaseDatePrecision: 'year' },
    ]);
  });

  it('writes no control character from data into models.csv or CHANGELOG.md', async () => {
    const { records, ledger } = fixture();
    const hostile = 'evil\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u009b31m\rfake';
    const release = build('2026-03-01', records, ledger);
    for (const row of release.models) {
      row.name = `${row.name} ${hostile}`;
      row.reason = hostile;
    }
    await writeRelease(dataDir, release, { ledger, records, previous: null });
    const folder = path.join(dataDir, 'releases', '2026-03-01');
    const csv = await readFile(path.join(folder, 'models.csv'), 'utf8');
    // Only the CRLF record ends are left; the data's ESC, BEL, C1 CSI and lone CR are gone.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    const table = parse(csv) as string[][];
    expect(table[1]![RELEASE_COLUMNS.indexOf('reason')]).toBe(
      'evil\ufffd]52;c;ZXZpbA==\ufffd\ufffd[2J\ufffd31m\nfake',
    );
    const changelog = await readFile(path.join(folder, 'CHANGELOG.md'), 'utf8');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point of the check
    expect(changelog).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('writes an empty release that still loads', async () => {
    const release = build('2026-03-01', [], []);
    await writeRelease(dataDir, release, { ledger: [], records: [] });
    const file = await asyncBufferFromFile(path.join(dataDir, 'releases', '2026-03-01', 'models.parquet'));
    expect(await parquetReadObjects({ file })).toEqual([]);
    expect(await readFile(path.join(dataDir, 'releases', '2026-03-01', 'models.csv'), 'utf8')).toBe(
      `${RELEASE_COLUMNS.join(',')}\r\n`,
    );
  });

  it('compares with the latest earlier release: added, removed and changed with old → new and the reason', async () => {
    const { records, ledger } = fixture();
    await writeRelease(dataDir, build('2026-03-01', records, ledger), { ledger, records });
    // After the first release: gpt-4o's machine median moves, acme/big gets excluded, acme/maybe crosses the cut.
    const later = [
      ...ledger,
      ruling('acme/big', 'exclude', '2026-03-10T00:00:00.000Z', 'duplicate of openai/gpt-4o'),
      ruling('acme/maybe', 'confirm-above', '2026-03-10T00:00:00.000Z', 'model card states 2e25'),
    ];
    const moved = records.map((record) =>
      record.id === 'openai/gpt-4o' ? withProbability(makeRecord('openai/gpt-4o', 5e25), 0.99) : record,
    );
    const curated = curate(moved, later, { estimation: testEstimation, threshold: THRESHOLD });
    // A stale release from a later date and a non-release folder must not be taken as "previous".
    await mkdir(path.join(dataDir, 'releases', '2026-05-01'), { recursive: true });
    await mkdir(path.join(dataDir, 'releases', 'drafts'), { recursive: true });
    expect(await listReleaseDates(dataDir)).toEqual(['2026-03-01', '2026-05-01']);
    expect((await findPreviousRelease(dataDir, '2026-04-01'))?.date).toBe('2026-03-01');

    const result = await writeRelease(dataDir, build('2026-04-01', curated, later), {
      ledger: later,
      records: curated,
    });
    expect(result.previousDate).toBe('2026-03-01');
    const changelog = await readFile(path.join(dataDir, 'releases', '2026-04-01', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('Since the release of 2026-03-01: 1 added, 1 removed, 1 changed.');
    expect(changelog).toMatch(
      /## Added\n\n- `acme\/maybe` maybe: confirmed-above, 2\.00e\+25 FLOP\. Reason: confirm-above by ana on 2026-03-10 \(ledger [^)]+\): model card states 2e25/,
    );
    expect(changelog).toMatch(
      /## Removed\n\n- `acme\/big` .*: was candidate \(unreviewed\), 5\.00e\+25 FLOP\. Reason: exclude by ana on 2026-03-10 .*: duplicate of openai\/gpt-4o/,
    );
    expect(changelog).toContain(
      '- `openai/gpt-4o` gpt-4o: flop 3.80e+25 → 5.00e+25; low 1.27e+25 → 1.67e+25; high 1.14e+26 → 1.50e+26. Reason: machine estimate moved',
    );
  });

  it('reads the ledger and models.json of the data folder by default, and escapes Markdown in names', async () => {
    const { records, ledger } = fixture();
    await appendLedger(dataDir, ledger);
    const renamed = records.map((record) =>
      record.id === 'openai/gpt-4o' ? { ...record, name: '[click me](https://evil.example) <b>' } : record,
    );
    await saveModels(dataDir, { schemaVersion: 1, generatedAt: AT, threshold: THRESHOLD, models: renamed });
    await writeRelease(dataDir, build('2026-03-01', renamed, ledger));
    const next = [
      ...ledger,
      ruling('openai/gpt-4o', 'exclude', '2026-03-05T00:00:00.000Z', 'not a new model'),
    ];
    await appendLedger(dataDir, next.slice(-1));
    const curated = curate(renamed, next, { estimation: testEstimation, threshold: THRESHOLD });
    await saveModels(dataDir, { schemaVersion: 1, generatedAt: AT, threshold: THRESHOLD, models: curated });
    await writeRelease(dataDir, build('2026-04-01', curated, next));
    const changelog = await readFile(path.join(dataDir, 'releases', '2026-04-01', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(
      '- `openai/gpt-4o` \\[click me\\](https://evil.example) \\<b\\>: was confirmed-above, 3.80e+25 FLOP. Reason: exclude by ana on 2026-03-05',
    );
    expect(changelog).not.toContain('[click me]');
  });

  it('returns the would-be files on a dry run and writes nothing', async () => {
    const { records, ledger } = fixture();
    const result = await writeRelease(dataDir, build('2026-03-01', records, ledger), {
      dryRun: true,
      ledger,
      records,
    });
    expect(result.dryRun).toBe(true);
    expect(result.files.map((file) => file.path)).toEqual([
      'releases/2026-03-01/models.json',
      'releases/2026-03-01/models.csv',
      'releases/2026-03-01/models.parquet',
      'releases/2026-03-01/CHANGELOG.md',
    ]);
    expect(result.files.every((file) => file.bytes > 0)).toBe(true);
    // The same release gives the same bytes, so unchanged releases give no git diff.
    const again = await writeRelease(dataDir, build('2026-03-01', records, ledger), {
      dryRun: true,
      ledger,
      records,
    });
    expect(again.files.map((file) => file.content)).toEqual(result.files.map((file) => file.content));
    await expect(readdir(dataDir)).resolves.toEqual([]);
  });

  it('replaces a release of the same date and leaves no work folders behind', async () => {
    const { records, ledger } = fixture();
    await writeRelease(dataDir, build('2026-03-01', records, ledger), { ledger, records });
    const second = build('2026-03-01', records.slice(0, 1), ledger, '2026-03-01T12:00:00.000Z');
    const result = await writeRelease(dataDir, second, { ledger, records });
    expect(result.replaced).toBe(true);
    expect(await readdir(path.join(dataDir, 'releases'))).toEqual(['2026-03-01']);
    expect(await loadReleaseFile(path.join(dataDir, 'releases', '2026-03-01'))).toEqual(second);
  });

  it('keeps the old release intact when the swap fails mid-way', async () => {
    const { records, ledger } = fixture();
    const first = build('2026-03-01', records, ledger);
    await writeRelease(dataDir, first, { ledger, records });
    const folder = path.join(dataDir, 'releases', '2026-03-01');
    const before = await Promise.all(
      ['models.json', 'models.csv', 'models.parquet', 'CHANGELOG.md'].map((name) =>
        readFile(path.join(folder, name)),
      ),
    );
    // The old folder has been renamed aside; moving the new one in fails.
    renameFailure.when = (from, to) => to === folder && from.includes('.tmp-');
    const second = build('2026-03-01', records.slice(0, 1), ledger, '2026-03-01T12:00:00.000Z');
    await expect(writeRelease(dataDir, second, { ledger, records })).rejects.toMatchObject({
      code: 'IO_FAILED',
      message: expect.stringContaining('injected failure'),
    });
    expect(await readdir(path.join(dataDir, 'releases'))).toEqual(['2026-03-01']);
    const after = await Promise.all(
      ['models.json', 'models.csv', 'models.parquet', 'CHANGELOG.md'].map((name) =>
        readFile(path.join(folder, name)),
      ),
    );
    expect(after).toEqual(before);
    expect(await loadReleaseFile(folder)).toEqual(first);
  });

  it('keeps the old release and removes the temp folder when writing a file fails', async () => {
    const { records, ledger } = fixture();
    const first = build('2026-03-01', records, ledger);
    await writeRelease(dataDir, first, { ledger, records });
    renameFailure.when = (_from, to) => to.endsWith('models.parquet');
    await expect(
      writeRelease(dataDir, build('2026-03-01', [], ledger), { ledger, records }),
    ).rejects.toMatchObject({ code: 'IO_FAILED' });
    expect(await readdir(path.join(dataDir, 'releases'))).toEqual(['2026-03-01']);
    expect(await loadReleaseFile(path.join(dataDir, 'releases', '2026-03-01'))).toEqual(first);
  });

  it('puts back a release a killed writer had set aside, and removes its temp folder', async () => {
    const releases = path.join(dataDir, 'releases');
    const { records, ledger } = fixture();
    const first = build('2026-03-01', records, ledger);
    await writeRelease(dataDir, first, { ledger, records });
    // Simulate a writer killed between the two renames: the old release aside, the new one still in its temp folder.
    await fs.rename(path.join(releases, '2026-03-01'), path.join(releases, '.2026-03-01.old-999999'));
    await mkdir(path.join(releases, '.2026-03-01.tmp-999999'));
    await writeFile(path.join(releases, '.2026-03-01.tmp-999999', 'models.json'), '{"half":');
    await writeRelease(dataDir, build('2026-04-01', records, ledger), { ledger, records });
    expect(await readdir(releases)).toEqual(['2026-03-01', '2026-04-01']);
    expect(await loadReleaseFile(path.join(releases, '2026-03-01'))).toEqual(first);
  });

  it('refuses to write while another holder has the lock', async () => {
    const { records, ledger } = fixture();
    await writeFile(
      path.join(dataDir, '.lock'),
      JSON.stringify({
        pid: process.ppid,
        host: 'elsewhere',
        since: AT,
        command: 'tracker run',
        token: 'abcdef12',
      }),
    );
    await expect(
      writeRelease(dataDir, build('2026-03-01', records, ledger), { ledger, records, wait: 0 }),
    ).rejects.toMatchObject({ code: 'LOCK_HELD' });
    await expect(readdir(path.join(dataDir, 'releases'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
