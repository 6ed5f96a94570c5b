import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TrackerError } from '@tracker/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_DATA_FILE_BYTES,
  findInvalidUtf8,
  MAX_JSON_DEPTH,
  setMaxDataFileBytes,
} from './json-file';
import { loadLedger, loadModels, loadModelsUnvalidated, loadObservations } from './store';
import { createTempDir } from './test-factories';

/** Runs `load` and returns the TrackerError it throws (failing the test when it throws anything else). */
async function failure(load: () => Promise<unknown>): Promise<TrackerError> {
  const error = await load().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(TrackerError.is(error), String(error)).toBe(true);
  return error as TrackerError;
}

const observationsFile = (source: string) =>
  `{"schemaVersion": 1, "source": "${source}", "snapshots": [], "observations": []}\n`;

describe('hostile data files', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await createTempDir();
    await mkdir(path.join(dataDir, 'observations'));
  });
  afterEach(() => setMaxDataFileBytes(undefined));

  it('refuses a models.json nested 200,000 deep as DATA_INVALID naming the file, without overflowing the stack', async () => {
    const depth = 200_000;
    const file = path.join(dataDir, 'models.json');
    await writeFile(file, `{"schemaVersion": 1, "models": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    for (const load of [() => loadModels(dataDir), () => loadModelsUnvalidated(dataDir)]) {
      const error = await failure(load);
      expect(error.code).toBe('DATA_INVALID');
      expect(error.message).toContain('models.json');
      expect(error.message).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
  });

  it('refuses a deeply nested ledger line, naming the file and the line', async () => {
    await writeFile(
      path.join(dataDir, 'ledger.jsonl'),
      `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}\n`,
    );
    const error = await failure(() => loadLedger(dataDir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toMatch(/ledger\.jsonl: line 1: \$(\.a)+: nested deeper than/);
  });

  it('refuses an observations file over the default 256 MiB limit before reading it', async () => {
    const file = path.join(dataDir, 'observations', 'epoch.json');
    await writeFile(file, observationsFile('epoch'));
    // A sparse file: 257 MiB long on paper, a few bytes on disk.
    await truncate(file, DEFAULT_MAX_DATA_FILE_BYTES + 1024 * 1024);
    const error = await failure(() => loadObservations(dataDir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toMatch(
      /observations\/epoch\.json: the file is 257 MiB, over the limit of 256 MiB for one data file$/,
    );
  });

  it('honours a configured limit', async () => {
    await writeFile(path.join(dataDir, 'observations', 'epoch.json'), observationsFile('epoch'));
    expect((await loadObservations(dataDir)).map((file) => file.source)).toEqual(['epoch']);
    setMaxDataFileBytes(64);
    const error = await failure(() => loadObservations(dataDir));
    expect(error.message).toMatch(/epoch\.json: the file is \d+ bytes, over the limit of 64 bytes/);
    expect(() => setMaxDataFileBytes(0)).toThrow(/positive whole number/);
  });

  it('refuses invalid UTF-8 as DATA_INVALID naming the file and the byte offset', async () => {
    const text = observationsFile('lmarena').replace('"observations": []', '"observations": [], "x": "ab"');
    const bytes = Buffer.from(text, 'utf8');
    const offset = text.indexOf('ab') + 1;
    bytes[offset] = 0xff;
    await writeFile(path.join(dataDir, 'observations', 'lmarena.json'), bytes);
    const error = await failure(() => loadObservations(dataDir));
    expect(error.code).toBe('DATA_INVALID');
    expect(error.message).toMatch(
      new RegExp(`observations/lmarena\\.json: byte offset ${offset}: invalid UTF-8$`),
    );
    expect(error.details.byteOffset).toBe(offset);
  });

  it('refuses invalid UTF-8 in the ledger and in models.json', async () => {
    await writeFile(path.join(dataDir, 'ledger.jsonl'), Buffer.from([0x7b, 0x7d, 0x0a, 0xc3, 0x28]));
    expect((await failure(() => loadLedger(dataDir))).message).toMatch(
      /ledger\.jsonl: byte offset 3: invalid UTF-8/,
    );
    await writeFile(path.join(dataDir, 'models.json'), Buffer.from([0x22, 0xed, 0xa0, 0x80, 0x22]));
    expect((await failure(() => loadModels(dataDir))).message).toMatch(
      /models\.json: byte offset 1: invalid UTF-8/,
    );
  });

  it('reads the last good models.json unvalidated, and says when it is not JSON at all', async () => {
    expect(await loadModelsUnvalidated(dataDir)).toBeNull();
    await writeFile(path.join(dataDir, 'models.json'), '{"schemaVersion": 1, "models": [{"id": "a/b"}]}');
    expect(await loadModelsUnvalidated(dataDir)).toEqual({ models: [{ id: 'a/b' }] });
    await writeFile(path.join(dataDir, 'models.json'), '{"schemaVersion": 1, "models": [');
    const error = await failure(() => loadModelsUnvalidated(dataDir));
    expect(error.details.syntax).toBe(true);
    expect(await readFile(path.join(dataDir, 'models.json'), 'utf8')).toBe(
      '{"schemaVersion": 1, "models": [',
    );
  });
});

describe('findInvalidUtf8', () => {
  it.each([
    [[0x61, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], -1],
    [[0x61, 0x80], 1],
    [[0xc0, 0xaf], 0], // overlong
    [[0x61, 0xe0, 0x80, 0xaf], 1], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // past U+10FFFF
    [[0x61, 0x62, 0xe2, 0x82], 2], // cut off
  ])('finds the first bad byte of %j at %i', (bytes, offset) => {
    expect(findInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
    let decodes = true;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
    } catch {
      decodes = false;
    }
    expect(decodes).toBe(offset === -1);
  });
});
