#!/usr/bin/env node
// The `boucles` command. The TypeScript sources are built by `npm ci` (root `prepare` script).
import('../dist/main.js').catch((e) => {
  if (e && e.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('boucles: the build is missing; run `npm run build` at the root of the clone.');
    process.exit(1);
  }
  throw e;
});
