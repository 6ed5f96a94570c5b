import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// scripts/shared-suites.mjs is repository tooling like the bench; it is tested here on a miniature repository.
const run = promisify(execFile);
const script = fileURLToPath(new URL('../scripts/shared-suites.mjs', import.meta.url));

describe('scripts/shared-suites.mjs', () => {
  const root = mkdtempSync(join(tmpdir(), 'tracker-shared-suites-'));
  const repo = join(root, 'repo');
  const shared = join(root, 'shared');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(repo, 'scripts'), { recursive: true });
  copyFileSync(script, join(repo, 'scripts', 'shared-suites.mjs'));
  mkdirSync(join(repo, 'packages', 'demo', 'src'), { recursive: true });
  writeFileSync(join(repo, 'packages', 'demo', 'package.json'), '{"name": "demo"}\n');
  writeFileSync(
    join(repo, 'packages', 'demo', 'src', 'real.test.ts'),
    // Spelled in pieces, so that this file itself is not taken for a suite that reads ../shared.
    `const root = new URL('${['..', '..', '..', '..', 'shared', 'fixtures'].join('/')}', import.meta.url);\n`,
  );
  writeFileSync(join(repo, 'packages', 'demo', 'src', 'plain.test.ts'), "import '../shared/helpers';\n");
  const results = (skipped: number) => {
    mkdirSync(join(repo, 'packages', 'demo', '.test-results'), { recursive: true });
    writeFileSync(
      join(repo, 'packages', 'demo', '.test-results', 'vitest.json'),
      JSON.stringify({ files: [{ file: 'src/real.test.ts', passed: 3 - skipped, failed: 0, skipped }] }),
    );
  };
  const check = () =>
    run(process.execPath, [join(repo, 'scripts', 'shared-suites.mjs'), 'check']).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('names the skipped suites in one line when ../shared is absent, and passes', async () => {
    results(3);
    const result = await check();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      '../shared not found: 1 real-payload suites skipped (packages/demo/src/real.test.ts)\n',
    );
  });

  it('fails when ../shared is present but a suite skipped, and passes once it ran', async () => {
    mkdirSync(shared);
    results(1);
    const failed = await check();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('packages/demo/src/real.test.ts: 1 tests skipped, 2 passed');
    results(0);
    expect((await check()).code).toBe(0);
    const stamp = await run(process.execPath, [join(repo, 'scripts', 'shared-suites.mjs'), 'stamp']);
    expect(stamp.stdout).toMatch(/^[0-9a-f]{16}\n$/);
    rmSync(shared, { recursive: true });
    const absent = await run(process.execPath, [join(repo, 'scripts', 'shared-suites.mjs'), 'stamp']);
    expect(absent.stdout).toBe('absent\n');
  });
});
