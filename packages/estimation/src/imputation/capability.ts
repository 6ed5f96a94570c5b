/**
 * One latent capability per model from every leaderboard score it has: a rank-one factor model (the linear
 * form of "Observational Scaling Laws", Ruan, Maddison & Hashimoto 2024, arXiv 2405.10938), fitted by
 * alternating least squares. Each item is one (benchmark, snapshot) pair: Arena Elo of two snapshots are two
 * items, linked through the models scored in both. Pure and deterministic; no compute enters it.
 *
 *   z_{m,i} = (score_{m,i} − mean_i) / sd_i,   z_{m,i} = a_i · C_m + b_i + ε,   ε ~ N(0, ψ_i),   C_m ~ N(0, 1)
 */

/** A model's scores as the capability fit reads them: benchmark id → one score per snapshot. */
export interface ScoredModel {
  id: string;
  scores: Readonly<Record<string, readonly { value: number; asOf?: string }[]>>;
}

/** One item (benchmark × snapshot) of the fit. */
export interface CapabilityItem {
  /** `benchmark@asOf`. */
  key: string;
  benchmark: string;
  asOf: string;
  count: number;
  mean: number;
  sd: number;
  /** Loading a_i: how many standard deviations of the score one unit of capability moves. */
  loading: number;
  offset: number;
  /** Residual variance ψ_i on the standardised scale. */
  noise: number;
}

/** A model's place on the capability scale, with the items that placed it. */
export interface Placement {
  value: number;
  /** Posterior standard deviation, 1/√(Σ a²/ψ + 1). */
  se: number;
  /** Each item used: its key, the raw score and the capability that item alone implies. */
  items: { key: string; score: number; implied: number; weight: number }[];
}

export interface CapabilityFit {
  items: Map<string, CapabilityItem>;
  /** Latest snapshot of each benchmark (a score without `asOf` is read as of it). */
  latest: Map<string, string>;
  /** Capability of each model of the population, by id. */
  placements: Map<string, Placement>;
}

/** An item needs this many scored models to be placed on the common scale. */
export const MIN_ITEM_MODELS = 5;
/** Alternating least squares iterations (the fit converges to 1e-6 well before this on the committed data). */
const ITERATIONS = 40;
/** Floor of an item's residual variance (standardised scale). */
const NOISE_FLOOR = 0.02;
/**
 * No single item places a model more precisely than ±0.1 capability units (1σ): an item's weight a²/ψ is at most
 * 100. Without it an aggregate (a board's global score, the mean of its own categories) fits the factor almost
 * exactly and outweighs every other board.
 */
export const MIN_ITEM_ERROR = 0.1;

/** Item key of a benchmark score. */
export function itemKey(benchmark: string, asOf: string): string {
  return `${benchmark}@${asOf}`;
}

function observationsOf(model: ScoredModel, latest: ReadonlyMap<string, string>): [string, number][] {
  const found = new Map<string, number>();
  for (const [benchmark, list] of Object.entries(model.scores)) {
    for (const score of list) {
      const asOf = score.asOf ?? latest.get(benchmark);
      if (asOf === undefined || !Number.isFinite(score.value)) continue;
      found.set(itemKey(benchmark, asOf), score.value);
    }
  }
  return [...found];
}

/** Fits the factor model over every model given (duplicates by id count once). */
export function fitCapability(models: readonly ScoredModel[]): CapabilityFit {
  const latest = new Map<string, string>();
  for (const model of models)
    for (const [benchmark, list] of Object.entries(model.scores))
      for (const score of list)
        if (score.asOf && (latest.get(benchmark) ?? '') < score.asOf) latest.set(benchmark, score.asOf);
  const seen = new Set<string>();
  const rows: { id: string; observations: [string, number][] }[] = [];
  for (const model of models) {
    if (seen.has(model.id)) continue;
    seen.add(model.id);
    const observations = observationsOf(model, latest);
    if (observations.length > 0) rows.push({ id: model.id, observations });
  }
  const values = new Map<string, number[]>();
  for (const row of rows)
    for (const [key, value] of row.observations) {
      const list = values.get(key);
      if (list) list.push(value);
      else values.set(key, [value]);
    }
  const items = new Map<string, CapabilityItem>();
  for (const [key, list] of [...values].sort(([left], [right]) => left.localeCompare(right))) {
    if (list.length < MIN_ITEM_MODELS) continue;
    const mean = list.reduce((sum, value) => sum + value, 0) / list.length;
    const sd = Math.sqrt(list.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (list.length - 1));
    if (!(sd > 0)) continue;
    const at = key.lastIndexOf('@');
    items.set(key, {
      key,
      benchmark: key.slice(0, at),
      asOf: key.slice(at + 1),
      count: list.length,
      mean,
      sd,
      loading: 1,
      offset: 0,
      noise: 0.5,
    });
  }
  // Standardised observations per model, items kept only; items by index for the sweeps.
  const itemList = [...items.values()];
  const itemIndex = new Map(itemList.map((item, index) => [item.key, index]));
  const data = rows
    .map((row) => {
      const z: [string, number][] = [];
      const index: number[] = [];
      for (const [key, value] of row.observations) {
        const position = itemIndex.get(key);
        if (position === undefined) continue;
        const item = itemList[position] as CapabilityItem;
        z.push([key, (value - item.mean) / item.sd]);
        index.push(position);
      }
      return { id: row.id, z, index };
    })
    .filter((row) => row.z.length > 0);
  const capability = data.map((row) => row.z.reduce((sum, [, value]) => sum + value, 0) / row.z.length);
  const count = itemList.length;
  // The observations flattened (row m's are start[m] … start[m + 1] − 1), so each sweep reads arrays, not maps.
  const start = new Int32Array(data.length + 1);
  data.forEach((row, m) => {
    start[m + 1] = (start[m] as number) + row.index.length;
  });
  const itemOf = new Int32Array(start[data.length] as number);
  const zOf = new Float64Array(start[data.length] as number);
  data.forEach((row, m) => {
    row.index.forEach((position, k) => {
      itemOf[(start[m] as number) + k] = position;
      zOf[(start[m] as number) + k] = (row.z[k] as [string, number])[1];
    });
  });
  const sn = new Float64Array(count);
  const sc = new Float64Array(count);
  const sz = new Float64Array(count);
  const scc = new Float64Array(count);
  const scz = new Float64Array(count);
  const ss = new Float64Array(count);
  const loading = new Float64Array(count);
  const offset = new Float64Array(count);
  const noise = new Float64Array(count);
  const weight = new Float64Array(count);
  itemList.forEach((item, position) => {
    loading[position] = item.loading;
    offset[position] = item.offset;
  });
  // Each item's count and sum of z do not change over the sweeps: summed once (in the sweeps' order).
  for (let m = 0; m < data.length; m++)
    for (let o = start[m] as number; o < (start[m + 1] as number); o++) {
      const position = itemOf[o] as number;
      sn[position] = (sn[position] as number) + 1;
      sz[position] = (sz[position] as number) + (zOf[o] as number);
    }
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    // Items given capabilities: least squares of z on C per item.
    sc.fill(0);
    scc.fill(0);
    scz.fill(0);
    ss.fill(0);
    for (let m = 0; m < data.length; m++) {
      const c = capability[m] as number;
      for (let o = start[m] as number; o < (start[m + 1] as number); o++) {
        const position = itemOf[o] as number;
        sc[position] = (sc[position] as number) + c;
        scc[position] = (scc[position] as number) + c * c;
        scz[position] = (scz[position] as number) + c * (zOf[o] as number);
      }
    }
    for (let position = 0; position < count; position++) {
      const item = itemList[position] as CapabilityItem;
      const n = sn[position] as number;
      if (n === 0) continue;
      const varC = (scc[position] as number) - (sc[position] as number) ** 2 / n;
      item.loading =
        varC > 1e-9
          ? ((scz[position] as number) - ((sc[position] as number) * (sz[position] as number)) / n) / varC
          : 0;
      item.offset = ((sz[position] as number) - item.loading * (sc[position] as number)) / n;
      loading[position] = item.loading;
      offset[position] = item.offset;
    }
    for (let m = 0; m < data.length; m++) {
      const c = capability[m] as number;
      for (let o = start[m] as number; o < (start[m + 1] as number); o++) {
        const position = itemOf[o] as number;
        ss[position] =
          (ss[position] as number) +
          ((zOf[o] as number) - (loading[position] as number) * c - (offset[position] as number)) ** 2;
      }
    }
    for (let position = 0; position < count; position++) {
      const item = itemList[position] as CapabilityItem;
      item.noise = Math.max(
        NOISE_FLOOR,
        (ss[position] as number) / Math.max(1, (sn[position] as number) - 2),
      );
      // What `place` reads of the item, computed once per sweep instead of once per observation.
      noise[position] = itemNoise(item);
      weight[position] = (item.loading * item.loading) / (noise[position] as number);
    }
    // Capabilities given items: posterior mean under the N(0, 1) prior (as `place`, over the flat arrays).
    for (let m = 0; m < data.length; m++) {
      let precision = 1;
      let weighted = 0;
      for (let o = start[m] as number; o < (start[m + 1] as number); o++) {
        const position = itemOf[o] as number;
        const a = loading[position] as number;
        if (a === 0) continue;
        precision += weight[position] as number;
        weighted += (a * ((zOf[o] as number) - (offset[position] as number))) / (noise[position] as number);
      }
      capability[m] = weighted / precision;
    }
    // Fix the scale: capability has mean 0 and sd 1 over the models, and higher scores mean higher capability.
    // Plain loops, summing in the same order as a reduce would.
    let total = 0;
    for (let m = 0; m < capability.length; m++) total += capability[m] as number;
    const mean = total / capability.length;
    let squares = 0;
    for (let m = 0; m < capability.length; m++) squares += ((capability[m] as number) - mean) ** 2;
    const sd = Math.sqrt(squares / capability.length) || 1;
    let loadings = 0;
    for (const item of itemList) loadings += item.loading * item.count;
    const sign = loadings < 0 ? -1 : 1;
    for (let m = 0; m < capability.length; m++)
      capability[m] = (sign * ((capability[m] as number) - mean)) / sd;
  }
  const placements = new Map<string, Placement>();
  for (const row of data) placements.set(row.id, place(row.z, items, true));
  return { items, latest, placements };
}

/** An item's error variance as a placement reads it: its residual variance, at least (a·{@link MIN_ITEM_ERROR})². */
function itemNoise(item: CapabilityItem): number {
  return Math.max(item.noise, (item.loading * MIN_ITEM_ERROR) ** 2);
}

function place(
  z: readonly [string, number][],
  items: ReadonlyMap<string, CapabilityItem>,
  detail = false,
): Placement {
  let precision = 1;
  let weighted = 0;
  const used: Placement['items'] = [];
  for (const [key, value] of z) {
    const item = items.get(key);
    if (!item || item.loading === 0) continue;
    const noise = itemNoise(item);
    const weight = (item.loading * item.loading) / noise;
    precision += weight;
    weighted += (item.loading * (value - item.offset)) / noise;
    if (detail)
      used.push({
        key,
        score: value * item.sd + item.mean,
        implied: (value - item.offset) / item.loading,
        weight,
      });
  }
  return { value: weighted / precision, se: 1 / Math.sqrt(precision), items: used };
}

/** Places a model (in the fit or not) on the capability scale from its own scores; null when no item applies. */
export function placeModel(fit: CapabilityFit, model: ScoredModel): Placement | null {
  const z: [string, number][] = [];
  for (const [key, value] of observationsOf(model, fit.latest)) {
    const item = fit.items.get(key);
    if (item) z.push([key, (value - item.mean) / item.sd]);
  }
  if (z.length === 0) return null;
  return place(z, fit.items, true);
}
