'use strict';
// Loads a bundle of server/out with the V8 code cache that scripts/build.mjs wrote beside it
// (<bundle>.cache = sha256 of the bundle's text, then V8's cached data made after a sample
// check, so the functions a check runs come compiled). The cache is only ever read here. V8
// refuses data of another V8 version or flags, and the hash refuses data of another text (V8
// itself compares only the length); either way the bundle is compiled as usual.
const { createHash } = require('node:crypto');
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { dirname } = require('node:path');
const Module = require('node:module');
const vm = require('node:vm');

function compile(filename, useCache) {
  const source = readFileSync(filename, 'utf8');
  const hash = createHash('sha256').update(source).digest();
  let cachedData;
  if (useCache) {
    try {
      const buf = readFileSync(filename + '.cache');
      if (buf.length > hash.length && buf.subarray(0, hash.length).equals(hash)) cachedData = buf.subarray(hash.length);
    } catch {
      /* no cache: compile */
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename, cachedData });
  const mod = new Module(filename, module);
  mod.filename = filename;
  mod.paths = Module._nodeModulePaths(dirname(filename));
  // Registered like a required file: its own requires (./word.js, workers by __dirname) resolve beside it.
  require.cache[filename] = mod;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(filename), mod, filename, dirname(filename));
  mod.loaded = true;
  return { exports: mod.exports, script, hash, used: cachedData !== undefined && !script.cachedDataRejected };
}

/** The bundle's exports (with its code cache when it fits). */
exports.loadBundle = (filename) => (process.env.VNHR_NO_CODE_CACHE ? require(filename) : compile(filename, true).exports);

/** Whether the cache beside the bundle is used (tests). */
exports.cacheUsed = (filename) => compile(filename, true).used;

/** Build time only (scripts/build.mjs): run `warm` on the bundle's exports, then write the cache. */
exports.writeCodeCache = async (filename, warm) => {
  const { exports: e, script, hash } = compile(filename, false);
  await warm(e);
  const tmp = `${filename}.cache.${process.pid}`;
  writeFileSync(tmp, Buffer.concat([hash, script.createCachedData()]));
  renameSync(tmp, filename + '.cache');
};
