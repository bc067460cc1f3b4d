// Boost libraries that Boost itself dropped (Boost release notes): Boost.System's stub library in 1.89 (header-only
// since 1.69), Boost.Signals in 1.69. BoostConfig.cmake of such a Boost finds no "boost_system" package in any
// install: the project asks for a component this Boost no longer has, which no package provides. Pure data and
// lookups, shared by the signals' routing, native-lib-missing (which leaves such a component alone) and
// dependency-version-incompatible (which reports it).

const REMOVED_BOOST_COMPONENTS: Readonly<Record<string, readonly [number, number]>> = { boost_system: [1, 89], boost_signals: [1, 69] };

/** Whether `library` (a CMake package name such as "boost_system") is a component that some Boost release removed. */
export function isRemovedBoostComponent(library: string): boolean {
  return Object.hasOwn(REMOVED_BOOST_COMPONENTS, library.toLowerCase());
}

/**
 * The Boost version being searched and the release that removed `library`, when `lines` (a CMake error and the lines
 * around it) show a Boost at or past that release: "(requested version 1.89.0)" on the line after CMake's "Could not
 * find a package configuration file provided by", or the BoostConfig path ".../cmake/Boost-1.89.0/BoostConfig.cmake".
 */
export function removedBoostComponent(library: string, lines: readonly string[]): { boostVersion: string; removedIn: string } | undefined {
  const key = library.toLowerCase();
  if (!Object.hasOwn(REMOVED_BOOST_COMPONENTS, key)) return undefined;
  const removedIn = REMOVED_BOOST_COMPONENTS[key];
  // CMake (requested version of the config package) / BoostConfig.cmake's install path
  const version = lines.map((l) => /requested version (\d+)\.(\d+)(\.\d+)?|Boost-(\d+)\.(\d+)(\.\d+)[/\\]BoostConfig/.exec(l)).find(Boolean);
  if (!version) return undefined;
  const [major, minor] = [Number(version[1] ?? version[4]), Number(version[2] ?? version[5])];
  if (major < removedIn[0] || (major === removedIn[0] && minor < removedIn[1])) return undefined;
  return { boostVersion: `${major}.${minor}${version[3] ?? version[6] ?? ''}`, removedIn: `${removedIn[0]}.${removedIn[1]}` };
}
