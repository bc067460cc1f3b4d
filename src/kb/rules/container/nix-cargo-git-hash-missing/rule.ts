// nix-cargo-git-hash-missing: nixpkgs cannot vendor a git dependency of Cargo.lock, which records no content hash for
// git sources: importCargoLock (cargoLock.lockFile) finds no cargoLock.outputHashes entry for it, or the older
// fixed-output fetcher behind cargoHash/cargoSha256 (fetchCargoTarball) refuses git dependencies altogether.

import { defineRule, type Refinement } from '../../../rule.js';

// fetchCargoTarball prints the git sources it found above its refusal: `source = "git+https://github.com/x/y#<commit>"`.
const GIT_SOURCE = /source = "git\+(?<url>[^"#?]{1,300})/;

export default defineRule({
  id: 'nix-cargo-git-hash-missing',
  title: 'Nix cannot vendor a git dependency of Cargo.lock (no hash for it)',
  summary: 'Nix cannot vendor a git dependency of Cargo.lock, because cargoLock.outputHashes has no hash for it or because the cargoHash/cargoSha256 fetcher of nixpkgs takes no git dependencies at all.',
  category: 'container',
  captures: {
    crate: { type: 'string', doc: 'the git dependency, as `<name>-<version>` (the key outputHashes expects)', optional: true },
    gitSource: { type: 'string', doc: 'the git repository of a git dependency the fetcher listed (the nearest above its refusal)', optional: true },
  },
  contextBefore: 12,
  patterns: [
    {
      id: 'import-cargo-lock-no-git-hash',
      // nixpkgs pkgs/build-support/rust/import-cargo-lock.nix (>= 21.05), an evaluation error:
      // "error: No hash was found while vendoring the git dependency dropshot-0.9.1-dev. You can add" (the advice on
      // `outputHashes` follows on the same or the next lines)
      source: 'nixpkgs importCargoLock',
      literals: ['No hash was found while vendoring the git dependency'],
      re: /No hash was found while vendoring the git dependency (?<crate>[\w.+-]{1,200}?)\.?(?:\s|$)/,
      weight: 0.95,
    },
    {
      id: 'fetch-cargo-tarball-git-dependencies',
      // nixpkgs pkgs/build-support/rust/fetch-cargo-tarball (cargoHash/cargoSha256, before fetchCargoVendor), in the
      // vendor derivation's build log: "ERROR: The Cargo.lock contains git dependencies", then "This is currently not
      // supported in the fixed-output derivation fetcher." / "Use cargoLock.lockFile / importCargoLock instead."
      source: 'nixpkgs fetchCargoTarball',
      literals: ['The Cargo.lock contains git dependencies'],
      re: /ERROR: The Cargo\.lock contains git dependencies/,
      weight: 0.9,
    },
  ],
  refine: (ctx): Refinement | null => {
    const first = ctx.hits[0];
    if (!first) return null;
    if (first.pattern === 'import-cargo-lock-no-git-hash') return { captures: { _story: importStory(first.captures.crate ?? 'it') } };
    const gitSource = [...first.before].reverse().map((l) => GIT_SOURCE.exec(l)?.groups?.url).find(Boolean);
    return { captures: { ...(gitSource ? { gitSource } : {}), _story: tarballStory(gitSource) } };
  },
  explanation: '{{_story}}',
  fix: {
    summary: 'Give Nix the git dependency\'s hash: an entry in `cargoLock.outputHashes`, or vendor with `cargoLock.lockFile` instead of `cargoHash`.',
    steps: [
      'If the derivation uses `cargoHash`/`cargoSha256`: the old fetcher takes no git dependencies; use `cargoLock.lockFile = ./Cargo.lock;` with `outputHashes` (below), or on nixpkgs 24.11 and later `useFetchCargoVendor = true;` with a new `cargoHash`, whose fetcher vendors git dependencies.',
      'In the derivation: `cargoLock = { lockFile = ./Cargo.lock; outputHashes = { "{{crate|<name>-<version>}}" = lib.fakeHash; }; };`, build once, and replace lib.fakeHash with the `got:` hash Nix prints.',
      'Or compute it directly: `nix-prefetch-git --url <git url> --rev <commit from Cargo.lock>` (the `hash`/`sha256` it prints).',
      'Without per-dependency hashes: `cargoLock.allowBuiltinFetchGit = true;` (impure, not allowed in nixpkgs itself), or `cargoHash` with the fetcher of nixpkgs 24.11 and later (`useFetchCargoVendor = true;`, the default from 25.05), which hashes all vendored crates, git ones included, at once.',
    ],
  },
});

function importStory(crate: string): string {
  return (
    'buildRustPackage with `cargoLock.lockFile` vendors every crate from Cargo.lock. Crates from a registry carry a ' +
    'checksum there, but a git dependency (`source = "git+https://..."`) has only a commit, so Nix needs its content hash ' +
    `from \`cargoLock.outputHashes\`, and there is no entry for \`${crate}\`. This typically follows adding or bumping a ` +
    '`git = ...` dependency in Cargo.toml.'
  );
}

function tarballStory(gitSource: string | undefined): string {
  return (
    'The derivation vendors its crates with `cargoHash`/`cargoSha256`, whose fixed-output fetcher (fetchCargoTarball) ' +
    `refuses a Cargo.lock with git dependencies${gitSource ? ` (\`${gitSource}\` among them)` : ''}: a lock entry of a git ` +
    'source records a commit but no content hash. It follows adding a `git = ...` dependency to a package that built before.'
  );
}
