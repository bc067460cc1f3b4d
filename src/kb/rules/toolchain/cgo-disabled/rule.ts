// cgo-disabled: a Go build needs a package that binds C code, and cgo is off (CGO_ENABLED=0, cross-compiling, or no
// C compiler on PATH), so the package's files are left out of the build.

import { CGO_BINDING_BY_PACKAGE_NAME, cgoOnlyPackageIn } from '../../../go-packages.js';
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

// Cross-compiling: a GOOS or GOARCH set on the go command itself (`GOOS=windows GOARCH=amd64 go build`, `env GOARCH=386
// go get`) turns cgo off by default, unless the same command sets CGO_ENABLED=1.
const CROSS_BUILD = /(?:^|[\s;&|(])GO(?:OS|ARCH)=["']?[\w-]{1,20}["']? +(?:[A-Z_][A-Z0-9_]{0,30}=[^\s=]{0,200} +){0,8}go(?:\.exe)? +(?:build|get|install|run|test|vet)\b/;

// The go command's header over a package's compile errors: "# github.com/getlantern/systray" (an import path: a dot in
// its first element), also without the space.
const PACKAGE_HEADER = /^#\s?(?<pkg>[\w-]+(?:\.[\w-]+)+\/\S+)$/;

/** The package the go command's nearest header above a compile error names. */
function headerPackageOf(hit: PatternHit): string | undefined {
  for (let i = hit.before.length - 1; i >= 0; i--) {
    const m = PACKAGE_HEADER.exec(hit.before[i].trim());
    if (m) return m.groups!.pkg;
  }
  return undefined;
}

function packageOf(hit: PatternHit): string {
  return hit.captures.package ?? hit.captures.directory?.trim() ?? hit.captures.file ?? '';
}

/** The known C binding a hit is about: the package or file it names, or the directory it names. */
function bindingOf(hit: PatternHit): string | undefined {
  if (hit.pattern === 'go-sqlite3-cgo-stub') return 'github.com/mattn/go-sqlite3';
  // Code that uses a binding whose cgo files were left out: `undefined: sqlite3.Error`.
  if (hit.captures.qualifier) return CGO_BINDING_BY_PACKAGE_NAME[hit.captures.qualifier];
  const header = hit.pattern === 'undefined-in-binding' ? headerPackageOf(hit) : undefined;
  return cgoOnlyPackageIn(packageOf(hit)) ?? cgoOnlyPackageIn(hit.captures.directory ?? '') ?? (header ? cgoOnlyPackageIn(header) : undefined);
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
  internal: ['directory', 'file', 'qualifier', 'package2'],
  contextBefore: 12,
  patterns: [
    {
      id: 'c-files-without-cgo',
      // go/build (cmd/go): "package github.com/mattn/go-sqlite3: C source files not allowed when not using cgo or SWIG:
      // sqlite3-binding.c" (also after "imports"/"can't load package:")
      source: 'go (package loading)',
      // Go before 1.5: "can't build package github.com/x/y because it contains C++ files (a.cpp) but it's not using cgo
      // nor SWIG".
      literals: ['C source files not allowed when not using cgo', "but it's not using cgo nor SWIG"],
      re: /(?:package|imports) (?<package>[^\s:]{1,300}): C source files not allowed when not using cgo or SWIG|can't build package (?<package2>[^\s:]{1,300}) because it contains [\w+-]{1,20} files \([^)]{1,300}\) but it's not using cgo nor SWIG/,
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
      // (A paste can lose the space: "exclude allGo files".)
      literals: ['build constraints exclude all Go files', 'build constraints exclude allGo files'],
      re: /(?:(?:(?:imports|go build|package) |^)(?<package>[^\s:]{1,300}): |\.go:\d+:\d+: )build constraints exclude all ?Go files(?: in (?<directory>\S.{0,299}))?$/,
      weight: 0.5,
    },
    {
      id: 'undefined-in-binding',
      // gc inside a binding whose cgo files were left out: "../github.com/mattn/go-sqlite3/tracecallback_noimpl.go:7:
      // undefined: SQLiteConn"; counts only with cgo shown off, in a known binding or in a dependency's source.
      source: 'go (gc)',
      literals: [': undefined: '],
      // "undefined: sqlite3.Error" is code using such a binding (CGO_BINDING_BY_PACKAGE_NAME).
      re: /^(?<file>[^\s:]{1,300}\.go):\d+(?::\d+)?: undefined: (?:(?<qualifier>[a-z][a-z0-9]{1,30})\.)?[A-Za-z_]/,
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
    {
      id: 'go-cross-build',
      // Context only: a go command cross-compiling (cgo off by default), unless it turns cgo on itself.
      source: 'shell',
      literals: ['GOOS=', 'GOARCH='],
      re: CROSS_BUILD,
      weight: 0.1,
    },
  ],
  refine: (ctx): Refinement | null => {
    // A C compiler that was not found is the cause cgo went without; that rule says so with the install command.
    if (ctx.firedRules.has('c-compiler-missing')) return null;
    const crossBuilds = ctx.hits.filter((h) => h.pattern === 'go-cross-build' && !/\bCGO_ENABLED=["']?1\b/.test(h.text));
    const shownOff = ctx.hits.some((h) => h.pattern === 'cgo-turned-off');
    // A cross build leaves out OS-specific files as well, so it explains only a dependency's undefined names (code
    // that compiled when released), not a package excluded whole.
    const crossOff = shownOff || crossBuilds.length > 0;
    const kept = ctx.hits.filter((h) => {
      if (h.pattern === 'cgo-turned-off' || h.pattern === 'go-cross-build') return false;
      if (h.pattern === 'c-files-without-cgo') return !STD_PACKAGE.test(h.captures.package ?? h.captures.package2 ?? '');
      if (h.pattern === 'go-sqlite3-cgo-stub') return true;
      const binding = bindingOf(h);
      // A dependency's own source (the module cache, a vendor/ copy) that compiled before: with cgo shown off, its
      // undefined names are the ones its cgo files define.
      if (h.pattern === 'undefined-in-binding') return crossOff && (binding !== undefined || DEPENDENCY_SOURCE.test(h.captures.file ?? ''));
      return binding !== undefined || shownOff;
    });
    if (kept.length === 0) return null;
    const first = kept[0];
    const binding = bindingOf(first);
    const strong = kept.some((h) => h.pattern === 'c-files-without-cgo' || h.pattern === 'go-sqlite3-cgo-stub');
    const confidence = strong ? 0.9 : binding ? 0.85 : 0.75;
    const pkg = first.captures.package ?? first.captures.package2 ?? first.captures.directory?.trim() ?? (first.pattern === 'undefined-in-binding' && !first.captures.qualifier ? headerPackageOf(first) : undefined) ?? binding;
    return {
      confidence,
      captures: { ...(pkg ? { package: pkg } : {}), ...(binding ? { binding } : {}), _bindingNote: binding && pkg && !pkg.includes(binding) ? ` (part of ${binding})` : '' },
      evidence: [...kept, ...ctx.hits.filter((h) => h.pattern === 'cgo-turned-off').slice(0, 1), ...crossBuilds.slice(0, 1)].sort((a, b) => a.line - b.line).slice(0, 6).map((h) => ({ line: h.line, text: h.text })),
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
