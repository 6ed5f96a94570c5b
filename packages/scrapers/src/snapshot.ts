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
  /** Where the store kept it; the data folder's store reports `snapshots/<source>/<name>` (`SnapshotInfo.file`). */
  file: string;
  /** SHA-256 of the body (UTF-8 bytes), hex. */
  sha256: string;
}

/**
 * Keeps raw payloads. The HTTP client calls `save` after every live fetch when it has a store. The store of the
 * data folder is `openDataFolder(dir).snapshots` in `@tracker/dataset` (atomic writes under the folder's lock).
 */
export interface SnapshotStore {
  save(snapshot: SnapshotInput): Promise<SavedSnapshot>;
}
