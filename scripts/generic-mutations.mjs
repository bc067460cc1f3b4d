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

export const GENERIC_MUTATIONS = [
  {
    name: 'untrack Cargo.lock in a flake repository',
    rule: ['nix-flake-untracked-file', 'cargo-lock-missing'],
    applies: () => true,
    apply: (p) => (p.gitTracked?.has('Cargo.lock') && p.files.has('flake.nix') ? withFiles(p, {}, ['Cargo.lock']) : null),
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
];
