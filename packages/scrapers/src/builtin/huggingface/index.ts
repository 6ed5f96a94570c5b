export {
  createHuggingFaceScraper,
  DEFAULT_HUGGINGFACE_AUTHORS,
  formatHuggingFaceAuthorUrl,
  formatHuggingFaceConfigUrl,
  formatHuggingFaceModelUrl,
  type HuggingFaceScraperOptions,
  huggingfaceScraper,
} from './huggingface-scraper';
export {
  computeActiveParameters,
  isMixtureOfExpertsModel,
  type MixtureOfExpertsConfig,
  readMixtureOfExpertsConfig,
} from './mixture-of-experts';
export {
  findBaseModel,
  HUGGINGFACE_ID,
  type ParseHuggingFaceOptions,
  parseHuggingFace,
} from './parse-huggingface';
