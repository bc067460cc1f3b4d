// Rules about compilers, linkers and build tools that are missing or unusable.

import linkerNotFound from './linker-not-found/rule.js';

export default [linkerNotFound];
