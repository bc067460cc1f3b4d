#!/usr/bin/env node
// The `buildmedic` executable: starts the bundled command line (see load-bundle.ts for why it is loaded this way).

import { loadBundle } from './load-bundle.js';

loadBundle().cli.runAsProgram();
