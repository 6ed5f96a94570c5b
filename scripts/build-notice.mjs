#!/usr/bin/env node
// One line on stderr before turbo builds, so the first build (a minute or two, with turbo printing only errors)
// does not look stuck. Silent once every package has its dist/ (later builds come from turbo's cache).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const packages = ['packages', 'apps'].flatMap((folder) =>
  readdirSync(join(repoRoot, folder))
    .map((name) => join(repoRoot, folder, name))
    .filter((dir) => existsSync(join(dir, 'package.json'))),
);
const unbuilt = packages.filter((dir) => !existsSync(join(dir, 'dist')));
if (unbuilt.length > 0) {
  process.stderr.write(
    `Building ${unbuilt.length} of ${packages.length} packages with turbo (tsup): the first build takes a minute or two ` +
      'on a small machine, with only errors shown; later builds come from the cache.\n',
  );
}
