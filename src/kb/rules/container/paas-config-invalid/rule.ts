// paas-config-invalid: a platform rejected the project's own build configuration file (nixpacks.toml, vercel.json)
// before building anything, and said which key or value is wrong.

import { defineRule } from '../../../rule.js';

/** The reason nixpacks prints under "Caused by:" (serde/toml's message), when it is on one of the next lines. */
// nixpacks (anyhow): "Caused by:" then (or, pasted, on the same line as "Caused by: ") "invalid type: sequence, expected a string for key `start.cmd` at line 4 column 1"
const SERDE_REASON = /^(?:Caused by: )?(?:\d+: )?(?<reason>(?:invalid|missing|unknown|duplicate|expected|TOML parse error)\b.{1,300})$/;

export default defineRule({
  id: 'paas-config-invalid',
  title: 'The platform rejected the project\'s build configuration file',
  summary: 'A platform builder (Nixpacks, Vercel) could not read the project\'s configuration file, so the deployment stopped before the build.',
  category: 'container',
  captures: {
    configFile: { type: 'path', doc: 'the configuration file the platform rejected' },
    reason: { type: 'string', doc: 'what the platform said is wrong in it', optional: true },
  },
  internal: ['_reason1', '_reason2', '_reason3', '_reason4'],
  contextAfter: 4,
  patterns: [
    {
      id: 'nixpacks-config-parse',
      // nixpacks >= 0.5 (Railway, Coolify, Dokploy): "Error: Failed to parse Nixpacks config file `nixpacks.toml`"
      // ("Caused by:" and the TOML/serde message follow); Coolify passes its plan as "`/artifacts/thegameplan.json`"
      source: 'nixpacks',
      literals: ['Failed to parse Nixpacks config file'],
      re: /Failed to parse Nixpacks config file `(?<configFile>[^`]{1,300})`/,
      weight: 0.9,
    },
    {
      id: 'vercel-json-schema',
      // vercel CLI / build (2022-): "The `vercel.json` schema validation failed with the following message: should NOT have
      // additional property `public`" (also for now.json)
      source: 'vercel',
      literals: ['schema validation failed with the following message'],
      re: /The `(?<configFile>(?:vercel|now)\.json)` schema validation failed with the following message: (?<_reason1>.{1,300})$/,
      weight: 0.9,
    },
    {
      id: 'vercel-cli-invalid-config',
      // vercel CLI (`vercel build`, `vercel dev`, `vercel deploy`, validate-config.ts): "Error: Invalid vercel.json - `rewrites`
      // should be array." (the ajv message rewritten by @vercel/build-utils' getPrettyError)
      source: 'vercel CLI',
      literals: ['Invalid vercel.json - ', 'Invalid now.json - '],
      re: /Invalid (?<configFile>(?:vercel|now)\.json) - (?<_reason2>.+)/,
      weight: 0.9,
    },    {
      id: 'vercel-functions-runtime',
      // vercel CLI (`vercel build`, 2020-): a community runtime in vercel.json's "functions" given without its version:
      // "Error: Function Runtimes must have a valid version, for example `now-php@1.0.0`."; at deploy: "Error: The following
      // Serverless Functions contain an invalid "runtime":" then "  - api/index (nodejs18.x)" (a runtime the platform retired)
      source: 'vercel CLI',
      literals: ['Function Runtimes must have a valid version', 'Serverless Functions contain an invalid "runtime"'],
      re: /(?:^|\s)(?:Error: )?(?:(?<_reason3>Function Runtimes must have a valid version)|The following Serverless Functions contain an (?<_reason4>invalid "runtime"))/,
      weight: 0.85,
    },
  ],
  refine: (ctx) => {
    const hit = ctx.hits[0];
    if (!hit) return null;
    let reason = ctx.captures._reason1 ?? ctx.captures._reason2;
    if (hit.pattern === 'vercel-functions-runtime') {
      reason = ctx.captures._reason3
        ? 'a "runtime" in "functions" is not a runtime package with its version (a community runtime is named with it, `vercel-php@0.7.3`; the official Node.js and Python runtimes are not named there at all)'
        : 'a function\'s "runtime" is one the platform no longer accepts (an old `nodejs` or community runtime version)';
    }
    if (!reason && hit.pattern === 'nixpacks-config-parse') {
      for (const line of hit.after) {
        const m = SERDE_REASON.exec(line);
        if (m?.groups?.reason) {
          reason = m.groups.reason;
          break;
        }
      }
    }
    return { captures: { configFile: hit.captures.configFile ?? 'vercel.json', ...(reason ? { reason } : {}), _why: reason ? `: ${reason}` : ' (the lines after the error say why)' } };
  },
  explanation:
    'The platform read `{{configFile}}` from the repository to plan the build and rejected it{{_why}}. ' +
    'These files follow the platform\'s own schema: a key in the wrong table (`[start]` instead of `[phases.start]`), a ' +
    'list where a string is expected (`cmd` vs `cmds`), or a property the platform no longer accepts all stop the ' +
    'deployment before anything is built.',
  fix: {
    summary: 'Correct `{{configFile}}` against the platform\'s documented schema, or remove the offending key.',
    steps: [
      'Fix the key or value the message names (Nixpacks: https://nixpacks.com/docs/configuration/file; Vercel: https://vercel.com/docs/project-configuration).',
      'Nixpacks: `nixpacks plan .` prints the plan locally, so the file can be checked before pushing.',
      'If the file only repeats what the platform detects by itself, delete it and let the platform detect the build.',
    ],
  },
});
