import { defineConfig } from 'tsup';
import { tsupBase } from '../../configs/tsup.base';

// `resolve` is its own entry (`@tracker/scrapers/resolve`) so that name resolution loads without the HTTP client
// and the HTML/CSV parsers (got, cheerio, csv-parse), which cost a third of a second at start-up.
export default defineConfig({
  ...tsupBase,
  entry: ['src/index.ts', 'src/testing/index.ts', 'src/resolve/index.ts'],
  // One copy of the resolver, shared by the root and the subpath.
  splitting: true,
});
