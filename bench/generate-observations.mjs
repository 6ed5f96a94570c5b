// Deterministic synthetic observations for the scale benchmark (DESIGN §7): the same model is seen by several of
// five sources, each spelling it its own way (OpenRouter ids, Arena display names, Hugging Face repo ids, Epoch
// titles, LiveBench names with effort suffixes), across several snapshots, with the kinds of facts each source gives.

/** Seeded PRNG (mulberry32): the same seed always gives the same data set. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    integer: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (probability) => next() < probability,
    normal: () => {
      // Box–Muller; 1 - next() keeps the logarithm finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      return radius * Math.cos(2 * Math.PI * next());
    },
  };
}

// Real developers (so the resolver's developer directory is exercised) and made-up ones (so names never collide
// with the bundled alias list). `router` is the OpenRouter prefix, `hub` the Hugging Face organisation.
const DEVELOPERS = [
  { name: 'OpenAI', router: 'openai', hub: 'openai' },
  { name: 'Anthropic', router: 'anthropic', hub: 'anthropic' },
  { name: 'Google DeepMind', router: 'google', hub: 'google' },
  { name: 'Meta AI', router: 'meta-llama', hub: 'meta-llama' },
  { name: 'Alibaba', router: 'qwen', hub: 'Qwen' },
  { name: 'DeepSeek', router: 'deepseek', hub: 'deepseek-ai' },
  { name: 'Mistral AI', router: 'mistralai', hub: 'mistralai' },
  { name: 'xAI', router: 'x-ai', hub: 'xai-org' },
  { name: 'Moonshot AI', router: 'moonshotai', hub: 'moonshotai' },
  { name: 'Zhipu AI', router: 'z-ai', hub: 'zai-org' },
  { name: 'NVIDIA', router: 'nvidia', hub: 'nvidia' },
  { name: 'Microsoft', router: 'microsoft', hub: 'microsoft' },
  { name: 'Aurelian Labs', router: 'aurelian', hub: 'AurelianLabs' },
  { name: 'Borealis AI Research', router: 'borealis', hub: 'borealis-ai' },
  { name: 'Cinder Systems', router: 'cinder', hub: 'CinderSys' },
  { name: 'Dunmore Institute', router: 'dunmore', hub: 'dunmore' },
  { name: 'Eskerfield', router: 'eskerfield', hub: 'Eskerfield' },
  { name: 'Fennwick AI', router: 'fennwick', hub: 'fennwick-ai' },
];
const HEADS = [
  'Aur',
  'Bel',
  'Cor',
  'Dra',
  'Eli',
  'Fal',
  'Gal',
  'Hel',
  'Ist',
  'Jor',
  'Kel',
  'Lum',
  'Mor',
  'Nyx',
  'Orr',
];
const TAILS = ['a', 'ion', 'ex', 'is', 'on', 'ara', 'ith', 'enna', 'ux', 'orin', 'ali', 'ade'];
const VARIANTS = ['', 'Instruct', 'Chat', 'Coder', 'Flash', 'Pro', 'Mini', 'Turbo', 'Vision', 'Reasoner'];
const SIZES = [1.5, 3, 7, 8, 14, 24, 32, 70, 72, 123, 235, 405, 480, 671, 1000];
const EFFORTS = ['', 'thinking', 'high', 'low', 'medium', 'highthinking', 'nothinking'];
const CHIPS = [
  'NVIDIA H100 SXM5 80GB',
  'NVIDIA A100 SXM4 80 GB',
  'Google TPU v5p',
  'NVIDIA H200 SXM',
  'Google TPU v4',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const LIVEBENCH_CATEGORIES = [
  'global',
  'reasoning',
  'coding',
  'mathematics',
  'data-analysis',
  'language',
  'if',
];

// Snapshot dates per source: Elo-style scores compare only within one snapshot, so scores carry `asOf`.
const SNAPSHOTS = {
  openrouter: ['2025-12-02', '2026-05-22'],
  lmarena: ['2025-08-04', '2026-02-03', '2026-03-29', '2026-06-30'],
  huggingface: ['2026-03-21'],
  epoch: ['2026-08-19'],
  livebench: ['2026-01-08', '2026-03-24', '2026-06-25'],
};
const SOURCE_URLS = {
  openrouter: 'https://openrouter.ai/api/v1/models',
  lmarena:
    'https://datasets-server.huggingface.co/rows?dataset=lmarena-ai/leaderboard-dataset&config=text&split=latest',
  huggingface: 'https://huggingface.co/api/models',
  epoch: 'https://epoch.ai/data/all_ai_models.csv',
  livebench: 'https://livebench.ai/table.csv',
};
/** Source ids of the synthetic set, in file order. */
export const SYNTHETIC_SOURCES = Object.keys(SNAPSHOTS);

const pad = (value) => String(value).padStart(2, '0');
const round = (value, digits) => Number(value.toPrecision(digits));

/** A family name unique to `familyIndex`, built from syllables (`Aurion`, `Belexara`...). */
function familyName(familyIndex) {
  let rest = Math.floor(familyIndex / HEADS.length);
  let name = HEADS[familyIndex % HEADS.length];
  do {
    name += TAILS[rest % TAILS.length];
    rest = Math.floor(rest / TAILS.length);
  } while (rest > 0);
  return name;
}

/** Family-level truth (name, developer, version) shared by the `FAMILY_SIZE` models drawn in a row. */
const FAMILY_SIZE = 4;

/** One synthetic model: the truth every source's spelling derives from. */
function createModel(random, index, family) {
  const member = index % FAMILY_SIZE;
  const moe = random.chance(0.3);
  // Members of a family differ in size and variant (3·member mod 15 and member mod 10 are distinct for 4 members).
  const totalBillions = SIZES[(family.sizeOffset + 3 * member) % SIZES.length];
  const activeBillions = moe
    ? Math.max(1, Math.round(totalBillions / random.pick([8, 10, 16, 32])))
    : totalBillions;
  const variant = VARIANTS[(family.variantOffset + member) % VARIANTS.length];
  const year = random.pick([2023, 2024, 2025, 2026]);
  // Models of 2026 come out before the early snapshots of that year, so every source can see them.
  const month = random.integer(1, year === 2026 ? 2 : 12);
  const day = random.integer(1, 28);
  const sizeLabel = moe ? `${totalBillions}B-A${activeBillions}B` : `${totalBillions}B`;
  // Training tokens grow with model size; compute is 6·N·D with log-normal noise, so scores can track it.
  const tokens = round(activeBillions * 1e9 * random.pick([20, 50, 200, 500, 1500]), 3);
  const compute = round(6 * activeBillions * 1e9 * tokens * Math.exp(0.3 * random.normal()), 3);
  return {
    index,
    developer: family.developer,
    family: family.name,
    version: family.version,
    variant,
    moe,
    sizeLabel,
    total: totalBillions * 1e9,
    active: activeBillions * 1e9,
    tokens,
    compute,
    releaseDate: `${year}-${pad(month)}-${pad(day)}`,
    // Open models carry sizes in their names and live on the Hub; closed ones get a dated suffix instead.
    open: family.open,
    elo: 1000 + 55 * (Math.log10(compute) - 21) + 25 * random.normal(),
    livebench: Math.min(95, Math.max(5, 8 * (Math.log10(compute) - 19) + 6 * random.normal())),
  };
}

function createFamily(random, familyIndex) {
  return {
    name: familyName(familyIndex),
    developer: random.pick(DEVELOPERS),
    version: random.pick(['1', '2', '2.5', '3', '3.1', '4', '4.5', '5']),
    open: random.chance(0.55),
    sizeOffset: random.integer(0, SIZES.length - 1),
    variantOffset: random.integer(0, VARIANTS.length - 1),
  };
}

function hubName(model) {
  const parts = [`${model.family}${model.version}`];
  if (model.open) parts.push(model.sizeLabel);
  if (model.variant) parts.push(model.variant);
  return parts.join('-');
}

function routerName(model) {
  const parts = [`${model.family.toLowerCase()}-${model.version}`];
  if (model.open) parts.push(model.sizeLabel.toLowerCase());
  if (model.variant) parts.push(model.variant.toLowerCase());
  return parts.join('-');
}

function arenaName(model, random) {
  const base = routerName(model);
  const [year, month, day] = model.releaseDate.split('-');
  // Arena writes the same model several ways: plain, with a dated suffix, or with an MMYY release tag.
  return random.pick([
    base,
    `${base}-${year}${month}${day}`,
    `${base}-${year}-${month}-${day}`,
    `${base}-${month}${year.slice(2)}`,
  ]);
}

function epochName(model, random) {
  const size = model.open ? ` ${model.sizeLabel}` : '';
  const variant = model.variant ? ` ${model.variant}` : '';
  const [year, month] = model.releaseDate.split('-');
  const tag = random.chance(0.3) ? ` (${MONTHS[Number(month) - 1]} ${year})` : '';
  return `${model.family} ${model.version}${size}${variant}${tag}`;
}

function livebenchName(model, random) {
  const effort = random.pick(EFFORTS);
  return effort ? `${routerName(model)}-${effort}` : routerName(model);
}

/** The snapshots of `source` taken after the model's release (a model is not seen before it exists). */
function snapshotsAfterRelease(source, model) {
  return SNAPSHOTS[source].filter((date) => date >= model.releaseDate);
}

function observe(source, date, model, random) {
  const base = { source, sourceUrl: SOURCE_URLS[source], retrievedAt: `${date}T00:00:00.000Z` };
  switch (source) {
    case 'openrouter': {
      const name = routerName(model);
      const free = model.open && random.chance(0.25) ? ':free' : '';
      return {
        ...base,
        rawName: name,
        sourceModelId: `${model.developer.router}/${name}${free}`,
        developer: model.developer.name,
        releaseDate: model.releaseDate,
        accessibility: model.open ? 'open-weights' : 'api',
        domain: 'language',
        contextLength: random.pick([32768, 65536, 131072, 200000, 1048576]),
        ...(model.open ? { huggingFaceId: `${model.developer.hub}/${hubName(model)}` } : {}),
      };
    }
    case 'lmarena': {
      const value = Math.round(model.elo + 4 * random.normal());
      const spread = random.integer(4, 15);
      return {
        ...base,
        rawName: arenaName(model, random),
        scores: {
          'lmarena-text': {
            value,
            lower: value - spread,
            upper: value + spread,
            votes: random.integer(800, 60_000),
            rank: random.integer(1, 300),
            asOf: date,
          },
        },
        ...(random.chance(0.4) ? { developer: model.developer.name } : {}),
      };
    }
    case 'huggingface': {
      const name = hubName(model);
      return {
        ...base,
        rawName: name,
        sourceModelId: `${model.developer.hub}/${name}`,
        huggingFaceId: `${model.developer.hub}/${name}`,
        developer: model.developer.hub,
        releaseDate: model.releaseDate,
        parameters: model.moe ? { total: model.total, active: model.active } : { total: model.total },
        accessibility: 'open-weights',
        license: random.pick(['apache-2.0', 'mit', 'other', 'llama3.1']),
        domain: 'language',
        links: [`https://huggingface.co/${model.developer.hub}/${name}`],
      };
    }
    case 'epoch': {
      const observation = {
        ...base,
        rawName: epochName(model, random),
        developer: model.developer.name,
        releaseDate: model.releaseDate,
        domain: random.chance(0.85) ? 'language' : 'multimodal',
        accessibility: model.open ? 'open-weights' : random.pick(['api', 'hosted', 'unreleased']),
      };
      if (model.open || random.chance(0.3)) {
        observation.parameters = model.moe
          ? { total: model.total, active: model.active }
          : { total: model.total };
      }
      if (random.chance(0.5)) observation.trainingTokens = model.tokens;
      if (random.chance(0.35)) {
        observation.reportedCompute = {
          flop: model.compute,
          confidence: random.pick(['confident', 'likely', 'speculative']),
          method: random.pick(['operation-count', 'hardware', 'benchmark']),
        };
      }
      if (random.chance(0.2)) {
        observation.hardware = {
          chip: random.pick(CHIPS),
          count: random.pick([256, 1024, 2048, 8192, 16384]),
          hours: random.integer(200, 2400),
        };
      }
      if (random.chance(0.05)) observation.computeSignals = ['maybe-over-1e25'];
      return observation;
    }
    case 'livebench': {
      const scores = {};
      for (const category of LIVEBENCH_CATEGORIES) {
        scores[`livebench-${category}`] = {
          value: round(model.livebench + 5 * random.normal(), 5),
          asOf: date,
        };
      }
      return { ...base, rawName: livebenchName(model, random), scores };
    }
    default:
      throw new Error(`unknown synthetic source ${source}`);
  }
}

/** Which sources see a model: Arena and LiveBench rank many, the Hub only open ones, Epoch a curated subset. */
function sourcesOf(model, random) {
  const sources = [];
  if (random.chance(0.7)) sources.push('openrouter');
  if (random.chance(0.75)) sources.push('lmarena');
  if (model.open && random.chance(0.8)) sources.push('huggingface');
  if (random.chance(0.45)) sources.push('epoch');
  if (random.chance(0.5)) sources.push('livebench');
  return sources.length > 0 ? sources : ['lmarena'];
}

const compareObservations = (left, right) =>
  left.rawName < right.rawName
    ? -1
    : left.rawName > right.rawName
      ? 1
      : left.retrievedAt < right.retrievedAt
        ? -1
        : left.retrievedAt > right.retrievedAt
          ? 1
          : 0;

/**
 * Exactly `count` observations from five sources as `ObservationFile`s (schema version 1), the same for the same
 * `seed`. Models are drawn until the count is reached, so larger counts mean more models, not more copies.
 */
export function generateObservationFiles({ count, seed = 1 }) {
  const random = createRandom(seed);
  const bySource = new Map(SYNTHETIC_SOURCES.map((source) => [source, []]));
  let produced = 0;
  let family;
  for (let index = 0; produced < count; index += 1) {
    if (index % FAMILY_SIZE === 0) family = createFamily(random, index / FAMILY_SIZE);
    const model = createModel(random, index, family);
    for (const source of sourcesOf(model, random)) {
      // A release after the last snapshot would hide the model; such a source sees it in its latest snapshot.
      const dates = snapshotsAfterRelease(source, model);
      for (const date of dates.length > 0 ? dates : SNAPSHOTS[source].slice(-1)) {
        if (produced >= count) break;
        bySource.get(source).push(observe(source, date, model, random));
        produced += 1;
      }
    }
  }
  return SYNTHETIC_SOURCES.map((source) => {
    const observations = bySource.get(source).sort(compareObservations);
    const snapshots = SNAPSHOTS[source].map((date) => ({
      retrievedAt: `${date}T00:00:00.000Z`,
      sourceUrl: SOURCE_URLS[source],
      observationCount: observations.filter((observation) => observation.retrievedAt.startsWith(date)).length,
      origin: 'file',
    }));
    return { schemaVersion: 1, source, snapshots, observations };
  });
}
