// wrong-build-invocation: a build tool rejected its own command line, or was pointed at a place that has nothing for
// it: meson or CMake given directories that are not a source tree and a build directory, an option or generator name
// the tool does not have (CMake, meson's argparse, cargo's clap), a cargo command or target that does not exist, a
// Dockerfile or build context that is not there, an npm script the package does not define, a requirements file pip
// cannot open. The command, not the project or the machine, is wrong. Build steps run where nothing was configured
// (ninja, make, `cmake --build` without a cache, node-gyp without binding.gyp) are build-files-not-configured's;
// setup.py's "invalid command 'bdist_wheel'" is the python-module-missing signal's (the wheel package).

import { confidenceOf, defineRule, fillTemplate, type PatternHit } from '../../../rule.js';
import { isKnownCargoPlugin } from '../../../components.js';
import { cargoOffersInstalledPlugin, isVendoredPath, vsGeneratorTooNew } from '../../../signals.js';

/** What went wrong with the command, each with its own story and fix. */
type Family =
  | 'directory'
  | 'cmake-generator'
  | 'cmake-option'
  | 'cmake-build-usage'
  | 'meson-option'
  | 'cargo-option'
  | 'cargo-command'
  | 'cargo-target'
  | 'cargo-feature'
  | 'dockerfile'
  | 'docker-usage'
  | 'docker-reference'
  | 'npm-script'
  | 'pip-requirements'
  | 'vcpkg-usage'
  | 'cli-usage'
  | 'in-source'
  | 'no-autotools'
  | 'rustup-interactive'
  | 'sdk-command';

// Support pattern: CMake quotes a failed compiler check's build output (see the pattern).
const TRY_COMPILE = 'cmake-try-compile-output';

const FAMILY_OF: Record<string, Family> = {
  'meson-neither-directory-has-meson-build': 'directory',
  'meson-source-equals-build': 'directory',
  'cmake-source-directory-does-not-exist': 'directory',
  'cmake-source-directory-without-cmakelists': 'directory',
  'cmake-source-directory-is-file': 'directory',
  'cmake-generator-unknown': 'cmake-generator',
  'cmake-unknown-argument': 'cmake-option',
  'cmake-build-unknown-argument': 'cmake-option',
  'meson-argparse-error': 'meson-option',
  'cargo-unexpected-argument': 'cargo-option',
  'cargo-no-such-command': 'cargo-command',
  'cargo-no-target-named': 'cargo-target',
  'cargo-no-such-feature': 'cargo-feature',
  'docker-dockerfile-not-found': 'dockerfile',
  'docker-build-usage': 'docker-usage',
  'docker-unknown-flag': 'docker-usage',
  'npm-missing-script': 'npm-script',
  'pip-requirements-file-missing': 'pip-requirements',
  'vcpkg-manifest-mode-package-arguments': 'vcpkg-usage',
  'vcpkg-argument-count': 'vcpkg-usage',
  'cmake-build-usage-alone': 'cmake-build-usage',
  'docker-invalid-reference': 'docker-reference',
  'argparse-usage-error': 'cli-usage',
  'getopt-usage-error': 'cli-usage',
  'cmake-in-source-refused': 'in-source',
  'autoreconf-no-configure-ac': 'no-autotools',
  'rustup-init-not-interactive': 'rustup-interactive',
  'cmake-sdk-command-unknown': 'sdk-command',
};

// CMake functions that an SDK's own CMake files define, and how that SDK is meant to drive the build: CMake run on
// such a project by itself (or before the SDK's setup) does not know them. Facts from each SDK's documentation.
interface SdkFacts { sdk: string; how: string; steps: string[]; command?: string }
const SDK_COMMANDS: { re: RegExp; facts: SdkFacts }[] = [
  {
    // ESP-IDF (tools/cmake/*.cmake): idf_component_register, idf_build_*, and the pre-4.0 register_component
    re: /^(?:idf_\w+|register_component)$/,
    facts: {
      sdk: 'ESP-IDF',
      how: 'an ESP-IDF project or component is built with `idf.py build` in a shell where ESP-IDF\'s export script has run, which sets IDF_PATH and the toolchain and includes $IDF_PATH/tools/cmake/project.cmake',
      steps: ['Set up ESP-IDF in the shell (`. $HOME/esp/esp-idf/export.sh`, or the ESP-IDF command prompt on Windows), then build from the project root with `idf.py build`.', 'A component folder is not built on its own: build the project that lists it.'],
      command: 'idf.py build',
    },
  },
  {
    // Raspberry Pi pico-sdk (pico_sdk_init.cmake and its libraries): pico_sdk_init, pico_add_extra_outputs, pico_generate_pio_header...
    re: /^pico_\w+$/,
    facts: {
      sdk: 'the Raspberry Pi Pico SDK',
      how: 'the SDK\'s functions exist only after `include(pico_sdk_import.cmake)` before `project()` has found the SDK, which needs PICO_SDK_PATH (or PICO_SDK_FETCH_FROM_GIT)',
      steps: ['Point the build at the SDK: `export PICO_SDK_PATH=/path/to/pico-sdk` (or `-DPICO_SDK_PATH=...`), in a fresh build directory.', 'The project\'s CMakeLists.txt must `include(pico_sdk_import.cmake)` before `project()` and call `pico_sdk_init()` after it (copy pico_sdk_import.cmake from the SDK\'s external/ folder if the project lacks it).'],
    },
  },
  {
    // Zephyr (cmake/modules/extensions.cmake): zephyr_library, zephyr_sources, zephyr_include_directories...
    re: /^zephyr_\w+$/,
    facts: {
      sdk: 'Zephyr',
      how: 'a Zephyr application is configured by `west build` (or by `find_package(Zephyr)` in its CMakeLists.txt with ZEPHYR_BASE set), which defines the zephyr_* functions',
      steps: ['Build from the west workspace with `west build -b <board> <app>`; with plain CMake, set ZEPHYR_BASE (source zephyr-env.sh) and make the app call `find_package(Zephyr REQUIRED HINTS $ENV{ZEPHYR_BASE})` first.'],
    },
  },
  {
    // Conan 1's cmake generator (conanbuildinfo.cmake) and cmake-conan's conan.cmake: conan_basic_setup, conan_cmake_run...
    re: /^conan_(?:basic_setup|cmake_\w+|target_link_libraries|define_targets|global_flags|set_\w+)$/,
    facts: {
      sdk: 'Conan',
      how: 'conan_basic_setup comes from conanbuildinfo.cmake, which `conan install` writes with Conan 1\'s `cmake` generator (and conan_cmake_* from cmake-conan\'s conan.cmake); Conan 2 writes neither',
      steps: ['Run `conan install` for the build directory before CMake, with the generator the project expects (Conan 1: `conan install .. --build=missing` from the build directory).', 'With Conan 2, which has no conanbuildinfo.cmake, use the project\'s Conan 1 instructions with `pip install "conan<2"`, or move the project to CMakeDeps and CMakeToolchain.'],
    },
  },
];

/** The SDK an unknown CMake command belongs to, if it is one of the table's. */
function sdkOfCommand(command: string | undefined): SdkFacts | undefined {
  return command ? SDK_COMMANDS.find((s) => s.re.test(command))?.facts : undefined;
}

// The usage block a CLI prints under its complaint, which says whose complaint it is (normalised lines are trimmed).
// CMake's --build/--install/--open (cmakemain.cxx): "Usage: cmake --build <dir> [options] ...".
const CMAKE_SUBMODE_USAGE = /^Usage: cmake --(?:build|install|open|workflow)\b/;
// clap 4 (cargo >= 1.66): "Usage: cargo build [OPTIONS]"; clap 2/3 (older cargo): "USAGE:" then "cargo build [OPTIONS]".
const CARGO_USAGE = /^(?:Usage: cargo(?:\.exe)?\b|cargo(?:\.exe)? [\w-]{1,40}\b)/;
// docker CLI (cobra): "Usage:  docker build [OPTIONS] PATH | URL | -" (docker >= 20) or "See 'docker build --help'." (older).
const DOCKER_BUILD_USAGE = /^(?:Usage:\s+docker (?:buildx )?build\b|See 'docker (?:buildx )?build --help')/;

// vcpkg's usage block under an argument error: "Example:" then "  vcpkg install --triplet x64-windows" (older: "Options:").
const VCPKG_USAGE = /^(?:vcpkg(?:\.exe)? [\w-]{1,40}\b|Example:$)/;

/** Whether a hit whose line alone is shared with other programs is vouched for by the usage block after it. */
function vouched(h: PatternHit): boolean {
  const after = h.after.slice(0, 14);
  if (h.pattern === 'cmake-build-unknown-argument') return after.slice(0, 3).some((l) => CMAKE_SUBMODE_USAGE.test(l));
  if (h.pattern === 'cargo-unexpected-argument') {
    // clap 2/3 puts the usage line under "USAGE:"; clap 4 on the same line.
    return after.some((l, i) => /^Usage: cargo(?:\.exe)?\b/.test(l) || (l === 'USAGE:' && CARGO_USAGE.test(after[i + 1] ?? '')));
  }
  // `cargo chef` without cargo-chef installed is a missing plugin (build-tool-missing reads the same line)
  if (h.pattern === 'cargo-no-such-command') return !isKnownCargoPlugin(h.captures.argument ?? '') || cargoOffersInstalledPlugin(after.slice(0, 3));
  // A Visual Studio generator newer than a CMake for Windows (its list shows older ones) is cmake-too-old's.
  if (h.pattern === 'cmake-generator-unknown') return vsGeneratorTooNew(h.text, after) === undefined;
  if (h.pattern === 'argparse-usage-error') {
    // argparse prints "usage: PROG ..." (wrapped over several lines) right above "PROG: error: ..."; meson has its own pattern
    const prog = h.captures._prog ?? '';
    // A project's own script (gen.py) refusing the arguments the build gave it is the project's bug, not the command's.
    if (prog === 'meson' || /\.py$/.test(prog)) return false;
    return h.before.some((l) => l.startsWith(`usage: ${prog} `) || l === `usage: ${prog}`);
  }
  // getopt's complaint is followed by the program's usage or its "Try 'PROG --help'" line
  if (h.pattern === 'getopt-usage-error') return after.slice(0, 3).some((l) => /^(?:[Uu]sage|USAGE):? \S|^Try [`'‘"]?\S+ --help/.test(l));
  // a project's message(FATAL_ERROR) stands under CMake's "CMake Error at CMakeLists.txt:27 (message):"
  if (h.pattern === 'cmake-in-source-refused') return /^CMake Error\b/.test(h.text) || h.before.some((l) => /^CMake Error\b/.test(l));
  // CMake run on an empty directory where submodules live is a submodule not checked out (source-file-missing's).
  if (h.pattern === 'cmake-source-directory-without-cmakelists') return !isVendoredPath(`${h.captures.directory ?? ''}/`);
  if (h.pattern === 'docker-unknown-flag') return after.slice(0, 3).some((l) => DOCKER_BUILD_USAGE.test(l));
  if (h.pattern === 'vcpkg-argument-count') return after.slice(0, 4).some((l) => VCPKG_USAGE.test(l)) || h.before.some((l) => /\bvcpkg(?:\.exe)? /.test(l));
  return true;
}

interface Story {
  tool: string;
  what: string;
  why: string;
  fix: string;
  steps: string[];
  command: string;
  command2?: string;
}

function storyOf(family: Family, first: PatternHit, c: Record<string, string>): Story {
  const arg = c.argument;
  switch (family) {
    case 'sdk-command': {
      const sdk = sdkOfCommand(c.sdkCommand)!;
      return {
        tool: 'CMake',
        what: `CMake does not know the command \`${c.sdkCommand}\`, which ${sdk.sdk} defines: this is ${sdk.sdk === 'Conan' ? 'a project whose dependencies Conan provides' : `${sdk.sdk.replace(/^the /, 'a ')} project`}, and CMake ran without that setup.`,
        why: `The command is not the project's mistake: ${sdk.how}. Running \`cmake\` directly, from a shell without that setup, or in a build directory configured before it, leaves the command undefined.`,
        fix: `Build it the way ${sdk.sdk} expects.`,
        steps: sdk.steps,
        command: sdk.command ?? '',
      };
    }
    case 'cmake-generator':
      return {
        tool: 'CMake',
        what: `CMake has no generator named ${arg ? `"${arg}"` : 'as given'} (\`-G\` takes the exact name from the list CMake prints, e.g. "Unix Makefiles", "Ninja", "Visual Studio 17 2022").`,
        why: 'The usual causes are a misspelled or lower-cased name, a name with spaces that lost its quotes (CMake then sees only "Unix" or "Visual"), an option taken as the name because `-G` had no value, a generator of another platform (the Visual Studio and NMake generators exist only in CMake for Windows, MinGW Makefiles there too), or a CMake older than the generator (Ninja came in CMake 2.8.8, "Visual Studio 17 2022" in 3.21).',
        fix: 'Pass `-G` one of the generators this CMake lists, quoted.',
        steps: [
          '`cmake --help` lists the generators this CMake has (the default one is starred); copy the name exactly, in quotes: `cmake -S . -B build -G "Unix Makefiles"` or `-G Ninja`.',
          'A Visual Studio or NMake generator needs CMake on Windows (and NMake Makefiles a Developer Command Prompt); on Linux or macOS use Ninja or Unix Makefiles.',
          'If the generator is newer than this CMake (`cmake --version`), install a newer CMake (pip install cmake, or the release from cmake.org).',
        ],
        command: 'cmake --help',
      };
    case 'cmake-option':
      return {
        tool: 'CMake',
        what: `CMake does not take the option ${arg ?? 'it was given'} in this mode.`,
        why: 'Each mode of cmake has its own options: `--config`, `--target`, `--parallel`/`-j` belong to `cmake --build <dir>`, `--prefix` and `--component` to `cmake --install <dir>`, and `-D`, `-G`, `-S`, `-B` to the configure step; since CMake 3.20 the configure step rejects an option it does not know instead of ignoring it. A misspelled option, a script written for another CMake version (`--parallel` needs 3.12, `--install` 3.15), or a build-tool flag placed before `--` gives the same error.',
        fix: 'Give each cmake mode only its own options; pass native build-tool flags after `--`.',
        steps: [
          'Configure, then build: `cmake -S . -B build -DCMAKE_BUILD_TYPE=Release`, then `cmake --build build --config Release --parallel`; `cmake --install build --prefix <dir>`.',
          'Flags for the native tool (make, ninja, MSBuild) go after `--`: `cmake --build build -- -k`.',
          'Check the option against `cmake --help` (or `cmake --build` with no arguments) of the CMake that ran (`cmake --version`); a newer option needs a newer CMake.',
        ],
        command: 'cmake --help',
      };
    case 'meson-option':
      return {
        tool: 'Meson',
        what: `meson rejected its command line${arg ? ` (${arg})` : ''}.`,
        why: 'meson\'s options are checked by its argument parser: a misspelled option, an option of another meson command (`meson compile` and `meson setup` take different ones), an option of a newer meson than the one installed, a value for a flag that takes none (`--debug=false`; the option form is `-Ddebug=false`), or a stray word the parser cannot place (an empty shell variable, a value split from its option) all stop it.',
        fix: 'Correct the option for this meson command and version; project and built-in options go as `-Dname=value`.',
        steps: [
          '`meson setup --help` (or `meson compile --help`, ...) lists the options of that command for the meson that ran (`meson --version`).',
          'Built-in and project options take `-D`: `meson setup builddir -Dbuildtype=release -Ddebug=false`; to change them later, `meson configure builddir -Dname=value`.',
          'If a build script passes an option newer than this meson, upgrade meson (`pip install --upgrade meson`) or use the script\'s release that matches it.',
        ],
        command: 'meson setup --help',
      };
    case 'cargo-option':
      return {
        tool: 'cargo',
        what: `cargo does not take the argument ${arg ? `'${arg}'` : 'it was given'} here.`,
        why: 'The option is misspelled or does not exist for this cargo command (`cargo build` has `--release` but no `--debug`, which is the default), it is newer than this cargo, it was typed with a look-alike character (an en dash `–-release` pasted from a web page), or it is meant for the program being run and was not put after `--`.',
        fix: 'Use an option this cargo command has; arguments for your program go after `--`.',
        steps: [
          '`cargo help build` (or `cargo build --help`) lists the options of that command for the cargo that ran (`cargo --version`); cargo prints the similar option it knows, if any.',
          'Arguments for the program itself: `cargo run --release -- --its-flag`.',
          'If the option is newer than this cargo, update the toolchain (`rustup update`).',
        ],
        command: 'cargo help build',
      };
    case 'cargo-command':
      return {
        tool: 'cargo',
        what: `cargo has no command ${arg ? `\`${arg}\`` : 'of that name'}.`,
        why: 'Either the command is misspelled (cargo suggests the close one), it is a cargo extension that is not installed (`cargo x` runs a program named cargo-x on PATH, such as cargo-make or cargo-ndk), or it is a built-in command of a newer cargo (`cargo add` and `cargo remove` came in 1.62 and 1.66).',
        fix: 'Fix the command name, or install the extension that provides it.',
        steps: [
          '`cargo --list` shows the commands this cargo has, extensions included.',
          `For an extension: \`cargo install cargo-${arg ?? '<name>'}\` (check the crate name in the project's instructions), then make sure ~/.cargo/bin is on PATH.`,
          'For a built-in command of newer cargo: `rustup update`.',
        ],
        command: 'cargo --list',
      };
    case 'cargo-target':
      return {
        tool: 'cargo',
        what: `The package has no ${c._kind ?? 'bin'} target named ${arg ? `\`${arg}\`` : 'as given'}.`,
        why: 'Target names come from the package: its `[[bin]]`/`[[example]]`/`[[test]]` sections, or the files under src/bin/, examples/, tests/ (the file name without .rs), and the main binary is named after the package. A typo, a target of another workspace member (add `-p <package>`), or one that needs a feature (`required-features`) gives this error.',
        fix: 'Name a target the package has (cargo lists them), or select the package that has it.',
        steps: [
          'The targets cargo knows: `cargo run --bin` (or `--example`, `--test`) with no name lists them.',
          'In a workspace, select the member that has the target: `cargo run -p <package> --bin <name>`; a target with `required-features` needs `--features <them>`.',
        ],
        command: 'cargo run --bin',
      };
    case 'cargo-feature': {
      const pkg = c._pkgA ?? c._pkgB;
      return {
        tool: 'cargo',
        what: `cargo was asked for the feature ${arg ? `\`${arg}\`` : 'given'} (\`--features\` / \`-F\`), which ${pkg ? `the package \`${pkg}\`` : 'the selected package'} does not have.`,
        why: 'Features are the names under `[features]` in the package\'s Cargo.toml (and, before the `dep:` syntax, its optional dependencies). A misspelled name (cargo suggests the close one), a feature of another workspace member (select it with `-p`, or write `member/feature`), a feature of a dependency (write `dependency/feature`), or one that a newer or older release of the package renamed gives this error.',
        fix: 'Ask for a feature the package has, or select the package that has it.',
        steps: [
          'The features the package has: its `[features]` table, or `cargo metadata --no-deps --format-version 1` (the "features" of each package).',
          'In a workspace, name the member: `cargo build -p <package> --features <feature>`, or `--features <package>/<feature>`.',
        ],
        command: 'cargo metadata --no-deps --format-version 1',
      };
    }
    case 'dockerfile':
      return {
        tool: 'Docker',
        what: `The Docker build found no ${c._file ? `\`${c._file}\`` : c.directory ? `build context at "${c.directory}"` : 'Dockerfile'} where it was told to look.`,
        why: 'docker build reads `Dockerfile` (exactly that name, case-sensitive on Linux, no extension) in the build context unless `-f` names another file; a command run from another directory, a context path (`.`) that is not the project, a Dockerfile named `dockerfile` or `Dockerfile.txt`, a compose or CI setting (`build.context`, `dockerfile:`, a PaaS\'s Dockerfile path) that points elsewhere, or a checkout that lacks the file all end here.',
        fix: 'Point docker build at the Dockerfile and the context directory that exist.',
        steps: [
          'Run from the directory that holds the Dockerfile (`docker build -t name .`), or name both: `docker build -f path/to/Dockerfile path/to/context`.',
          'The file must be named `Dockerfile` exactly unless `-f` says otherwise; in compose, `dockerfile:` is relative to `build.context`.',
          'In CI or a PaaS, check the configured Dockerfile path and working directory against the repository layout (and that the file is committed).',
        ],
        command: 'docker build -f <path/to/Dockerfile> <context directory>',
      };
    case 'docker-usage':
      return {
        tool: 'Docker',
        what: `docker build rejected its command line${arg ? ` (${arg})` : ''}.`,
        why: 'docker build takes exactly one build context (a directory, URL or `-`) after its options: a missing `.` at the end, an extra word (an unquoted value with a space, an empty variable leaving a flag without its value), or an option this docker or buildx does not have stops it before anything is built.',
        fix: 'Give docker build its options and exactly one context.',
        steps: [
          '`docker build [OPTIONS] PATH | URL | -`: e.g. `docker build -t name:tag .` (note the final `.`).',
          'Quote values with spaces (`--build-arg "X=a b"`); check an option against `docker build --help` of the docker that ran (BuildKit options such as `--platform` lists or `--secret` need buildx).',
        ],
        command: 'docker build --help',
      };
    case 'npm-script':
      return {
        tool: 'npm',
        what: `The package.json npm read has no script ${arg ? `"${arg}"` : 'of that name'}.`,
        why: 'npm run only runs the entries of the "scripts" section of the package.json in the current directory (or the workspace it is told to use); a typo, a command run in another directory (a monorepo root instead of the package, or the reverse), or instructions written for another version of the project give this error.',
        fix: 'Run a script the package defines, from its directory.',
        steps: [
          '`npm run` with no name lists the scripts of the package.json in this directory.',
          '`cd` into the package that defines the script, or in a workspace: `npm run <script> -w <package>`.',
        ],
        command: 'npm run',
      };
    case 'vcpkg-usage':
      return {
        tool: 'vcpkg',
        what: c._manifest || (arg === 'install' && c._count === '0')
          ? 'vcpkg runs in manifest mode here (a vcpkg.json was found in this directory or above), where `vcpkg install` takes no package names.'
          : `vcpkg's \`${arg}\` command was given a number of arguments it does not take.`,
        why: 'vcpkg has two modes. In manifest mode, chosen whenever a vcpkg.json sits in the current directory or a parent (a project\'s own, or one left in the vcpkg checkout), the dependencies are the ones vcpkg.json lists and `vcpkg install` installs exactly those; package names on the command line are refused (vcpkg before 2022 said only "\'install\' requires 0 arguments"). In classic mode, `vcpkg install <port>...` installs the named ports. A CI action or script written for one mode, run where the other applies, ends here.',
        fix: 'Add the packages to vcpkg.json and run `vcpkg install` without names, or run vcpkg outside the manifest (classic mode).',
        steps: [
          'Manifest mode: add the ports to "dependencies" in vcpkg.json (`vcpkg add port <name>`), then `vcpkg install` with no package names (CMake with the vcpkg toolchain file does this at configure time).',
          'Classic mode: run `vcpkg install <port>` from a directory with no vcpkg.json above it, or pass `--classic`.',
          'Check which manifest vcpkg used: it prints "Using manifest file at ..."; a stray vcpkg.json in the vcpkg checkout or a parent directory switches every call to manifest mode.',
        ],
        command: 'vcpkg install',
      };
    case 'pip-requirements':
      return {
        tool: 'pip',
        what: `pip could not open the requirements file ${c._file ? `'${c._file}'` : 'it was given'}: it does not exist there.`,
        why: 'pip -r reads the path relative to the current directory, so the command ran in another directory than the project\'s (a fresh terminal starts in the home directory), the project was not downloaded or cloned first, the name differs (requirement.txt, requirements/base.txt), or a Dockerfile did not COPY the file before the RUN that installs it.',
        fix: 'Run pip from the directory that holds the requirements file, or give its path.',
        steps: [
          '`cd` into the project (where the file is) first, or pass the path: `python -m pip install -r path/to/requirements.txt`.',
          'In a Dockerfile, `COPY requirements.txt .` before `RUN pip install -r requirements.txt`.',
        ],
        command: 'python -m pip install -r <path/to/requirements.txt>',
      };
    case 'cmake-build-usage':
      return {
        tool: 'CMake',
        what: '`cmake --build` printed its usage instead of building: it was given no build directory, or arguments it could not place.',
        why: '`cmake --build` needs the build directory the configure step wrote (`cmake --build build`); a script whose directory variable was empty, options put before the directory in an old CMake, or a configure step that was skipped all end here.',
        fix: 'Give `cmake --build` the directory that the configure step (`cmake -S . -B <dir>`) created.',
        steps: ['Configure, then build: `cmake -S . -B build`, then `cmake --build build` (options after the directory; native flags after `--`).', 'In a script, print the directory variable before the call: an empty one leaves `cmake --build` with nothing to build.'],
        command: 'cmake --build build',
      };
    case 'docker-reference':
      return {
        tool: 'Docker',
        what: `Docker rejected an image name${arg ? ` ("${arg}")` : ''}: it is not a valid reference.`,
        why: 'An image reference is lower case, `[registry/]name[:tag|@digest]`, with no leading slash or spaces: an upper-case letter in `-t MyApp`, an empty variable (`-t :latest`, `/image`, `FROM rust:${RUST_VERSION}` with the ARG unset), or a stray space or quote in the name each give this error.',
        fix: 'Use a lower-case image name, and check that the variables in it are set.',
        steps: ['`docker build -t myapp:latest .` (lower case); in CI, echo the variables that make up the name before the docker command.', 'For a FROM line built from an ARG, give the ARG a default (`ARG RUST_VERSION=1.83`) or pass `--build-arg`.'],
        command: 'docker build -t <lowercase-name>:<tag> .',
      };
    case 'cli-usage': {
      const tool = c.tool ?? c._prog ?? 'The tool';
      return {
        tool,
        what: `\`${tool}\` rejected its command line${arg ? `: ${arg}` : ''}.`,
        why: 'The option or command is misspelled, belongs to another subcommand, is newer than the installed release of the tool, or lost its value (an empty shell variable, a split quote); the tool stopped before doing any work.',
        fix: `Correct the arguments of ${tool} (its --help lists what this release accepts).`,
        steps: [`\`${tool} --help\` (or the subcommand's --help) shows the options of the release that ran; compare them with the build instructions.`, 'If the instructions use an option this release lacks, upgrade the tool or follow the instructions for its release.'],
        command: `${tool} --help`,
      };
    }
    case 'in-source':
      return {
        tool: 'CMake',
        what: 'The project refuses to be configured in its own source directory (an in-source build).',
        why: 'Many CMake projects stop when the build directory is the source directory, because the generated files would mix with the sources; `cmake .` in the checkout, or an IDE or CI step that configures in place, does that. The failed attempt also leaves CMakeCache.txt and CMakeFiles/ in the source tree, which must go before a new configure.',
        fix: 'Configure in a separate build directory, after removing what the in-source attempt left.',
        steps: ['Remove the in-source leftovers: `rm -rf CMakeCache.txt CMakeFiles` in the source directory.', 'Configure out of source: `cmake -S . -B build`, then `cmake --build build`.'],
        command: 'rm -rf CMakeCache.txt CMakeFiles',
        command2: 'cmake -S . -B build',
      };
    case 'no-autotools':
      return {
        tool: 'autoreconf',
        what: 'autoreconf found no configure.ac (or configure.in) in this directory.',
        why: 'The directory is not the top of an autotools project: the command ran elsewhere (a subdirectory, the parent), the project builds with another system (a plain Makefile, CMake, meson), or a release tarball already ships a generated ./configure.',
        fix: "Run the project's own build steps from its top directory; use autoreconf only where configure.ac is.",
        steps: ['`ls` the top directory: a Makefile means `make`, CMakeLists.txt means CMake, meson.build means meson, a ready `configure` script means `./configure && make`.', 'If configure.ac is in a subdirectory, run autoreconf there.'],
        command: 'ls configure.ac configure Makefile CMakeLists.txt meson.build',
      };
    case 'rustup-interactive':
      return {
        tool: 'rustup',
        what: 'rustup-init asked for confirmation, and there was no terminal to answer it.',
        why: 'In a Dockerfile, CI job or `curl ... | sh` pipeline, rustup-init has no interactive input; without `-y` it stops at its menu. `-y` must reach rustup-init itself: with `curl ... | sh`, it goes after `sh -s --`.',
        fix: 'Run rustup-init with -y (through `sh -s -- -y` when piping the installer).',
        steps: ["`curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y` (add `--default-toolchain <ver> --profile minimal` as needed).", 'Then put `$HOME/.cargo/bin` on PATH for the later steps (`. "$HOME/.cargo/env"`, or `ENV PATH=/root/.cargo/bin:$PATH` in a Dockerfile).'],
        command: "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y",
      };
    case 'directory': {
      const tool = first.pattern.startsWith('cmake-') ? 'CMake' : 'Meson';
      const fill = (t: string) => fillTemplate(t, { ...c, tool });
      return { tool, what: fill(DIRECTORY_WHAT), why: DIRECTORY_WHY, fix: DIRECTORY_FIX, steps: DIRECTORY_STEPS.map(fill), command: 'meson setup builddir', command2: 'cmake -S . -B build' };
    }
  }
}

export default defineRule({
  id: 'wrong-build-invocation',
  title: 'The build command was wrong: a rejected option or command, or the wrong place',
  summary: 'A build tool (CMake, meson, cargo, docker, npm, pip, vcpkg, autoreconf, rustup-init, or any CLI through argparse or getopt) rejected its own command line, or was pointed at directories or files that are not there.',
  category: 'toolchain',
  captures: {
    tool: { type: 'string', doc: 'the tool that rejected its command line (CMake, Meson, cargo, Docker, npm, pip, vcpkg, autoreconf, rustup, or the program named in a getopt or argparse complaint)' },
    directory: { type: 'path', doc: 'the source directory (or Docker build context) it was given, when the log names it', optional: true },
    argument: { type: 'string', doc: 'the option, generator, command, target or script it rejected, when the log names it', optional: true },
  },
  internal: ['argument2', 'sdkCommand'],
  // clap's usage block sits up to 6 lines under its error; a PowerShell error record can add 6 more.
  contextAfter: 14,
  // vcpkg's argument-count error is vouched for by the command on the lines before it, argparse's by its usage block
  // (up to six lines when it wraps), a project's in-source refusal by CMake's error header.
  contextBefore: 6,
  patterns: [
    {
      id: 'meson-neither-directory-has-meson-build',
      // meson setup (msetup.py validate_core_dirs): "ERROR: Neither directory contains a build file meson.build." (older meson: under
      // "Error during basic setup:"); recent meson: "ERROR: Neither source directory 'build' nor build directory None contain a build
      // file meson.build." Also for `meson install` mistyped for `ninja install` on a meson that reads it as `meson setup install`.
      source: 'meson setup',
      literals: ['Neither directory contains a build file', 'contain a build file meson.build'],
      re: /^(?:ERROR: )?Neither (?:directory contains|source directory '[^']{0,400}' nor build directory \S{1,400} contain) a build file meson\.build/,
      weight: 0.85,
    },
    {
      id: 'meson-source-equals-build',
      // meson setup: "ERROR: Source and build directories must not be the same. Create a pristine build directory."
      source: 'meson setup',
      literals: ['Source and build directories must not be the same'],
      re: /^(?:ERROR: )?Source and build directories must not be the same/,
      weight: 0.85,
    },
    {
      id: 'cmake-source-directory-does-not-exist',
      // CMake (cmake.cxx DoPreConfigureChecks): 'CMake Error: The source directory "/x/nosuch" does not exist.' then "Specify --help
      // for usage, or press the help button on the CMake GUI."
      source: 'CMake',
      literals: ['" does not exist.'],
      re: /CMake Error: The source directory "(?<directory>[^"]{1,400})" does not exist\./,
      weight: 0.8,
    },
    {
      id: 'cmake-source-directory-without-cmakelists',
      // CMake (cmake.cxx, 2.x to 4.x): 'CMake Error: The source directory "/x/build" does not appear to contain CMakeLists.txt.'
      // then "Specify --help for usage, ...". add_subdirectory's different wording ("does not contain a CMakeLists.txt file")
      // is source-file-missing's.
      source: 'CMake',
      literals: ['does not appear to contain CMakeLists.txt'],
      re: /CMake Error: The source directory "(?<directory>[^"]{1,400})" does not appear to contain CMakeLists\.txt/,
      weight: 0.8,
    },
    {
      id: 'cmake-source-directory-is-file',
      // CMake (cmake.cxx DoPreConfigureChecks, since 2003): 'CMake Error: The source directory "/x/CMakeLists.txt" is a file, not a
      // directory.' (`cmake -S` or `cmake <path>` given a file)
      source: 'CMake',
      literals: ['" is a file, not a directory.'],
      re: /CMake Error: The source directory "(?<directory>[^"]{1,400})" is a file, not a directory\./,
      weight: 0.8,
    },
    {
      id: 'cmake-generator-unknown',
      // CMake (cmake.cxx, 2.4 to 4.x; also for CMAKE_GENERATOR and presets): "CMake Error: Could not create named generator Unix
      // Makefile" then the "Generators" list; `-G` with no value: "CMake Error: No generator specified for -G".
      source: 'CMake',
      literals: ['CMake Error: Could not create named generator', 'CMake Error: No generator specified for -G'],
      re: /^CMake Error: (?:Could not create named generator (?<argument>\S.{0,200})|No generator specified for -G)/,
      weight: 0.85,
    },
    {
      id: 'cmake-unknown-argument',
      // CMake >= 3.20 (cmake.cxx SetArgs, "Error out on unknown arguments starting with -"): "CMake Error: Unknown argument --foo"
      // then "CMake Error: Run 'cmake --help' for all supported options." Only at the start of a line: the same text indented
      // inside a try_compile's output is a compiler set to cmake itself, not the user's command.
      source: 'CMake >= 3.20',
      literals: ['CMake Error: Unknown argument '],
      re: /^CMake Error: Unknown argument (?<argument>\S.{0,200})/,
      weight: 0.85,
    },
    {
      id: 'cmake-build-unknown-argument',
      // cmake --build / --install / --open (cmakemain.cxx, since 2009; an error exit since 3.20.3): "Unknown argument --paralel"
      // then "Usage: cmake --build <dir> [options] ..." (the usage line is required: other programs print the bare words too).
      source: 'cmake --build/--install',
      literals: ['Unknown argument '],
      re: /^Unknown argument (?<argument>-{0,2}[\w=.:+/-]{1,200})\s*$/,
      weight: 0.8,
    },
    {
      id: TRY_COMPILE,
      // CMake's compiler check quoting the failed test build (CMakeTestCCompiler.cmake): "is not able to compile a simple test
      // program." then "Run Build Command(s):..." and the compiler's output. A "CMake Error: Unknown argument -c" after it is
      // that compiler's output (CC or CMAKE_C_COMPILER set to cmake itself), not the user's command line.
      source: 'CMake',
      literals: ['is not able to compile a simple test program', 'Run Build Command(s):'],
      re: /is not able to compile a simple test program|^Run Build Command\(s\):/,
      weight: 0.05,
    },
    {
      id: 'meson-argparse-error',
      // meson (Python argparse, mesonmain.py: prog "meson" for the top level, "meson <command>" for each command):
      // "meson setup: error: argument --debug: ignored explicit argument 'false'", "meson: error: unrecognized arguments: --jobz",
      // "meson configure: error: unrecognized arguments: --buildtype release" (0.45), "meson compile: error: argument --vs-args:
      // expected one argument", "... error: argument --buildtype: invalid choice: 'fast' (choose from ...)", "... the following
      // arguments are required: ...".
      source: 'meson (argparse)',
      literals: ['meson: error: ', ': error: argument ', ': error: unrecognized arguments', ': error: the following arguments are required'],
      re: /^meson(?: [a-z][a-z0-9]{1,20})?: error: (?:unrecognized arguments: (?<argument>\S.{0,300})|argument (?<argument2>[^:\s]{1,100}): |the following arguments are required: )/,
      weight: 0.85,
    },
    {
      id: 'cargo-unexpected-argument',
      // cargo's clap >= 4.1 (cargo >= 1.68): "error: unexpected argument '--relase' found" (then "tip: a similar argument exists" and
      // "Usage: cargo build [OPTIONS]"); clap 2, 3 and 4.0 (older cargo): "error: Found argument '--debug' which wasn't expected, or isn't
      // valid in this context" then "USAGE:" / "cargo build [OPTIONS]". Every clap program prints the first line; the usage line
      // under it must name cargo.
      source: 'cargo (clap)',
      literals: ['error: unexpected argument ', 'which wasn\'t expected, or isn\'t valid in this context'],
      re: /^error: (?:unexpected argument '(?<argument>[^']{1,200})' found|Found argument '(?<argument2>[^']{1,200})' which wasn't expected, or isn't valid in this context)/,
      weight: 0.8,
    },
    {
      id: 'cargo-no-such-command',
      // cargo (cli.rs execute_external_subcommand): >= 1.66 "error: no such command: `biuld`" then "help: a command with a similar
      // name exists: `build`"; older "error: no such subcommand: `biuld`" then "Did you mean `build`?"
      source: 'cargo',
      literals: ['error: no such command: `', 'error: no such subcommand: `'],
      re: /^error: no such (?:sub)?command: `(?<argument>[^`\s]{1,100})`/,
      weight: 0.8,
    },
    {
      id: 'cargo-no-target-named',
      // cargo (ops/cargo_compile/unit_generator.rs): "error: no bin target named `server` in default-run packages" (>= 1.87), older
      // "error: no bin target named `server`"; likewise example, test and bench targets.
      source: 'cargo',
      literals: ['target named `', "target named '"],
      re: /^error: no (?<_kind>bin|example|test|bench) target named [`'](?<argument>[^`'\s]{1,100})[`']/,
      weight: 0.8,
    },
    {
      id: 'cargo-no-such-feature',
      // cargo refusing a --features/-F name the selected package does not have: resolver 1 (1.50+) "error: Package `demo
      // v0.1.0 (/p)` does not have the feature `fsat`" (lower case "package" from about 1.9x), resolver 2 (1.55-1.83)
      // "error: none of the selected packages contains these features: fsat, did you mean: fast?", 1.84+ "error: the
      // package 'demo' does not contain this feature: fsat". Not a dependency's missing feature ("package `app` depends on
      // `demo` with feature `fsat` but `demo` does not have that feature"), and not 1.28-1.49's "does not have these
      // features", which cargo before 1.28 printed for dependencies too
      source: 'cargo',
      literals: ['does not have the feature `', 'does not contain this feature: ', 'does not contain these features: ', 'selected packages contains '],
      re: /^error: (?:[Pp]ackage `(?<_pkgA>[^`\s]{1,100}) [^`]{1,200}` does not have the feature `(?<argument>[^`]{1,200})`|(?:the package '(?<_pkgB>[^'\s]{1,100})' does not contain|none of the selected packages contains) (?:this feature|these features): (?<argument2>[^\s,]{1,100}))/,
      weight: 0.85,
    },
    {
      id: 'docker-dockerfile-not-found',
      // BuildKit's Dockerfile frontend: "failed to solve: failed to read dockerfile: open Dockerfile: no such file or directory"
      // (older: "failed to solve with frontend dockerfile.v0: failed to read dockerfile: open /var/lib/docker/tmp/buildkit-mount1/Dockerfile:
      // no such file or directory"); the legacy builder (docker CLI build context): "unable to prepare context: unable to evaluate
      // symlinks in Dockerfile path: lstat /x/Dockerfile: no such file or directory" and 'unable to prepare context: path "x" not
      // found'. Only a missing file: "failed to read dockerfile: failed to mount ..." is the builder's own trouble.
      source: 'docker build (BuildKit, legacy builder)',
      literals: ['failed to read dockerfile: open ', 'unable to evaluate symlinks in Dockerfile path', 'unable to prepare context: path "'],
      re: /failed to read dockerfile: open (?<_file>[^:\s]{1,400}): no such file or directory|unable to prepare context: unable to evaluate symlinks in Dockerfile path: (?:lstat|GetFileAttributesEx) (?<_file2>[^\s]{1,400}): (?:no such file or directory|The system cannot find the (?:file|path) specified\.)|unable to prepare context: path "(?<directory>[^"]{1,400})" not found/,
      weight: 0.85,
    },
    {
      id: 'docker-build-usage',
      // docker CLI (cli/required.go ExactArgs): '"docker build" requires exactly 1 argument.' (docker 17-27; 1.13-17.0x wrote
      // "argument(s)"; 1.x 'docker: "build" requires 1 argument.'), buildx: 'ERROR: "docker buildx build" requires exactly 1
      // argument.'; docker 28: "docker: 'docker build' requires 1 argument"
      source: 'docker build / buildx',
      literals: ['build" requires exactly 1 argument', "build' requires 1 argument", 'docker: "build" requires 1 argument'],
      re: /^(?:(?:ERROR: |docker: )?(?:"docker (?:buildx )?build" requires exactly 1 argument(?:\(s\))?\.|'docker (?:buildx )?build' requires 1 argument)|docker: "build" requires 1 argument\.)/,
      weight: 0.8,
    },
    {
      id: 'docker-unknown-flag',
      // pflag under the docker CLI: "unknown flag: --tagg" / "unknown shorthand flag: 'x' in -x", then "See 'docker build --help'."
      // (older) or "Usage:  docker build [OPTIONS] PATH | URL | -" (docker >= 20); the usage line must name docker build.
      source: 'docker build (cobra/pflag)',
      literals: ['unknown flag: ', 'unknown shorthand flag: '],
      re: /^(?:ERROR: |docker: )?unknown (?:shorthand flag: '\S' in (?<argument>-\S{1,100})|flag: (?<argument2>-{1,2}\S{1,100}))/,
      weight: 0.8,
    },
    {
      id: 'npm-missing-script',
      // npm >= 7 (run-script): 'npm ERR! Missing script: "build"' (npm 10+: "npm error Missing script: ..."); npm <= 6: "npm ERR!
      // missing script: build" (normalisation peels that prefix); pnpm: "ERR_PNPM_NO_SCRIPT  Missing script: build".
      source: 'npm / pnpm',
      literals: ['Missing script: ', 'missing script: '],
      re: /^(?:npm (?:ERR!|error) |ERR_PNPM_NO_SCRIPT\s{1,4})?(?:Missing script: "(?<argument>[^"]{1,100})"|[Mm]issing script: (?<argument2>[^\s"]{1,100}))\s*$/,
      weight: 0.8,
    },
    {
      id: 'pip-requirements-file-missing',
      // pip (req_file.py get_file_content): >= 10 "ERROR: Could not open requirements file: [Errno 2] No such file or directory:
      // 'requirements.txt'"; older pip without "ERROR: ". Errno 2 only: another errno is permissions or a directory.
      source: 'pip',
      literals: ['Could not open requirements file: [Errno 2]'],
      re: /^(?:ERROR: )?Could not open requirements file: \[Errno 2\] [^:]{1,100}: '(?<_file>[^']{1,400})'/,
      weight: 0.85,
    },
    {
      id: 'vcpkg-manifest-mode-package-arguments',
      // vcpkg-tool 2021-12+ (microsoft/vcpkg-tool#288): "error: In manifest mode, `vcpkg install` does not support individual
      // package arguments." ("Error: " before 2023), then "To install additional packages, edit vcpkg.json and then run `vcpkg
      // install` without any package arguments." and "Using manifest file at <path>/vcpkg.json."
      source: 'vcpkg',
      literals: ['does not support individual package arguments'],
      re: /^(?:[Ee]rror: )?In manifest mode, `vcpkg (?<_manifest>\w{1,20})` does not support individual package arguments/,
      weight: 0.85,
    },
    {
      id: 'vcpkg-argument-count',
      // vcpkg's argument parser (older vcpkg, and today's for other commands): "Error: 'install' requires 0 arguments, but 1
      // were provided." ("error: " from 2023), "'x-add-version' requires at least 1 arguments, but 0 were provided."; only with a
      // vcpkg usage block after it ("Example:" / "vcpkg install --triplet ...") or vcpkg named on the lines before
      source: 'vcpkg',
      literals: ["arguments, but ", "argument, but "],
      re: /^(?:[Ee]rror: )?'(?<argument>[\w-]{1,40})' requires (?:at least |at most )?(?<_count>\d+) arguments?, but \d+ (?:were|was) provided\.?$/,
      weight: 0.8,
    },
    {
      id: 'cmake-build-usage-alone',
      // cmake --build with no build directory (or arguments it cannot place) prints only its usage block (cmakemain.cxx):
      // "Usage: cmake --build <dir>             [options] [-- [native-options]]". With "Unknown argument" above it,
      // cmake-build-unknown-argument tells the story.
      source: 'CMake',
      literals: ['Usage: cmake --build <dir>'],
      re: /^Usage: cmake --build <dir>\s/,
      weight: 0.8,
    },
    {
      id: 'docker-invalid-reference',
      // distribution/reference under the docker CLI and BuildKit: "docker: invalid reference format" (docker run), 'invalid
      // argument "MyApp:latest" for "-t, --tag" flag: invalid reference format: repository name (library/MyApp) must be
      // lowercase', BuildKit 'ERROR: invalid tag "x": invalid reference format' and 'failed to parse stage name "rust:": invalid
      // reference format' (an ARG that was empty in FROM).
      source: 'docker CLI / BuildKit (distribution/reference)',
      literals: ['invalid reference format'],
      re: /(?:^(?:docker: |ERROR: |Error: )?invalid reference format\b|for "-t, --tag" flag: invalid reference format|invalid tag "(?<argument>[^"]{1,200})": invalid reference format|failed to parse stage name "(?<argument2>[^"]{0,200})": invalid reference format)/,
      weight: 0.8,
    },
    {
      id: 'argparse-usage-error',
      // Python's argparse, for any build tool written with it (west, python -m venv/build, conan 2, scons' helpers): "usage:
      // west [-h] ..." then "west: error: argument <command>: invalid choice: 'build' (choose from ...)", "venv: error:
      // unrecognized arguments: --bogus", "... error: the following arguments are required: ...". Vouched by the usage line.
      source: 'argparse (Python CLIs)',
      literals: [': error: unrecognized arguments', ': error: argument ', ': error: the following arguments are required'],
      re: /^(?<_prog>[\w.-]{1,40})(?: [\w-]{1,30})?: error: (?<argument>(?:unrecognized arguments: |argument |the following arguments are required: ).{1,300})/,
      weight: 0.8,
    },
    {
      id: 'getopt-usage-error',
      // glibc getopt under a C tool (ninja, make's helpers, ld, tar): "ninja: invalid option -- 'z'", "tar: unrecognized option
      // '--bogus'", "x: option requires an argument -- 'C'", then the tool's usage or "Try 'x --help' ..." (vouched by it).
      source: 'getopt (glibc)',
      literals: [': invalid option -- ', ": unrecognized option '", ': option requires an argument -- '],
      re: /^(?:[\w./-]{0,200}\/)?(?<tool>[\w.+-]{1,40}): (?:(?:invalid option|option requires an argument) -- '(?<argument>.)'|unrecognized option '(?<argument2>[^']{1,100})')/,
      weight: 0.8,
    },
    {
      id: 'cmake-in-source-refused',
      // A project's own guard against building in its source tree, printed by message(FATAL_ERROR) under "CMake Error at
      // CMakeLists.txt:N (message):": "In-source builds are not allowed", "In-source build detected", "Building from within
      // the aom source tree is not supported" (wordings of real projects; CMake itself has no such check).
      source: 'CMake projects (message(FATAL_ERROR))',
      literals: ['n-source build', 'source tree is not', 'source directory is not'],
      re: /(?:\b[Ii]n-source builds? (?:are |is )?(?:not (?:allowed|supported|permitted)|disabled|forbidden|prohibited|detected)|\b[Bb]uilding (?:from )?(?:within|in(?:side)?) the [\w .\/-]{0,40}source (?:tree|directory) is not (?:supported|allowed|permitted))/,
      weight: 0.8,
    },
    {
      id: 'autoreconf-no-configure-ac',
      // autoreconf (autoconf 2.69-2.72) run where there is no configure.ac: "autoreconf: 'configure.ac' or 'configure.in' is
      // required" (2.69), "autoreconf: error: 'configure.ac' is required" (2.72).
      source: 'autoreconf (autoconf)',
      literals: ["'configure.ac' or 'configure.in' is required", "'configure.ac' is required"],
      re: /^autoreconf[\w.-]{0,8}: (?:error: )?'configure\.ac' (?:or 'configure\.in' )?is required/,
      weight: 0.85,
    },
    {
      id: 'cmake-sdk-command-unknown',
      // CMake (cmMakefile): "CMake Error at CMakeLists.txt:6 (pico_sdk_init):" / "Unknown CMake command
      // "pico_sdk_init"." for a command an SDK's CMake files define (SDK_COMMANDS; refine keeps only those). Any other
      // unknown command is the project's own (a missing include(), a misspelling), not a way of running the build.
      source: 'CMake',
      literals: ['Unknown CMake command "'],
      re: /Unknown CMake command "(?<sdkCommand>(?:idf|pico|zephyr|conan)_\w{1,60}|register_component)"/,
      weight: 0.8,
    },
    {
      id: 'rustup-init-not-interactive',
      // rustup-init with no terminal and no -y: older releases "rustup: Unable to run interactively. Run with -y to accept
      // defaults, --help for additional options"; 1.2x+ "error: unable to read from stdin for confirmation" (then "no lines
      // found from stdin") under its "1) Proceed with standard installation" menu.
      source: 'rustup-init',
      literals: ['Unable to run interactively. Run with -y', 'unable to read from stdin for confirmation'],
      re: /(?:^rustup: Unable to run interactively\. Run with -y|^error: unable to read from stdin for confirmation)/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const tryCompile = ctx.hits.filter((h) => h.pattern === TRY_COMPILE).map((h) => h.line);
    const quoted = (h: PatternHit) => h.pattern === 'cmake-unknown-argument' && tryCompile.some((l) => l < h.line);
    const hits = ctx.hits.filter((h) => FAMILY_OF[h.pattern] && vouched(h) && !quoted(h) && (h.pattern !== 'cmake-sdk-command-unknown' || sdkOfCommand(h.captures.sdkCommand)));
    if (hits.length === 0) return null;
    const first = hits.reduce((a, b) => (b.line < a.line ? b : a));
    const family = FAMILY_OF[first.pattern];
    const own = hits.filter((h) => FAMILY_OF[h.pattern] === family);
    const argument = (first.captures.argument ?? first.captures.argument2)?.trim();
    const file = first.captures._file ?? first.captures._file2;
    const captures: Record<string, string> = { ...first.captures, ...(argument ? { argument } : {}), ...(file ? { _file: file } : {}) };
    delete captures.argument2;
    delete captures._file2;
    const s = storyOf(family, first, captures);
    return {
      confidence: confidenceOf(own),
      captures: {
        ...captures,
        tool: s.tool,
        _what: s.what,
        _why: s.why,
        _fix: s.fix,
        _step1: s.steps[0] ?? '',
        _step2: s.steps[1] ?? '',
        _step3: s.steps[2] ?? '',
        _step4: s.steps[3] ?? '',
        _command: s.command,
        _command2: s.command2 ?? '',
      },
      evidence: own.map((h) => ({ line: h.line, text: h.text })),
    };
  },
  explanation: '{{_what}} {{_why}}',
  fix: {
    summary: '{{_fix}}',
    steps: ['{{_step1|}}', '{{_step2|}}', '{{_step3|}}', '{{_step4|}}'],
    commands: ['{{_command|}}', '{{_command2|}}'],
  },
});

const DIRECTORY_WHAT =
  '{{tool}} was run with directories it cannot use: the source directory it was given ({{directory|the one on the command line}}) ' +
  'does not exist, is a file, or holds no build file (meson.build, CMakeLists.txt), or the source and build directories are the same.';
const DIRECTORY_WHY =
  'The usual causes are running the command from another directory than the instructions assume (inside `build/`, or in a parent ' +
  'folder), a typo in the path, or a mistyped step (`meson install` where the instructions say `ninja install`, which an old meson ' +
  'reads as `meson setup install`). When that directory is a git submodule of the project (or a vendored dependency), it is usually ' +
  'empty because the repository was cloned without its submodules or downloaded as a ZIP archive, which has none.';
const DIRECTORY_FIX = "Run the configure command from the project's top directory, with a separate build directory.";
const DIRECTORY_STEPS = [
  'Meson: from the directory that holds the top-level meson.build, `meson setup builddir`; then `meson compile -C builddir` and `meson install -C builddir` (or `ninja -C builddir install`).',
  'CMake: `cmake -S <top-level source directory> -B build`, with the path that holds the top-level CMakeLists.txt (run from the project root, or point -S there; `cmake ..` only works from a build directory directly inside it).',
  'If {{directory|that directory}} is a git submodule (an empty directory in a clone), fetch it: `git submodule update --init --recursive` in the project root; a ZIP download has no submodules, so clone with `git clone --recursive` instead.',
  'Check the build instructions for the exact commands; a typo in one of them is a common cause.',
];
