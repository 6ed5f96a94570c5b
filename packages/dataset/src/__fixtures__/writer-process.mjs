// A writer for the concurrency and kill tests: writes through @tracker/dataset (the bundle given as argv[2]) in a
// loop and prints the number of each finished iteration, one per line, so the parent knows what was committed.
// Usage: node writer-process.mjs <bundle-url> <data-dir> <name> <iterations (0 = forever)> <models per file>
const [bundleUrl, dataDir, name, iterationsText, sizeText] = process.argv.slice(2);
const dataset = await import(bundleUrl);
const iterations = Number(iterationsText);
const size = Number(sizeText);

function modelsFile(iteration) {
  const models = [];
  for (let index = 0; index < size; index += 1) {
    models.push({
      id: `test/model-${index}`,
      name: `Model ${index}`,
      developer: name,
      aliases: [`model-${index}-${name}-${iteration}`],
      facts: {
        parameters: [{ value: 1e9 * (index + 1), source: 'epoch', url: 'https://example.org/epoch', retrievedAt: '2026-01-01T00:00:00.000Z' }],
      },
      scores: {},
      observations: [],
    });
  }
  return { schemaVersion: 1, generatedAt: new Date().toISOString(), threshold: 1e25, models };
}

function snapshot(iteration) {
  const sha = `${name}${iteration}`.split('').map((character) => character.charCodeAt(0).toString(16)).join('');
  return {
    snapshot: {
      retrievedAt: new Date(Date.UTC(2026, 0, 1) + iteration * 1000).toISOString(),
      sourceUrl: 'https://example.org/leaderboard',
      sha256: sha.padEnd(64, '0').slice(0, 64),
      observationCount: 1,
      origin: 'live',
    },
    observations: [
      {
        source: 'lmarena',
        sourceUrl: 'https://example.org/leaderboard',
        retrievedAt: new Date(Date.UTC(2026, 0, 1) + iteration * 1000).toISOString(),
        rawName: `${name} model ${iteration}`,
        scores: { 'lmarena-text': { value: 1000 + iteration, asOf: '2026-01-01' } },
      },
    ],
  };
}

for (let iteration = 0; iterations === 0 || iteration < iterations; iteration += 1) {
  const entry = dataset.createLedgerEntry({
    id: `${name}-${String(iteration).padStart(6, '0')}`,
    modelId: 'test/model-0',
    action: 'note',
    by: name,
    reason: `iteration ${iteration}`,
  });
  if (iteration % 2 === 0) {
    // One lock around several writes, as `tracker run` does.
    await dataset.openDataFolder(dataDir).withLock(
      async (lock) => {
        await dataset.saveModels(dataDir, modelsFile(iteration), { lock });
        await dataset.appendLedger(dataDir, [entry], { lock });
        await dataset.saveObservations(dataDir, 'lmarena', snapshot(iteration), { lock });
      },
      { wait: 120_000, command: `writer ${name}` },
    );
  } else {
    // Each write takes the lock itself, as `tracker decide` does.
    await dataset.saveModels(dataDir, modelsFile(iteration), { wait: 120_000 });
    await dataset.appendLedger(dataDir, [entry], { wait: 120_000 });
    await dataset.saveObservations(dataDir, 'lmarena', snapshot(iteration), { wait: 120_000 });
  }
  process.stdout.write(`${iteration}\n`);
}
