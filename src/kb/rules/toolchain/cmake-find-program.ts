// Advice for a program that CMake's configure step looked for (find_program, a find module) and did not find.

/**
 * find_program searches again on the next configure while its variable holds `<VAR>-NOTFOUND`, so installing the
 * program and re-running the configure is enough; a program outside PATH is given by its variable.
 */
export const CMAKE_RECONFIGURE_STEP =
  'If CMake looked for it at configure time (a custom command that runs `<VAR>-NOTFOUND` is one CMake did not find), re-run the cmake configure step after installing it, or give its path with `-D<VAR>=/path/to/program`.';
