export { epochScraper } from './epoch-scraper';
export {
  detectEpochFileKind,
  EPOCH_FILE_URLS,
  EPOCH_ID,
  type EpochFile,
  type EpochFileKind,
  type EpochRow,
  mergeEpochFiles,
  normalizeEpochName,
  parseEpoch,
  parseEpochFiles,
  readEpochFile,
} from './parse-epoch';
