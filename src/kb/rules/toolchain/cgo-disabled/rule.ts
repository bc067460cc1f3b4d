// cgo-disabled: a Go build needs a package that binds C code, and cgo is off (CGO_ENABLED=0, cross-compiling, or no
// C compiler on PATH), so the package's files are left out of the build.

import { cgoOnlyPackageIn } from '../../../go-packages.js';
import { defineRule, type PatternHit, type Refinement } from '../../../rule.js';

// The log shows cgo switched off: a shell or Dockerfile line (`CGO_ENABLED=0 go build`, `ENV CGO_ENABLED=0`), cmd's
// `set CGO_ENABLED=0`, PowerShell's `$env:CGO_ENABLED = "0"`, `go env` output (`CGO_ENABLED="0"`, `set CGO_ENABLED=0`).
const CGO_OFF = /\bCGO_ENABLED\s*[=:]\s*["']?0\b|\$env:CGO_ENABLED\s*=\s*["']?0\b/i;

// A standard-library package (`runtime`, `os/user`): no dot in its first path element. C files refused there mean a
// Go installation mixing two releases' sources, not a binding without cgo.
const STD_PACKAGE = /^[a-z0-9]+(?:\/[\w.-]+)*$/;

// A file of a dependency rather than of the project: Go's module cache (`/go/pkg/mod/github.com/x/y@v1.2.3/`, also
// relative, `../../go/pkg/mod/...`) or a vendor/ directory.
const DEPENDENCY_SOURCE = /(?:^|[/\\])pkg[/\\]mod[/\\][^/\\]+\.[^/\\]+[/\\].*@v|(?:^|[/\\])vendor[/\\][^/\\]+\.[^/\\]+[/\\]/;

function packageOf(hit: PatternHit): string {
  return hit.captures.package ?? hit.captures.directory?.trim() ?? hit.captures.file ?? '';
}

/** The known C binding a hit is about: the package or file it names, or the directory it names. */
function bindingOf(hit: PatternHit): string | undefined {
  if (hit.pattern === 'go-sqlite3-cgo-stub') return 'github.com/mattn/go-sqlite3';
  return cgoOnlyPackageIn(packageOf(hit)) ?? cgoOnlyPackageIn(hit.captures.directory ?? '');
}

export default defineRule({
  id: 'cgo-disabled',
  title: 'A Go package that needs cgo was built with cgo off',
  summary: 'A Go package that binds C code was built with cgo turned off, so its files were left out of the build.',
  category: 'toolchain',
  captures: {
    package: { type: 'string', doc: 'the Go package (import path or directory) whose cgo files were left out', optional: true },
    binding: { type: 'string', doc: 'the known C binding it belongs to (github.com/mattn/go-sqlite3)', optional: true },
  },
  internal: ['directory', 'file'],
  patterns: [
    {
      id: 'c-files-without-cgo',
      // go/build (cmd/go): "package github.com/mattn/go-sqlite3: C source files not allowed when not using cgo or SWIG:
      // sqlite3-binding.c" (also after "imports"/"can't load package:")
      source: 'go (package loading)',
      literals: ['C source files not allowed when not using cgo'],
      re: /(?:package|imports) (?<package>[^\s:]{1,300}): C source files not allowed when not using cgo or SWIG/,
      weight: 0.9,
    },
    {
      id: 'go-sqlite3-cgo-stub',
      // go-sqlite3 >= 1.14 built without cgo compiles a stub that fails when opened: "Binary was compiled with
      // 'CGO_ENABLED=0', go-sqlite3 requires cgo to work. This is a stub"
      source: 'github.com/mattn/go-sqlite3 (static_mock.go)',
      literals: ['go-sqlite3 requires cgo to work'],
      re: /Binary was compiled with 'CGO_ENABLED=0', go-sqlite3 requires cgo to work/,
      weight: 0.9,
    },
    {
      id: 'build-constraints-exclude',
      // go 1.19 made here: "\timports example.com/m/glue: build constraints exclude all Go files in /tmp/cg/m/glue";
      // "go build github.com/DataDog/zstd: build constraints exclude all Go files in ..."; a file's import line
      // "canvas.go:15:2: build constraints exclude all Go files in /home/u/go/src/.../glfw"; the bare "github.com/x/y:
      // build constraints exclude all Go files" of go before 1.12. Other GOOS/GOARCH files
      // and build tags give the same words (go before 1.12 printed no directory), so it counts only for a known C binding or with cgo shown off.
      source: 'go (package loading)',
      literals: ['build constraints exclude all Go files'],
      re: /(?:(?:(?:imports|go build|package) |^)(?<package>[^\s:]{1,300}): |\.go:\d+:\d+: )build constraints exclude all Go files(?: in (?<directory>\S.{0,299}))?$/,
      weight: 0.5,
    },
    {
      id: 'undefined-in-binding',
      // gc inside a binding whose cgo files were left out: "../github.com/mattn/go-sqlite3/tracecallback_noimpl.go:7:
      // undefined: SQLiteConn"; counts only with cgo shown off, in a known binding or in a dependency's source.
      source: 'go (gc)',
      literals: [': undefined: '],
      re: /^(?<file>[^\s:]{1,300}\.go):\d+(?::\d+)?: undefined: \S/,
      weight: 0.5,
    },
    {
      id: 'cgo-turned-off',
      // Context only: the line that turned cgo off.
      source: 'shell / go env',
      literals: ['CGO_ENABLED'],
      re: CGO_OFF,
      weight: 0.1,
    },
  ],
  refine: (ctx): Refinement | null => {
    // A C compiler that was not found is the cause cgo went without; that rule says so with the install command.
    if (ctx.firedRules.has('c-compiler-missing')) return null;
    const shownOff = ctx.hits.some((h) => h.pattern === 'cgo-turned-off');
    const kept = ctx.hits.filter((h) => {
      if (h.pattern === 'cgo-turned-off') return false;
      if (h.pattern === 'c-files-without-cgo') return !STD_PACKAGE.test(h.captures.package ?? '');
      if (h.pattern === 'go-sqlite3-cgo-stub') return true;
      const binding = bindingOf(h);
      // A dependency's own source (the module cache, a vendor/ copy) that compiled before: with cgo shown off, its
      // undefined names are the ones its cgo files define.
      if (h.pattern === 'undefined-in-binding') return shownOff && (binding !== undefined || DEPENDENCY_SOURCE.test(h.captures.file ?? ''));
      return binding !== undefined || shownOff;
    });
    if (kept.length === 0) return null;
    const first = kept[0];
    const binding = bindingOf(first);
    const strong = kept.some((h) => h.pattern === 'c-files-without-cgo' || h.pattern === 'go-sqlite3-cgo-stub');
    const confidence = strong ? 0.9 : binding ? 0.85 : 0.75;
    const pkg = first.captures.package ?? first.captures.directory?.trim() ?? binding;
    return {
      confidence,
      captures: { ...(pkg ? { package: pkg } : {}), ...(binding ? { binding } : {}), _bindingNote: binding && pkg && !pkg.includes(binding) ? ` (part of ${binding})` : '' },
      evidence: [...kept, ...ctx.hits.filter((h) => h.pattern === 'cgo-turned-off').slice(0, 1)].sort((a, b) => a.line - b.line).slice(0, 6).map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation:
    'The package {{package|the build needs}}{{_bindingNote|}} wraps C code through cgo, and this build ran with cgo off, so the Go ' +
    'toolchain left out every file that imports "C". cgo is off when CGO_ENABLED=0 is set (common in Dockerfiles for static binaries), ' +
    'by default when cross-compiling to another GOOS or GOARCH, and, since Go 1.20, whenever no C compiler is found on PATH (a Windows ' +
    'machine without MinGW, an Alpine image without build-base).',
  fix: {
    summary: 'Build with cgo on (CGO_ENABLED=1) and a C compiler for the target, or use a pure-Go replacement for the package.',
    steps: [
      'Set CGO_ENABLED=1 for this build and make sure a C compiler is on PATH: gcc or clang on Linux and macOS, MinGW-w64 gcc on Windows, `apk add build-base` in an Alpine image.',
      'When cross-compiling, give cgo a compiler for the target too: `CC=aarch64-linux-gnu-gcc GOOS=linux GOARCH=arm64 CGO_ENABLED=1 go build`, or `CC="zig cc -target ..."`.',
      'For a static binary keep cgo on and link statically (`-ldflags \'-extldflags "-static"\'` on glibc or musl), or swap the binding for a pure-Go package (modernc.org/sqlite for go-sqlite3, klauspost/compress/zstd for DataDog/zstd).',
    ],
    packages: { apt: ['gcc', 'libc6-dev'], dnf: ['gcc'], yum: ['gcc'], apk: ['build-base'], pacman: ['gcc'], zypper: ['gcc'] },
  },
});
