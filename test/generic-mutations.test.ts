// The mutation harness of validate-repos: "untrack Cargo.lock in a flake repository" puts the defect back only where
// a flake builds a package (a devShell-only flake reads no Cargo.lock, so untracking it breaks nothing: capstone-rs in
// real-repos-fresh11; rust-systemd in real-repos-fresh12).

import { strict as assert } from 'node:assert';
import { test } from 'node:test';

const { GENERIC_MUTATIONS } = await import('../scripts/generic-mutations.mjs');
const untrack = GENERIC_MUTATIONS.find((m: { name: string }) => m.name === 'untrack Cargo.lock in a flake repository');

function project(files: Record<string, string>) {
  return { dir: '/nowhere', files: new Map(Object.entries(files)), gitTracked: new Set(Object.keys(files)) };
}

const DEV_SHELL_ONLY = '{ outputs = { self, nixpkgs }: { devShells.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.mkShell { }; }; }\n';
const BUILDS = '{ outputs = { self, nixpkgs }: { packages.x86_64-linux.default = nixpkgs.legacyPackages.x86_64-linux.rustPlatform.buildRustPackage { cargoLock.lockFile = ./Cargo.lock; }; }; }\n';

test('untracking Cargo.lock applies to a flake that builds a package, in flake.nix or a module it imports', () => {
  const p = project({ 'flake.nix': BUILDS, 'Cargo.toml': '[package]\nname = "x"\n', 'Cargo.lock': 'version = 3\n' });
  const mutated = untrack.apply(p);
  assert.ok(mutated, 'mutated');
  assert.ok(!mutated.gitTracked.has('Cargo.lock'));
  const module = project({ 'flake.nix': '{ outputs = inputs: inputs.flake-parts.lib.mkFlake { inherit inputs; } { imports = [ ./nix/rust.nix ]; }; }\n', 'nix/rust.nix': '{ perSystem = { self\', ... }: { packages.default = self\'.packages.x; }; }\n', 'Cargo.lock': 'version = 3\n' });
  assert.ok(untrack.apply(module));
});

test('near miss: a flake that only defines a dev shell is left as it is', () => {
  assert.equal(untrack.apply(project({ 'flake.nix': DEV_SHELL_ONLY, 'Cargo.toml': '[package]\nname = "x"\n', 'Cargo.lock': 'version = 3\n' })), null);
  // nixpkgs' own package sets on the way to a dev shell's variable are no package of the flake (rust-systemd in real-repos-fresh12)
  const rustSrc = DEV_SHELL_ONLY.replace('mkShell { }', 'mkShell { RUST_SRC_PATH = "${pkgs.rust.packages.stable.rustPlatform.rustLibSrc}"; }');
  assert.equal(untrack.apply(project({ 'flake.nix': rustSrc, 'Cargo.toml': '[package]\nname = "x"\n', 'Cargo.lock': 'version = 3\n' })), null);
});
