// node-gyp-vs-version-mismatch: node-gyp found a complete Visual Studio but rejected it because msvs_version (npm
// config, --msvs_version, npm_config_msvs_version) or the VS Developer Command Prompt it runs in asks for another one.
// Not msvc-missing: the compiler is installed; the configuration points elsewhere.

import type { PatternHit } from '../../../rule.js';
import { defineRule } from '../../../rule.js';

const REJECTED = 'vs-rejected-by-config';
const CHECKING = 'vs-checking';

/** The Visual Studio years node-gyp checked and then rejected only for the configured version or prompt. */
function rejectedYears(hits: readonly PatternHit[]): string[] {
  const years: string[] = [];
  let checking: string | undefined;
  for (const h of [...hits].sort((a, b) => a.line - b.line)) {
    if (h.pattern === CHECKING) checking = h.captures._year;
    else if (h.pattern === REJECTED && checking && !years.includes(checking)) years.push(checking);
  }
  return years;
}

export default defineRule({
  id: 'node-gyp-vs-version-mismatch',
  title: 'node-gyp rejects the installed Visual Studio because msvs_version asks for another',
  summary: 'The node-gyp that builds the addon found a usable Visual Studio but skipped it, because msvs_version or the Developer Command Prompt it runs in selects a different one.',
  category: 'toolchain',
  captures: {
    requestedVersion: { type: 'string', doc: 'the Visual Studio that msvs_version asks for (a year or an installation path)', optional: true },
    installedVersions: { type: 'string[]', doc: 'the Visual Studio years node-gyp found usable but rejected for the mismatch', optional: true },
  },
  internal: ['_year', '_requestedYear', '_requestedPath'],
  explains: ['msvc-missing'],
  patterns: [
    {
      id: REJECTED,
      // node-gyp >= 5 (lib/find-visualstudio.js checkConfigVersion), after an installation passed the MSBuild, toolset and
      // SDK checks: "gyp ERR! find VS - msvs_version does not match this version", "- msvs_version does not point to this
      // installation", "- does not match this Visual Studio Command Prompt"; printed at ERR! level only when the search failed
      source: 'node-gyp >= 5 (find-visualstudio)',
      literals: ['msvs_version does not match this version', 'msvs_version does not point to this installation', 'does not match this Visual Studio Command Prompt'],
      re: /find VS - (?:msvs_version does not match this version|msvs_version does not point to this installation|does not match this Visual Studio Command Prompt)/,
      weight: 0.5,
    },
    {
      id: 'vs-search-failed',
      // node-gyp >= 5: "gyp ERR! find VS could not find a version of Visual Studio 2017 or newer to use" and the final
      // "gyp ERR! stack Error: Could not find any Visual Studio installation to use"
      source: 'node-gyp >= 5 (find-visualstudio)',
      literals: ['could not find a version of Visual Studio', 'Could not find any Visual Studio installation to use'],
      re: /could not find a version of Visual Studio \d{4} or newer to use|Could not find any Visual Studio installation to use/,
      weight: 0.4,
    },
    {
      id: 'vs-requested',
      // node-gyp 5-9: "find VS - looking for Visual Studio version 2017" (after "msvs_version was set from command line or npm
      // config"); node-gyp >= 10: "--msvs_version=2019 was set on the command line", then the same "looking for" line, or
      // '- looking for Visual Studio installed in "C:\..."' for a path
      source: 'node-gyp >= 5 (find-visualstudio)',
      literals: ['looking for Visual Studio version', 'looking for Visual Studio installed in'],
      re: /find VS - looking for Visual Studio (?:version (?<_requestedYear>\d{4})|installed in "(?<_requestedPath>[^"]{1,300})")/,
      weight: 0.05,
    },
    {
      id: CHECKING,
      // node-gyp >= 5: 'find VS checking VS2019 (16.10.31424.327) found at:' (the path follows on the next line)
      source: 'node-gyp >= 5 (find-visualstudio)',
      literals: ['find VS checking VS'],
      re: /find VS checking VS(?<_year>\d{4}) \(/,
      weight: 0.05,
    },
    {
      id: 'vs-found',
      // node-gyp >= 5: 'gyp info find VS using VS2019 (16.11.34601.136) found at:': the search succeeded after all
      source: 'node-gyp >= 5 (find-visualstudio)',
      literals: ['find VS using VS'],
      re: /find VS using VS\d{4} \(/,
      weight: 0.01,
    },
  ],
  refine: (ctx) => {
    const has = (id: string) => ctx.hits.some((h) => h.pattern === id);
    if (!has(REJECTED) || has('vs-found')) return null;
    // At verbose level node-gyp prints the same lines while it goes on searching: only the ERR! copy (printed by fail())
    // or the search's own failure line says that the rejection decided the outcome.
    const rejectedAtError = ctx.hits.some((h) => h.pattern === REJECTED && /ERR!/.test(h.text));
    if (!rejectedAtError && !has('vs-search-failed')) return null;
    const requested = ctx.captures._requestedYear ?? ctx.captures._requestedPath;
    const installed = rejectedYears(ctx.hits);
    const prompt = ctx.hits.some((h) => h.pattern === REJECTED && /Command Prompt/.test(h.text));
    return {
      confidence: 0.9,
      captures: {
        ...(requested ? { requestedVersion: requested } : {}),
        ...(installed.length ? { installedVersions: installed } : {}),
        _story: prompt
          ? 'node-gyp runs inside a Visual Studio Developer Command Prompt (VCINSTALLDIR is set), so it accepts only that installation, and the usable Visual Studio it found is another one.'
          : `msvs_version asks for ${requested ? `Visual Studio ${requested}` : 'a particular Visual Studio'}, so node-gyp skipped the complete installation${installed.length > 1 ? 's' : ''} it found${installed.length ? ` (VS${installed.join(', VS')})` : ''} and then found none it was allowed to use.`,
      },
    };
  },
  explanation:
    '{{_story}} The setting usually outlives the Visual Studio it was written for: `npm config set msvs_version 2017` ' +
    '(or `--msvs_version`, `npm_config_msvs_version`, `GYP_MSVS_VERSION`) from an old install guide, kept after that ' +
    'Visual Studio was replaced by a newer one. msvc-missing\'s "Could not find any Visual Studio installation" is the consequence.',
  fix: {
    summary: 'Remove the msvs_version setting (node-gyp then picks the newest usable Visual Studio), or set it to the installed one.',
    steps: [
      'See where it comes from: `npm config get msvs_version`, the `.npmrc` files, `--msvs_version` in the install script, and the npm_config_msvs_version / GYP_MSVS_VERSION environment variables.',
      'Remove it: `npm config delete msvs_version` (npm 9 and later refuse unknown keys in `npm config set`; edit `.npmrc` instead), or unset the environment variable.',
      'Or pass a Visual Studio that is installed: `--msvs_version=<year>` with a year node-gyp found ({{installedVersions|see the "valid versions for msvs_version" list in the log}}), or its installation path.',
      'Inside a Developer Command Prompt, open the prompt of the Visual Studio you want, or build from a plain shell so that VCINSTALLDIR is not set.',
    ],
    commands: ['npm config get msvs_version', 'npm config delete msvs_version'],
  },
});
