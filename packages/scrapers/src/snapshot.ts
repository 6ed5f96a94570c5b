import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { TrackerError } from '@tracker/schema';

/** A raw payload to keep, exactly as fetched. */
export interface SnapshotInput {
  /** Scraper id: snapshots are grouped by source. */
  source: string;
  /** URL the payload came from (credentials already redacted by the caller). */
  url: string;
  /** When it was fetched (ISO timestamp). */
  retrievedAt: string;
  /** The body as decoded text. */
  body: string;
  /** The response's `Content-Type`, used to pick the file extension. */
  contentType?: string;
}

/** Where a payload was stored. */
export interface SavedSnapshot {
  /** Path of the stored file: the store's directory joined with `<source>/<name>` (or relative, see the store's options). */
  file: string;
  /** SHA-256 of the body (UTF-8 bytes), hex. */
  sha256: string;
}

/** Keeps raw payloads. The HTTP client calls `save` after every live fetch when it has a store. */
export interface SnapshotStore {
  save(snapshot: SnapshotInput): Promise<SavedSnapshot>;
}

/** Options of {@link createFileSnapshotStore}. */
export interface FileSnapshotStoreOptions {
  /**
   * Report `file` relative to this folder, with `/` separators: pass the data folder when the store writes to
   * `<data>/snapshots`, so that `file` fits `SnapshotInfo.file` (`snapshots/<source>/<name>`).
   */
  relativeTo?: string;
}

/**
 * A {@link SnapshotStore} writing `<dir>/<source>/<YYYYMMDDTHHMMSSZ>-<first 12 hex of sha256>.<ext>`, with the
 * extension taken from the content type (json, html, csv, txt). Writes are atomic (temp file + rename), and a
 * payload whose hash is already stored for that source is not written again: the existing file is returned.
 */
export function createFileSnapshotStore(dir: string, options: FileSnapshotStoreOptions = {}): SnapshotStore {
  const reported = (file: string) =>
    options.relativeTo === undefined ? file : relative(options.relativeTo, file).split(sep).join('/');
  return {
    async save(snapshot) {
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(snapshot.source)) {
        // The source becomes a directory name, so anything but a kebab-case id could escape `dir`.
        throw new TrackerError('IO_FAILED', `[snapshots] source "${snapshot.source}" is not a kebab-case id`);
      }
      const bytes = Buffer.from(snapshot.body, 'utf8');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const sourceDir = join(dir, snapshot.source);
      const suffix = `-${sha256.slice(0, 12)}.${extensionFor(snapshot.contentType, snapshot.body)}`;
      try {
        await mkdir(sourceDir, { recursive: true });
        const existing = (await readdir(sourceDir)).find((name) => name.endsWith(suffix));
        if (existing !== undefined) {
          return { file: reported(join(sourceDir, existing)), sha256 };
        }
        const file = join(sourceDir, `${formatCompactTimestamp(snapshot.retrievedAt)}${suffix}`);
        const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
        try {
          await writeFile(temporary, bytes, { flag: 'wx' });
          await rename(temporary, file);
        } catch (error) {
          await rm(temporary, { force: true });
          throw error;
        }
        return { file: reported(file), sha256 };
      } catch (error) {
        throw new TrackerError(
          'IO_FAILED',
          `[snapshots] ${sourceDir}: could not store the payload of ${snapshot.url}`,
          {
            cause: error,
          },
        );
      }
    },
  };
}

/** `2026-03-29T12:34:56.789Z` → `20260329T123456Z` (UTC). An unreadable timestamp falls back to the current time. */
export function formatCompactTimestamp(timestamp: string): string {
  const time = new Date(timestamp);
  const valid = Number.isNaN(time.getTime()) ? new Date() : time;
  return valid
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll('-', '')
    .replaceAll(':', '');
}

function extensionFor(contentType: string | undefined, body: string): string {
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json')) return 'json';
  if (type.includes('html') || type.includes('xml')) return 'html';
  if (type.includes('csv')) return 'csv';
  if (type === '') {
    // Without a content type, sniff the first character so that a JSON payload still opens as JSON.
    const first = body.trimStart()[0];
    if (first === '{' || first === '[') return 'json';
    if (first === '<') return 'html';
  }
  return 'txt';
}
