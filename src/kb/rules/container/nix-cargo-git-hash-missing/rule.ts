// nix-cargo-git-hash-missing: nixpkgs' importCargoLock (buildRustPackage with cargoLock.lockFile) vendors a git
// dependency from Cargo.lock, which records no content hash for git sources, and no cargoLock.outputHashes entry gives one.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'nix-cargo-git-hash-missing',
  title: 'A git dependency in Cargo.lock has no entry in cargoLock.outputHashes',
  summary: 'The nixpkgs Cargo.lock importer cannot vendor a git dependency because cargoLock.outputHashes has no hash for it.',
  category: 'container',
  captures: {
    crate: { type: 'string', doc: 'the git dependency, as `<name>-<version>` (the key outputHashes expects)' },
  },
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
  ],
  explanation:
    'buildRustPackage with `cargoLock.lockFile` vendors every crate from Cargo.lock. Crates from a registry carry a ' +
    'checksum there, but a git dependency (`source = "git+https://..."`) has only a commit, so Nix needs its content hash ' +
    'from `cargoLock.outputHashes`, and there is no entry for `{{crate}}`. This typically follows adding or bumping a ' +
    '`git = ...` dependency in Cargo.toml.',
  fix: {
    summary: 'Add `"{{crate}}" = "<hash>";` to `cargoLock.outputHashes` (or `importCargoLock`\'s `outputHashes`).',
    steps: [
      'In the derivation: `cargoLock = { lockFile = ./Cargo.lock; outputHashes = { "{{crate}}" = lib.fakeHash; }; };`, build once, and replace lib.fakeHash with the `got:` hash Nix prints.',
      'Or compute it directly: `nix-prefetch-git --url <git url> --rev <commit from Cargo.lock>` (the `hash`/`sha256` it prints).',
      'Newer nixpkgs can fetch git dependencies without a hash: `cargoLock.allowBuiltinFetchGit = true;` (impure, not allowed in nixpkgs itself); or switch to `cargoHash`, which hashes all vendored crates at once.',
    ],
  },
});
