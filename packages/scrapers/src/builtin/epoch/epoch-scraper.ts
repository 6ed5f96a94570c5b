import { defineScraper } from '../../define-scraper';
import { isNetworkUnreachable } from '../../errors';
import type { ScrapeResult } from '../../scraper';
import { EPOCH_HEADERS } from './epoch-columns';
import {
  EPOCH_FILE_URLS,
  EPOCH_ID,
  type EpochFile,
  type EpochFileKind,
  mergeEpochFiles,
  parseEpoch,
  parseEpochFiles,
  readEpochFile,
} from './parse-epoch';

/**
 * Epoch AI's "Data on AI Models": the four CSVs (notable, large-scale, frontier, all) read as one union, one
 * observation per model. A file that cannot be fetched is skipped with a warning; all four failing is an error.
 * License CC BY 4.0: credit "Epoch AI, Data on AI Models" (https://epoch.ai/data/ai-models).
 */
export const epochScraper = defineScraper({
  id: EPOCH_ID,
  description:
    "Epoch AI's model database: reported training compute with confidence, parameters, tokens, hardware, training cost, base models",
  sources: Object.values(EPOCH_FILE_URLS),
  provides: [
    'names',
    'developer',
    'release-date',
    'parameters',
    'training-tokens',
    'hardware',
    'cost',
    'reported-compute',
    'base-model',
    'accessibility',
  ],
  live: true,
  shape: {
    read: EPOCH_HEADERS.filter(([, field]) => field !== 'ignored').map(([header]) => header),
    required: [
      'Model',
      'Organization',
      'Publication date',
      'Parameters',
      'Training compute (FLOP)',
      'Confidence',
    ],
    known: EPOCH_HEADERS.filter(([, field]) => field === 'ignored').map(([header]) => header),
  },
  async scrape(context): Promise<ScrapeResult> {
    const files: EpochFile[] = [];
    const failures: EpochFileKind[] = [];
    let lastError: unknown;
    for (const [kind, url] of Object.entries(EPOCH_FILE_URLS) as [EpochFileKind, string][]) {
      try {
        const response = await context.http.get(url, { signal: context.signal });
        files.push(
          readEpochFile({
            body: response.body,
            url: response.finalUrl,
            retrievedAt: response.retrievedAt,
            fileName: url.split('/').pop() as string,
          }),
        );
      } catch (error) {
        if (context.signal.aborted || isNetworkUnreachable(error)) throw error;
        lastError = error;
        failures.push(kind);
        context.log.warn(
          `[scraper:epoch] ${kind} file skipped: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    if (files.length === 0) throw lastError;
    const result = mergeEpochFiles(files);
    for (const kind of failures)
      result.issues.push({
        level: 'warning',
        message: `${kind} file could not be read; the union lacks it`,
        location: EPOCH_FILE_URLS[kind],
      });
    return result;
  },
  parse(payload) {
    return parseEpoch(payload);
  },
  parseMany(payloads) {
    // Saved copies of several Epoch files (`tracker collect --source epoch --from a.csv --from b.csv`) form one union.
    return parseEpochFiles(payloads);
  },
});
