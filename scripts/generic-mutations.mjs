// Mutations that put a defect the scanners exist for back into ANY repository where it fits, with no knowledge of
// that repository's text: so they can be run on a set nobody has read (validation/real-repos-fresh2.json). Each takes
// the project as scan reads it (files, git's view) and returns a changed in-memory copy, or null when it does not
// apply. A mutation that removes an install is applied only for a component the repository's labels say the default
// build needs (expectedNeeds): removing a package the build does not need is no defect.
// Used by `validate-repos.mjs --file F --mutations`; the copies on disk are never changed.

import { withFiles } from './repo-mutations.mjs';

const { isDockerfile } = await import(new URL('../dist/scan/dockerfile/index.js', import.meta.url));
const { COMPONENTS } = await import(new URL('../dist/kb/components.js', import.meta.url));
const { parseDockerfile, rootImage, stageChain } = await import(new URL('../dist/project/dockerfile/parse.js', import.meta.url));
const { imageProfile } = await import(new URL('../dist/kb/images.js', import.meta.url));
const { parseCargoLock } = await import(new URL('../dist/project/cargo.js', import.meta.url));
const { isVendored } = await import(new URL('../dist/project/paths.js', import.meta.url));

const dockerfiles = (p) => [...p.files.keys()].filter(isDockerfile);
// A Dockerfile that builds the project (not one that only installs a tool with `cargo install <crate>`).
const compiles = (text) => /\bcargo\s+(?:\+\S+\s+)?(?:build|install\s+(?:[^\n]*\s)?--path|chef\s+cook|zigbuild|auditable\s+build)\b|\bmaturin\s+build\b/.test(text);

// The components a Dockerfile usually installs for a Rust build, and their packages on the managers Dockerfiles use
// (the knowledge base's install table).
const DROPPABLE = ['openssl-dev', 'pkg-config', 'protoc', 'cmake', 'libclang', 'perl'];
const packagesOf = (component) => [...new Set(['apt', 'apk', 'dnf'].flatMap((m) => COMPONENTS[component].packages[m] ?? []))];

// Whether the stage holding `index` is built on an image known to lack `component`: dropping the package from an
// image that ships it anyway (rust-musl-cross has cmake and libclang), or from one whose contents are unknown, puts
// no defect back.
function imageLacks(file, text, index, component) {
  const model = parseDockerfile(file, text);
  const stage = model.stages.filter((s) => s.start <= index).at(-1);
  const image = stage ? rootImage(model, stage) : null;
  const profile = image ? imageProfile(image) : null;
  return profile !== null && !profile.provides.has(component);
}

// Whether the stage holding `index` is one a compiling stage is built on (itself or a stage in its FROM chain): an
// install in a runtime stage that builds nothing (`FROM debian:bookworm-slim` after the builder) is no build's.
function feedsBuild(file, text, index) {
  const model = parseDockerfile(file, text);
  const stage = model.stages.filter((s) => s.start <= index).at(-1);
  if (!stage) return false;
  const builds = (s) => s.steps.some((step) => step.kind === 'run' && compiles(text.slice(step.start, step.end)));
  return model.stages.some((s) => builds(s) && stageChain(model, s).includes(stage));
}

/** Removes the first install of `component` from a Dockerfile stage that a compiling stage is built on, when the build needs it. */
function dropInstall(component) {
  return {
    name: `drop ${component}'s package from a Dockerfile install line`,
    rule: [COMPONENTS[component].rule],
    applies: (entry) => (entry.expectedNeeds ?? []).some((n) => (n.component ?? n) === component),
    apply: (p) => {
      for (const file of dockerfiles(p)) {
        const text = p.files.get(file);
        if (!compiles(text)) continue;
        // An install line's package token (apt-get/apk/dnf), optionally `:arch`-qualified or version-pinned.
        const tokenOf = (pkg) => new RegExp(`((?:apt-get|apt|apk|dnf|yum|microdnf)\\s+(?:[^\\n]*\\\\\\n)*[^\\n]*?)\\s${pkg.replace(/[-.]/g, '\\$&')}(?::\\S+|=\\S+)?(?=[\\s\\\\;&|]|$)`, 'm');
        for (const pkg of packagesOf(component)) {
          const m = tokenOf(pkg).exec(text);
          if (!m || !imageLacks(file, text, m.index, component) || !feedsBuild(file, text, m.index)) continue;
          // Every package of the component goes (apk's protoc comes as protobuf-dev and protoc): leaving one of them
          // would leave the component installed, and put no defect back.
          let mutated = text;
          for (const other of packagesOf(component)) mutated = mutated.replace(tokenOf(other), '$1');
          return withFiles(p, { [file]: mutated });
        }
      }
      return null;
    },
  };
}

// Features whose use in the code is plain to see and whose being on shows in Cargo.lock: the optional dependency the
// feature pulls in is listed under the crate's entry while anything in the graph enables it.
const GATED_FEATURES = [
  { crate: 'clap', feature: 'derive', marker: 'clap_derive', used: /#\[derive\([^)]*\b(?:Parser|Subcommand|Args|ValueEnum)\b/ },
  { crate: 'tokio', feature: 'macros', marker: 'tokio-macros', used: /#\[tokio::(?:main|test)\b/ },
  { crate: 'serde', feature: 'derive', marker: 'serde_derive', used: /#\[derive\([^)]*\b(?:Serialize|Deserialize)\b/ },
];

/**
 * Removes a feature the code uses from the one manifest that turns it on (a one-line `crate = { ..., features = [...] }`
 * entry of a package's own [dependencies]) and, as cargo's next resolve would, the optional dependency it pulled into
 * the lock. Applied only where that resolve is certain: no package from a registry or git depends on the crate at
 * all (one of them could turn the feature on too), and no other local manifest names the feature.
 */
function dropGatedFeature({ crate, feature, marker, used }) {
  return {
    name: `remove a feature the code uses (${crate} \`${feature}\`)`,
    rule: ['crate-feature-missing'],
    applies: () => true,
    apply: (p) => {
      const lockText = p.files.get('Cargo.lock');
      if (!lockText) return null;
      let lock;
      try {
        lock = parseCargoLock(lockText);
      } catch {
        return null;
      }
      const entries = lock.packages.filter((c) => c.name === crate);
      if (entries.length !== 1 || !entries[0].dependencies.some((d) => d.split(' ')[0] === marker)) return null;
      if (lock.packages.some((c) => c.source !== null && c.dependencies.some((d) => d.split(' ')[0] === crate))) return null;
      const entry = new RegExp(`^${crate}\\s*=\\s*\\{[^}\\n]*features\\s*=\\s*\\[[^\\]\\n]*"${feature}"[^\\]\\n]*\\][^}\\n]*\\}`, 'm');
      const manifests = [...p.files.keys()].filter((f) => (f === 'Cargo.toml' || f.endsWith('/Cargo.toml')) && !isVendored(f));
      const naming = manifests.filter((f) => new RegExp(`^${crate}\\b[^\\n]*"${feature}"`, 'm').test(p.files.get(f)) || new RegExp(`\\b${crate}/${feature}\\b`).test(p.files.get(f)));
      if (naming.length !== 1) return null;
      const manifest = naming[0];
      const text = p.files.get(manifest);
      const m = entry.exec(text);
      // Only a package's own [dependencies] entry (the table the code is built with).
      const table = text.slice(0, m?.index ?? 0).match(/^\[[^\]\n]*\]/gm)?.at(-1);
      if (!m || table !== '[dependencies]') return null;
      const dir = manifest.slice(0, -'Cargo.toml'.length);
      const sources = [...p.files.keys()].filter((f) => f.startsWith(`${dir}src/`) && f.endsWith('.rs'));
      if (!sources.some((f) => used.test(p.files.get(f)))) return null;
      const edited = text.replace(entry, (line) => line.replace(new RegExp(`"${feature}"\\s*,\\s*|\\s*,\\s*"${feature}"|"${feature}"`), ''));
      const nextLock = lockText.replace(new RegExp(`(\\[\\[package\\]\\]\\nname = "${crate}"\\n[\\s\\S]*?dependencies = \\[[\\s\\S]*?)\\n "${marker}[^"]*",`), '$1');
      if (edited === text || nextLock === lockText) return null;
      return withFiles(p, { [manifest]: edited, 'Cargo.lock': nextLock });
    },
  };
}

// A flake output that builds something (packages, defaultPackage) or a Nix builder of Rust packages and its lock
// arguments (nixpkgs, crane, naersk, crate2nix, cargo2nix, dream2nix, nix-cargo-integration, rust-flake), as a flake or
// a .nix file it may import writes them. A flake with none of them defines only dev shells.
// (`packages` only as an output being defined, `packages.x86_64-linux` or `packages = ...`: a path through nixpkgs,
// `pkgs.rust.packages.stable.rustPlatform.rustLibSrc` in a devShell, is no package of the flake's.)
const NIX_RUST_BUILDER = /(?<![.\w-])packages\s*(?:\.|=)|\b(?:defaultPackage|buildRustPackage|cargoLock|importCargoLock|cargoLockFile|crane|naersk|crate2nix|cargo2nix|dream2nix|nix-cargo-integration|rust-flake|buildPackage)\b/;

/** Whether some .nix file of the project builds a package (and so may read Cargo.lock). */
function buildsRustWithNix(p) {
  return [...p.files].some(([file, text]) => file.endsWith('.nix') && NIX_RUST_BUILDER.test(text));
}

export const GENERIC_MUTATIONS = [
  {
    name: 'untrack Cargo.lock in a flake repository',
    rule: ['nix-flake-untracked-file', 'cargo-lock-missing'],
    applies: () => true,
    // Only a flake that builds the crate reads Cargo.lock (a devShell-only flake does not: untracking it breaks nothing).
    apply: (p) => (p.gitTracked?.has('Cargo.lock') && p.files.has('flake.nix') && buildsRustWithNix(p) ? withFiles(p, {}, ['Cargo.lock']) : null),
  },
  {
    name: 'pin a toolchain older than rust-version',
    rule: ['rustc-too-old'],
    applies: () => true,
    apply: (p) => {
      const root = p.files.get('Cargo.toml');
      const version = root?.match(/^\s*rust-version\s*=\s*"1\.(\d+)/m);
      if (!version || Number(version[1]) <= 56) return null;
      return withFiles(p, { 'rust-toolchain.toml': '[toolchain]\nchannel = "1.56.0"\n' });
    },
  },
  {
    name: 'move the copy of a build output out of the cache-mount RUN',
    rule: ['docker-cache-mount-artifact'],
    applies: () => true,
    apply: (p) => {
      for (const file of dockerfiles(p)) {
        const text = p.files.get(file);
        // A RUN with a cache mount on a target directory whose `&& cp|mv ... target/...` ends the command.
        const m = text.match(/^(RUN\s+--mount=type=cache,[^\n]*target=[^\s,]*target\b[^\n]*?(?:\\\n[^\n]*?)*?)\s*(?:\\\n\s*)?&&\s*((?:cp|mv)\s+[^\n&;]*target\/[^\n&;]*)$/m);
        if (!m) continue;
        return withFiles(p, { [file]: text.replace(m[0], `${m[1]}\nRUN ${m[2]}`) });
      }
      return null;
    },
  },
  ...DROPPABLE.map(dropInstall),
  ...GATED_FEATURES.map(dropGatedFeature),
];
