// manylinux-container-build-failure: a wheel build inside a manylinux/musllinux container (maturin-action,
// cibuildwheel, `docker run quay.io/pypa/manylinux*`) failed for a reason that comes from the container itself:
// its old compiler/binutils, or tools and libraries the image does not ship (perl IPC::Cmd, libclang).

import { defineRule } from '../../../rule.js';
import { perlModuleNotFound } from '../../perl-module-line.js';

const CONTAINER_PATTERNS = new Set(['manylinux-image', 'manylinux-python-path', 'manylinux-devtoolset-path']);

export default defineRule({
  id: 'manylinux-container-build-failure',
  title: 'The build failed inside the manylinux container',
  summary: 'A wheel build inside a manylinux or musllinux container failed because the container lacks a tool or library, or its old compiler rejects the code.',
  category: 'packaging',
  captures: {
    failureKind: { type: 'string', doc: 'what failed in the image: `old-gcc-c99-loop` or `perl-module-missing`' },
    perlModule: { type: 'string', doc: 'the Perl module missing from the image', optional: true },
    image: { type: 'string', doc: 'the manylinux image', optional: true },
  },
  internal: ['what'],
  explains: ['perl-missing', 'libclang-missing', 'c-code-error', 'compiler-too-old', 'binutils-too-old'],
  patterns: [
    {
      id: 'old-gcc-c99-loop',
      // gcc <= 4.9 (manylinux1/manylinux2010 system gcc, CentOS 7 gcc 4.8.5) defaults to C89/gnu90:
      // "error: ‘for’ loop initial declarations are only allowed in C99 mode" (gcc 5+: "... in C99 or C11 mode")
      source: 'gcc 4.x',
      literals: ['loop initial declarations are only allowed in C99'],
      re: /[‘'`"]?for[’'`"]? loop initial declarations are only allowed in C99/,
      weight: 0.45,
    },
    {
      id: 'old-gcc-std-flag',
      // gcc 4.8 (manylinux2014 cross images, CentOS 7 without devtoolset): "g++: error: unrecognized command line option '-std=c++17'"
      // (gcc 4.x: "cc1plus: error: unrecognized command line option \"-std=c++14\"")
      source: 'gcc 4.x',
      literals: ['unrecognized command line option', 'unrecognized command-line option'],
      re: /unrecognized command[- ]line option [‘'"`]-std=(?:c|gnu)(?:\+\+(?:1[4-9]|1[yz]|2\w)|1[78]|2x)[’'"`]/,
      weight: 0.45,
    },
    {
      id: 'old-binutils-instruction',
      // GNU as older than the CPU extensions used by blst/c-kzg, OpenBLAS, ... assembly: "Error: no such instruction: `adox %r9,%r8'"
      // (aarch64 gas: "Error: unknown mnemonic `...'", "Error: selected processor does not support `...'")
      source: 'GNU as (binutils)',
      literals: ['Error: no such instruction', 'Error: unknown mnemonic', 'Error: selected processor does not support'],
      re: /Error: (?:no such instruction|unknown mnemonic|selected processor does not support) `/,
      weight: 0.45,
    },
    // manylinux2014/manylinux_2_28 images ship a minimal perl, and OpenSSL 3's Configure needs IPC::Cmd;
    // 0.5 so that the rule can be reported, but refine still requires a container marker next to it
    perlModuleNotFound({ id: 'perl-module-missing', source: 'perl (openssl-src / OpenSSL Configure)', capture: 'perlModule', weight: 0.5 }),
    {
      id: 'libclang-missing-in-container',
      // bindgen / clang-sys: "Unable to find libclang: \"couldn't find any valid shared libraries matching: ['libclang.so', ..."
      // (manylinux images have no clang)
      source: 'bindgen / clang-sys',
      literals: ['Unable to find libclang', "couldn't find any valid shared libraries matching"],
      re: /Unable to find libclang|couldn't find any valid shared libraries matching: \[\\?'libclang/,
      weight: 0.45,
    },
    {
      id: 'manylinux-image',
      // container image names in maturin-action / cibuildwheel / docker output: "quay.io/pypa/manylinux2014_x86_64:latest",
      // "ghcr.io/rust-cross/manylinux2014-cross:aarch64", or a path named after it ("/host/sage-manylinux2014_x86_64/...");
      // wheel file names (...manylinux_2_17_x86_64.whl) do not count
      source: 'docker / maturin-action / cibuildwheel',
      literals: ['manylinux1_', 'manylinux2010_', 'manylinux2014_', 'manylinux2014-cross', 'manylinux_2_', 'musllinux_1_'],
      re: /(?<image>(?:manylinux(?:1|2010|2014|_2_\d+)|musllinux_1_\d+)(?:_(?:x86_64|i686|aarch64|ppc64le|s390x|armv7l)|-cross))(?=[:/\s"']|$)/,
      weight: 0.3,
    },
    {
      id: 'manylinux-python-path',
      // the interpreters of the pypa manylinux/musllinux images: "/opt/python/cp37-cp37m/include/python3.7m", "/opt/python/cp312-cp312/bin/python"
      source: 'pypa manylinux images',
      literals: ['/opt/python/'],
      re: /\/opt\/python\/(?:cp|pp)\d+-(?:cp|pp)?\d+/,
      weight: 0.3,
    },
    {
      id: 'manylinux-devtoolset-path',
      // the compilers of manylinux2014 / manylinux_2_28 images: "/opt/rh/devtoolset-10/root/usr/bin/gcc", "/opt/rh/gcc-toolset-14/root/usr/bin/ld"
      source: 'pypa manylinux images',
      literals: ['/opt/rh/'],
      re: /\/opt\/rh\/(?:devtoolset|gcc-toolset)-\d+\//,
      weight: 0.3,
    },
  ],
  refine: (ctx) => {
    const inContainer = ctx.hits.some((h) => CONTAINER_PATTERNS.has(h.pattern));
    const failure = ctx.hits.filter((h) => !CONTAINER_PATTERNS.has(h.pattern));
    // Each failure kind is ordinary outside a manylinux container and belongs to another rule there.
    if (!inContainer || failure.length === 0) return null;
    const kind = failure[0].pattern;
    const what: Record<string, string> = {
      'old-gcc-c99-loop': 'the image\'s old GCC (4.x) compiles C as C89 by default and rejects C99 code',
      'old-gcc-std-flag': 'the image\'s GCC is too old for the C++ standard the code asks for (-std=c++14/17/20)',
      'old-binutils-instruction': 'the image\'s assembler (binutils) is too old for the CPU instructions in the assembly code (blst, c-kzg, OpenBLAS...)',
      'perl-module-missing': `the image's minimal perl lacks the ${ctx.captures.perlModule?.replace(/\//g, '::') ?? 'IPC::Cmd'} module that OpenSSL's Configure (openssl-src, vendored OpenSSL) needs`,
      'libclang-missing-in-container': 'the image has no clang/libclang, which bindgen needs',
    };
    return { confidence: 0.92, captures: { failureKind: kind, what: what[kind] ?? 'the image lacks something the build needs' } };
  },
  explanation:
    'The wheel was being built inside a manylinux/musllinux container ({{image|quay.io/pypa/manylinux*}}), and {{what}}. ' +
    'These images deliberately ship an old glibc, a minimal set of system packages and (for manylinux1/2010, and the ' +
    'manylinux2014 cross images) an old GCC, so that the wheels run on old distributions; a build that works on a ' +
    'developer machine or a normal CI runner can therefore fail only there. The fix is to adapt the container (a newer ' +
    'image, or installing the missing packages before the build), not to stop using it: building with `manylinux: off` ' +
    'produces linux_x86_64 wheels, which PyPI rejects (see wheel-platform-tag-rejected).',
  fix: {
    summary: 'Use a newer manylinux image (manylinux_2_28) or install what the container lacks before the build (before-script-linux / CIBW_BEFORE_ALL_LINUX).',
    steps: [
      'Old compiler (C99 / -std=c++17 errors, unknown instructions): use `manylinux: 2_28` in maturin-action (or `manylinux-x86_64-image = "manylinux_2_28"` in cibuildwheel), which has GCC 12+ and new binutils; or add `-std=c99` / build with `--zig`.',
      'Missing perl modules for vendored OpenSSL: maturin-action `before-script-linux: yum install -y perl-IPC-Cmd perl-Time-Piece || dnf install -y perl-IPC-Cmd` (cibuildwheel: `before-all`), or link the system OpenSSL (`yum install -y openssl-devel`) instead of the `vendored` feature.',
      'Missing libclang: `before-script-linux: yum install -y clang-devel llvm-devel` (manylinux_2_28: `dnf install -y clang-devel`) and set LIBCLANG_PATH if needed, or commit pregenerated bindings.',
      'blst / c-kzg assembly: enable blst\'s `portable` feature (or set `CFLAGS=-D__BLST_PORTABLE__`), and use c-kzg without `force-adx`.',
      'Do not switch to `manylinux: off`: PyPI does not accept the resulting linux_* wheels.',
    ],
    commands: ['maturin build --release --compatibility manylinux_2_28', 'maturin build --release --zig'],
    packages: { dnf: ['perl-IPC-Cmd', 'clang-devel'] },
  },
});
