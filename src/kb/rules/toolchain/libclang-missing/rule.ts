// libclang-missing: bindgen (through clang-sys) needs the libclang shared library and cannot find or load it.

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'libclang-missing',
  title: 'libclang is not installed (bindgen cannot run)',
  summary: 'A build script runs bindgen, which needs the libclang shared library, and libclang could not be found or loaded.',
  category: 'toolchain',
  internal: ['path', 'os'],
  patterns: [
    {
      id: 'bindgen-unable-to-find-libclang',
      // bindgen >= 0.5x: 'Unable to find libclang: "couldn't find any valid shared libraries matching: [...]"'
      // (old rustc panics quote it on one line with escaped quotes: couldn\'t)
      source: 'bindgen',
      literals: ['Unable to find libclang'],
      re: /Unable to find libclang/,
      weight: 0.95,
    },
    {
      id: 'clang-sys-no-valid-shared-libraries',
      // clang-sys >= 0.2x (runtime or dynamic linking): "couldn't find any valid shared libraries matching: ['libclang.so', ...],
      // set the `LIBCLANG_PATH` environment variable ..." (Windows: ['clang.dll', 'libclang.dll'], macOS: ['libclang.dylib'])
      source: 'clang-sys',
      literals: ["find any valid shared libraries matching"],
      re: /couldn(?:\\?'|’)t find any valid shared libraries matching/,
      weight: 0.95,
    },
    {
      id: 'clang-sys-could-not-open',
      // clang-sys: 'the `libclang` shared library at /usr/lib64/clang-private/libclang.so.7 could not be opened: libclangAST.so.7: ...'
      source: 'clang-sys',
      literals: ['shared library at'],
      re: /the `libclang` shared library at (?<path>\S+) could not be opened/,
      weight: 0.85,
    },
    {
      id: 'clang-sys-static-not-found',
      // clang-sys with the `static` feature: "couldn't find any valid static libraries matching" / "could not find libclang static libraries"
      source: 'clang-sys (static)',
      literals: ['valid static libraries', 'libclang static'],
      re: /couldn(?:\\?'|’)t find any valid static libraries|could not find (?:the )?libclang static librar/,
      weight: 0.9,
    },
  ],
  refine: (ctx) => {
    const text = ctx.hits.map((h) => h.text).join('\n');
    const os = /clang\.dll/.test(text) ? 'windows' : /\.dylib/.test(text) ? 'macos' : undefined;
    return os ? { captures: { os } } : {};
  },
  explanation:
    'bindgen generates Rust bindings from C headers by loading libclang (the Clang compiler as a library) at build time, through ' +
    'clang-sys. No usable libclang shared library (libclang.so / libclang-*.so.* on Linux, libclang.dylib on macOS, libclang.dll on ' +
    'Windows) was found in the default locations or in LIBCLANG_PATH. Installing the `clang` command alone is not always enough: ' +
    'the library comes from the libclang(-dev) package, and on Windows from LLVM.',
  fix: {
    summary: 'Install libclang (the Clang library), or set LIBCLANG_PATH to the directory that contains it.',
    steps: [
      'Install the libclang development package for your distribution.',
      'If libclang is installed in a non-standard place, set LIBCLANG_PATH to the directory containing libclang.so / libclang.dylib / libclang.dll (unquoted).',
      'Check whether the crate has a feature that ships pre-generated bindings, so bindgen does not have to run.',
    ],
    components: ['libclang'],
    platformCommands: {
      macos: ['xcode-select --install   # or: brew install llvm && export LIBCLANG_PATH="$(brew --prefix llvm)/lib"'],
      nix: ['export LIBCLANG_PATH="${pkgs.llvmPackages.libclang.lib}/lib"   # in the devShell / derivation (or use rustPlatform.bindgenHook)'],
    },
  },
});
