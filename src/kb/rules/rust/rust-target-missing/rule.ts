// rust-target-missing: cargo builds for a target triple whose standard library (rust-std) is not installed.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'rust-target-missing',
  title: 'The Rust standard library for the target is not installed',
  summary: 'Rust is compiling for a target triple whose precompiled standard library is not installed.',
  category: 'rust',
  captures: {
    target: { type: 'string', doc: 'the Rust target whose standard library is not installed' },
    crate: { type: 'string', doc: 'the standard crate not found for it (`std`, `core`)' },
  },
  explains: ['rust-code-error'],
  patterns: [
    {
      id: 'target-may-not-be-installed',
      // rustc 1.41+: "= note: the `aarch64-unknown-linux-gnu` target may not be installed" (pastes outside a code
      // block lose the backticks)
      source: 'rustc 1.41+',
      literals: ['target may not be installed'],
      re: /note: the [`']?(?<target>[\w.-]+)[`']? target may not be installed/,
      weight: 0.97,
    },
    {
      id: 'rustup-target-add-hint',
      // rustc 1.66+: "= help: consider downloading the target with `rustup target add x86_64-unknown-linux-musl`"
      source: 'rustc 1.66+',
      literals: ['consider downloading the target with'],
      re: /consider downloading the target with [`']?rustup target add (?<target>[\w.-]+)[`']?/,
      weight: 0.95,
    },
    {
      id: 'wasm-pack-target-not-in-sysroot',
      // wasm-pack 0.9+: "Error: wasm32-unknown-unknown target not found in sysroot: \"/usr/lib/rustlib\"" (a non-rustup
      // Rust, or rustup without the target)
      source: 'wasm-pack',
      literals: ['target not found in sysroot'],
      re: /^(?:Error: )?(?<target>wasm32-[a-z0-9]+-[a-z0-9]+) target not found in sysroot/,
      weight: 0.93,
    },
    {
      id: 'cant-find-crate-core-std',
      // rustc (all versions): "error[E0463]: can't find crate for `core`" (or `std`, `alloc`, `compiler_builtins`);
      // without the target note it can also be a broken sysroot or a no_std target that has no std at all
      source: 'rustc',
      literals: ["can't find crate for", 'cannot find crate for'],
      re: /^error\[E0463\]: (?:can't|cannot) find crate for [`']?(?<crate>core|std|alloc|compiler_builtins|proc_macro|test)[`']?(?:\s|$)/,
      weight: 0.7,
    },
  ],
  explanation:
    'rustc found no standard library (`core`/`std`) for the target {{target|being built}}. rustup installs the ' +
    'precompiled standard library per target triple, and only for the host by default, so `cargo build --target ' +
    '{{target|<triple>}}` (or `build.target` in .cargo/config.toml, or a cross-compiling tool such as maturin, ' +
    'cargo-zigbuild, wasm-pack) fails until that target is added. With a distribution-packaged Rust (apt, dnf) there ' +
    'is no rustup and the other targets\' standard libraries come as separate packages, if at all.',
  fix: {
    summary: 'Install the standard library for the target: rustup target add {{target|<triple>}}.',
    steps: [
      'Add the target to the toolchain that builds the project (if rust-toolchain.toml pins a toolchain, add it there: `targets = ["{{target|<triple>}}"]`).',
      'In Docker/CI, run the `rustup target add` in the same image/stage that runs cargo (e.g. `dtolnay/rust-toolchain` with `targets: {{target|<triple>}}`).',
      'Cross-linking also needs a linker/C toolchain for the target (e.g. gcc-aarch64-linux-gnu, musl-tools), configured as CARGO_TARGET_<TRIPLE>_LINKER.',
    ],
    commands: ['rustup target add {{target|<triple>}}'],
    platformCommands: {
      macos: ['If rustc comes from Homebrew (no rustup, so no other targets): brew uninstall rust && brew install rustup && rustup-init -y && rustup target add {{target|<triple>}}'],
      nix: ['Add the target to your Rust toolchain (rust-overlay: `rust-bin.stable.latest.default.override { targets = [ "{{target|<triple>}}" ]; }`, fenix: `targets.{{target|<triple>}}.stable.rust-std`)'],
    },
  },
});
