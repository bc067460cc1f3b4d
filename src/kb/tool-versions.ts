// Facts about when build tools gained what a project may use: CMake policies and built-in commands, meson option
// types and functions. An old tool that meets one of them fails with a message that names the feature, not the version it needs;
// these tables turn the feature into the release that added it. Part of kb/: imports nothing outside kb/.

/**
 * The first policy of each CMake release, from Source/cmPolicies.h (policies are numbered in release order; checked
 * against CMake's sources up to 4.5). A CMake that does not know CMP0156 is older than 3.29.
 */
const CMAKE_FIRST_POLICY: ReadonlyArray<readonly [number, string]> = [
  [0, '2.6'], [8, '2.6.1'], [9, '2.6.2'], [10, '2.6.3'], [12, '2.8.0'], [15, '2.8.1'], [16, '2.8.3'], [17, '2.8.4'],
  [18, '2.8.9'], [19, '2.8.11'], [21, '2.8.12'], [24, '3.0'], [51, '3.1'], [55, '3.2'], [57, '3.3'], [64, '3.4'], [66, '3.7'], [67, '3.8'], [68, '3.9'], [70, '3.10'],
  [72, '3.11'], [73, '3.12'], [76, '3.13'], [82, '3.14'], [89, '3.15'], [95, '3.16'], [98, '3.17'], [103, '3.18'],
  [109, '3.19'], [115, '3.20'], [121, '3.21'], [127, '3.22'], [129, '3.23'], [130, '3.24'], [140, '3.25'], [143, '3.26'],
  [144, '3.27'], [152, '3.28'], [156, '3.29'], [162, '3.30'], [171, '3.31'], [181, '4.0'], [186, '4.1'], [198, '4.2'],
  [205, '4.3'], [211, '4.4'],
];
/** The highest policy number the table has checked: a number above it may be a typo, not a newer CMake. */
const CMAKE_LAST_KNOWN_POLICY = 220;

/** The CMake release that introduced policy `CMP0nnn`, or undefined for a number beyond the table. */
export function cmakeReleaseOfPolicy(policy: string): string | undefined {
  const m = /^CMP(\d{4})$/.exec(policy);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n > CMAKE_LAST_KNOWN_POLICY) return undefined;
  let release: string | undefined;
  for (const [first, version] of CMAKE_FIRST_POLICY) if (n >= first) release = version;
  return release;
}

/**
 * Built-in CMake commands (not module functions such as FetchContent_MakeAvailable, which an `include()` provides) and
 * the release whose cmCommands.cxx first registered them. "Unknown CMake command" for one of these can only be a CMake
 * older than that release; for a module's function it is usually a missing include().
 */
const CMAKE_BUILTIN_COMMANDS: Readonly<Record<string, string>> = {
  target_sources: '3.1',
  target_compile_features: '3.1',
  continue: '3.2',
  include_guard: '3.10',
  add_compile_definitions: '3.12',
  add_link_options: '3.13',
  target_link_options: '3.13',
  target_link_directories: '3.13',
  target_precompile_headers: '3.16',
  cmake_language: '3.18',
  cmake_path: '3.20',
  block: '3.25',
  endblock: '3.25',
  cmake_file_api: '3.27',
  cmake_pkg_config: '3.31',
  cmake_instrumentation: '4.0',
};

/**
 * Sub-commands of CMake's list(), string() and file() and the release that added them (the commands' documentation
 * marks each "New in version"). An older CMake says "list does not recognize sub-command TRANSFORM".
 */
const CMAKE_SUBCOMMANDS: Readonly<Record<string, string>> = {
  'list FILTER': '3.6', 'list JOIN': '3.12', 'list SUBLIST': '3.12', 'list TRANSFORM': '3.12', 'list PREPEND': '3.15', 'list POP_BACK': '3.15', 'list POP_FRONT': '3.15',
  'string APPEND': '3.4', 'string PREPEND': '3.10', 'string JOIN': '3.12', 'string REPEAT': '3.15', 'string JSON': '3.19',
  'file LOCK': '3.2', 'file TOUCH': '3.12', 'file TOUCH_NOCREATE': '3.12', 'file CREATE_LINK': '3.14', 'file READ_SYMLINK': '3.14', 'file SIZE': '3.14', 'file GET_RUNTIME_DEPENDENCIES': '3.16',
  'file ARCHIVE_CREATE': '3.18', 'file ARCHIVE_EXTRACT': '3.18', 'file CONFIGURE': '3.18', 'file REAL_PATH': '3.19', 'file CHMOD': '3.19', 'file CHMOD_RECURSE': '3.19', 'file COPY_FILE': '3.21',
};

/** The CMake release that added sub-command `sub` of `command` (list, string, file), or undefined. */
export function cmakeReleaseOfSubcommand(command: string, sub: string): string | undefined {
  return CMAKE_SUBCOMMANDS[`${command.toLowerCase()} ${sub.toUpperCase()}`];
}

/** The CMake release that added built-in command `name` (CMake command names are case-insensitive). */
export function cmakeReleaseOfCommand(name: string): string | undefined {
  return CMAKE_BUILTIN_COMMANDS[name.toLowerCase()];
}

/** meson_options.txt option types and the meson release that added them (string, boolean and combo are original). */
// The CMake release that first reads each schema version of CMakePresets.json / CMakeUserPresets.json (the "version"
// field), from Help/manual/cmake-presets.7.rst's versionadded notes.
const CMAKE_PRESETS_SCHEMA_RELEASE: Readonly<Record<string, string>> = {
  '1': '3.19', '2': '3.20', '3': '3.21', '4': '3.23', '5': '3.24', '6': '3.25', '7': '3.27', '8': '3.28', '9': '3.30', '10': '3.31', '11': '4.3', '12': '4.4',
};

/** The CMake release that first reads presets schema `version`, when the table knows it. */
export function cmakeReleaseOfPresetsSchema(version: string): string | undefined {
  return CMAKE_PRESETS_SCHEMA_RELEASE[String(Number(version))];
}

// Each Visual Studio generator CMake has ("Visual Studio 16 2019"), by Visual Studio's version number: its year, and the
// CMake release that added it (CMake's Help/generator/Visual Studio *.rst, versionadded, and release notes).
const CMAKE_VS_GENERATORS: Readonly<Record<string, { year: string; release: string }>> = {
  '9': { year: '2008', release: '2.6' },
  '10': { year: '2010', release: '2.8' },
  '11': { year: '2012', release: '2.8.10' },
  '12': { year: '2013', release: '2.8.11' },
  '14': { year: '2015', release: '3.1' },
  '15': { year: '2017', release: '3.7.1' },
  '16': { year: '2019', release: '3.14' },
  '17': { year: '2022', release: '3.21' },
  '18': { year: '2026', release: '4.2' },
};

/** The CMake release that added the Visual Studio generator of that version and year ("16", "2019"), when they match. */
export function cmakeReleaseOfVsGenerator(version: string, year: string): string | undefined {
  const generator = CMAKE_VS_GENERATORS[version];
  return generator?.year === year ? generator.release : undefined;
}

const MESON_OPTION_TYPES: Readonly<Record<string, string>> = { array: '0.44', integer: '0.45', feature: '0.47' };

/** The meson release that added option type `type`, or undefined for an original type or a typo. */
export function mesonReleaseOfOptionType(type: string): string | undefined {
  return MESON_OPTION_TYPES[type];
}

/**
 * meson's built-in functions and the first x.y.0 release whose interpreter registers them (from the interpreter's
 * function table in each tag since 0.29; the ones 0.29 already had are left out, as are test-only functions).
 */
const MESON_FUNCTIONS: Readonly<Record<string, string>> = {
  add_global_link_arguments: '0.32',
  environment: '0.35',
  add_project_arguments: '0.36',
  add_project_link_arguments: '0.36',
  join_paths: '0.36',
  shared_module: '0.37',
  add_test_setup: '0.38',
  disabler: '0.44',
  warning: '0.44',
  both_libraries: '0.46',
  subdir_done: '0.46',
  alias_target: '0.52',
  is_disabler: '0.52',
  summary: '0.53',
  range: '0.58',
  install_emptydir: '0.60',
  unset_variable: '0.60',
  install_symlink: '0.61',
  structured_sources: '0.62',
  add_project_dependencies: '0.63',
  debug: '0.63',
};

/** The meson release that added built-in function `name`, or undefined for an original function or a typo. */
export function mesonReleaseOfFunction(name: string): string | undefined {
  return MESON_FUNCTIONS[name];
}

/**
 * The cargo release that stabilised each `cargo-features` gate, from cargo's features table (src/cargo/core/features.rs,
 * later src/workspace/features.rs; checked against cargo 1.95). A cargo older than that release rejects a manifest
 * using the feature with "feature `X` is required"; a gate missing here is still unstable (it needs nightly cargo, not
 * a newer stable one) or was removed.
 */
const CARGO_STABILISED_FEATURES: ReadonlyMap<string, string> = new Map([
  ['edition', '1.31'], ['rename-dependency', '1.31'], ['alternative-registries', '1.34'], ['default-run', '1.37'],
  ['profile-overrides', '1.41'], ['resolver', '1.51'], ['rust-version', '1.56'], ['edition2021', '1.56'],
  ['named-profiles', '1.57'], ['strip', '1.58'], ['workspace-inheritance', '1.64'], ['edition2024', '1.85'],
]);

/** The cargo release that stabilised the `cargo-features` gate `feature`, or undefined for an unstable or unknown one. */
export function cargoReleaseOfFeature(feature: string): string | undefined {
  return CARGO_STABILISED_FEATURES.get(feature);
}
