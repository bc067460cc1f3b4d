// nix-hash-mismatch: a fixed-output derivation (vendored crates, Go modules, node_modules, a fetched source) produced
// content whose hash is not the one the Nix expression pins, so the pinned hash (cargoHash, vendorHash, ...) is stale.

import type { PatternHit } from '../../../rule.js';
import { defineRule } from '../../../rule.js';

/** The hash lines Nix prints under the mismatch line, and the store paths newer Nix adds. */
// nix >= 2.4 "specified: sha256-..." / nix 2.0-2.3 "wanted: sha256:..." (both then "got: ..."); nix >= 2.19
// "expected path: /nix/store/...", "got path: ..."; nix-output-monitor draws them inside a "┃" box
const SPECIFIED_LINE = /(?:^|\s)(?:specified|wanted):\s+(?<hash>[\w+/=:-]{20,120})\s*$/;
const GOT_LINE = /(?:^|\s)got:\s+(?<hash>[\w+/=:-]{20,120})\s*$/;
const STORE_PATH_LINE = /(?:expected|got) path:\s+(?<path>\/nix\/store\/\S{1,300})/;

/** Which attribute of which Nix builder pins a fixed-output derivation, from the derivation's name. */
const HASH_ATTRIBUTES: readonly { name: RegExp; attribute: string; builder: string }[] = [
  // PHP's buildComposerProject also names a "-vendor" derivation, pinned by vendorHash
  { name: /composer/, attribute: 'vendorHash', builder: 'buildComposerProject' },
  // rustPlatform.fetchCargoTarball ("<pname>-<version>-vendor.tar.gz", "cargo-deps-vendor.tar.gz") and
  // fetchCargoVendor ("<pname>-<version>-vendor-staging", "-vendor"), used by buildRustPackage
  { name: /(?:-vendor(?:\.tar\.gz|-staging)?(?:-[\w-]{1,60})?|cargo-deps[\w.-]{0,40})$/, attribute: 'cargoHash', builder: 'rustPlatform.buildRustPackage (older expressions: cargoSha256)' },
  // buildGoModule's "<pname>-<version>-go-modules"
  { name: /-go-modules$/, attribute: 'vendorHash', builder: 'buildGoModule (older expressions: vendorSha256)' },
  // buildNpmPackage's fetchNpmDeps ("<pname>-<version>-npm-deps")
  { name: /-npm-deps$/, attribute: 'npmDepsHash', builder: 'buildNpmPackage' },
  // pnpm.fetchDeps ("<pname>-pnpm-deps") and fetchYarnDeps / yarn offline caches
  { name: /-pnpm-deps$/, attribute: 'pnpmDeps.hash', builder: 'pnpm.fetchDeps' },
  { name: /-(?:yarn-deps|offline-cache|yarn-offline-cache)$/, attribute: 'the yarn dependencies hash (fetchYarnDeps / yarnOfflineCache)', builder: 'fetchYarnDeps' },
  // a node_modules fixed-output derivation (node2nix/dream2nix/hand-written)
  { name: /node[_-]modules$/, attribute: 'outputHash', builder: 'the node_modules derivation' },
  // fetchFromGitHub / fetchgit / fetchzip name their output "source"; fetchurl names it after the file
  { name: /(?:^|-)source$/, attribute: 'hash', builder: 'the src fetcher (fetchFromGitHub, fetchgit, fetchzip)' },
];

/** The derivation's name without its store hash and ".drv". */
function derivationName(path: string): string {
  return path.replace(/^\/nix\/store\/[a-z0-9]{32}-/, '').replace(/\.drv$/, '');
}

function hashAttributeOf(name: string): (typeof HASH_ATTRIBUTES)[number] | undefined {
  return HASH_ATTRIBUTES.find((a) => a.name.test(name));
}

/** The specified and got hashes (and a full store path, when the mismatch line cut the name short) under the hit. */
function hashesUnder(hit: PatternHit): { specified?: string; got?: string; storePath?: string } {
  const out: { specified?: string; got?: string; storePath?: string } = {};
  for (const line of hit.after) {
    const specified = SPECIFIED_LINE.exec(line)?.groups?.hash;
    if (specified && !out.specified) out.specified = specified;
    const got = GOT_LINE.exec(line)?.groups?.hash;
    if (got && !out.got) out.got = got;
    const path = STORE_PATH_LINE.exec(line)?.groups?.path;
    if (path && !out.storePath) out.storePath = path;
  }
  return out;
}

/** lib.fakeHash / lib.fakeSha256 / an empty hash: a placeholder written to learn the real hash on the first build. */
const PLACEHOLDER = /^sha256[-:](?:A{43}=|0{43}=|0{52})$/;

export default defineRule({
  id: 'nix-hash-mismatch',
  title: 'A fixed-output derivation does not have the hash the Nix expression pins',
  summary: 'A Nix fixed-output derivation (vendored dependencies or a fetched source) produced content whose hash differs from the one pinned in the expression.',
  category: 'container',
  captures: {
    derivation: { type: 'path', doc: 'the fixed-output derivation whose hash did not match' },
    specifiedHash: { type: 'string', doc: 'the hash the Nix expression pins', optional: true },
    gotHash: { type: 'string', doc: 'the hash of what the derivation actually produced', optional: true },
    hashAttribute: { type: 'string', doc: 'the attribute that pins this hash (cargoHash, vendorHash, npmDepsHash, hash, ...)', optional: true },
  },
  internal: ['drv', 'drvOld'],
  contextAfter: 7,
  patterns: [
    {
      id: 'fod-hash-mismatch',
      // nix >= 2.0 (2.4+ with "error: "): "error: hash mismatch in fixed-output derivation '/nix/store/<h>-x-vendor.tar.gz.drv':";
      // nix 2.0-2.3 printed the output path instead of the .drv; the hashes follow on the next lines
      source: 'nix >= 2.0',
      literals: ['hash mismatch in fixed-output derivation'],
      // (nix-output-monitor may cut the name short with "…" and no closing quote)
      re: /hash mismatch in fixed-output derivation '(?<drv>\/nix\/store\/[^'\s]{1,300})(?:'|$)/,
      weight: 0.95,
    },
    {
      id: 'fod-hash-mismatch-nix1',
      // nix 1.x: "output path ‘/nix/store/<h>-cargo-d814fcb’ should have r:sha256 hash ‘0spp...’, instead has ‘1c9h...’"
      source: 'nix 1.x',
      literals: ['should have r:sha256 hash', 'should have sha256 hash'],
      re: /output path [‘'](?<drvOld>\/nix\/store\/[\w.+=?-]{1,300})[’'] should have (?:r:)?sha256 hash [‘'](?<_spec1>[a-z0-9]{52})[’'], instead has [‘'](?<_got1>[a-z0-9]{52})[’']/,
      weight: 0.95,
    },
    {
      id: 'fod-produced-path-other-hash',
      // nix 2.0-2.2 (build.cc): "fixed-output derivation produced path '/nix/store/<h>-athens-0.5.0-go-modules' with
      // sha256 hash '0l43...' instead of the expected hash '1fan...'"
      source: 'nix 2.0-2.2',
      literals: ['instead of the expected hash'],
      re: /fixed-output derivation produced path '(?<drvOld>\/nix\/store\/[\w.+=?-]{1,300})' with sha256 hash '(?<_got1>[a-z0-9]{52})' instead of the expected hash '(?<_spec1>[a-z0-9]{52})'/,
      weight: 0.95,
    },
  ],
  refine: (ctx) => {
    const hit = ctx.hits[0];
    if (!hit) return null;
    const path = hit.captures.drv ?? hit.captures.drvOld;
    if (!path) return null;
    const under = hit.pattern === 'fod-hash-mismatch' ? hashesUnder(hit) : { specified: hit.captures._spec1, got: hit.captures._got1 };
    // nix-output-monitor cuts long names ("...-hister-0.14.0-go-mo…"); the expected/got store paths below carry it whole
    const name = derivationName(path.endsWith('…') && under.storePath ? under.storePath : path);
    const pin = hashAttributeOf(name);
    const placeholder = under.specified !== undefined && PLACEHOLDER.test(under.specified);
    return {
      captures: {
        derivation: path,
        ...(under.specified ? { specifiedHash: under.specified } : {}),
        ...(under.got ? { gotHash: under.got } : {}),
        ...(pin ? { hashAttribute: pin.attribute, _builder: pin.builder } : {}),
        ...(placeholder ? { _placeholder: 'The pinned hash is a placeholder (lib.fakeHash or an empty hash), so this is the expected first build that reveals the real hash. ' } : {}),
      },
    };
  },
  explanation:
    'Nix builds `{{derivation}}` as a fixed-output derivation: it may use the network, and in exchange its output must ' +
    'hash to the value the expression pins ({{specifiedHash|the specified hash}}). It produced {{gotHash|a different hash}} instead. ' +
    '{{_placeholder|}}The pin is usually stale: the dependencies changed (Cargo.lock, go.sum, package-lock.json were updated) ' +
    'but `{{hashAttribute|the hash attribute}}` of {{_builder|the derivation}} was not, or the nixpkgs fetcher changed how ' +
    'it lays out its output. Less often the upstream content itself changed (a re-tagged release, a regenerated archive).',
  fix: {
    summary: 'Set {{hashAttribute|the derivation\'s hash}} to the `got:` hash Nix printed, after checking that the change is expected.',
    steps: [
      'Replace the pinned value of `{{hashAttribute|the hash attribute}}` with `{{gotHash|the got: hash}}` and rebuild.',
      'Check why it changed first: a lock file update explains it; an unchanged source whose hash moved can mean a re-tagged upstream release or a fetcher that is not reproducible on this system (compare with another machine).',
      'To recompute it deliberately, set the attribute to `lib.fakeHash` (or an empty string), build once and copy the `got:` hash.',
      'Rust projects can avoid the hash altogether with `cargoLock.lockFile = ./Cargo.lock;` (git dependencies then need `cargoLock.outputHashes`).',
    ],
  },
});
