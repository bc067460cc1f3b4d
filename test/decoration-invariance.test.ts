// Decoration invariance: a log reaches buildmedic wrapped by whatever ran the build (a CI service, Docker, a package
// manager relaying a subprocess, a terminal, an issue's markdown). Each wrapper below decorates every case log of every
// rule the way that wrapper really prints, and the diagnosis must name the same root cause as on the plain log.

import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { diagnoseText } from '../src/diagnose/engine.ts';
import { caseFiles, KB, ruleFolders } from './helpers/cases.ts';

interface Decoration {
  name: string;
  /** What prints the decoration (and a public thread whose log shows it, where one was looked up). */
  source: string;
  /** A package manager or build tool relaying a subprocess: it cannot wrap a log that already carries an outermost
   *  wrapper's column (BuildKit, a CI service's timestamps, git's sideband, an issue's quoting). */
  inner?: boolean;
  /** Only logs of the kind this wrapper carries (cargo relays only what a build script's compiler printed). */
  fits?: (lines: readonly string[]) => boolean;
  wrap: (lines: readonly string[]) => string[];
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** A clock that advances a little per line, so no two adjacent lines carry the same stamp. */
const clock = (i: number) => `${pad2(10 + Math.floor(i / 3600) % 14)}:${pad2(Math.floor(i / 60) % 60)}:${pad2(i % 60)}`;
const isoStamp = (i: number) => `2024-05-01T${clock(i)}.${String(1234567 + i * 7919).slice(-7)}Z`;
/** BuildKit's progressui time column: 3 decimals under 10 s, 2 under 100 s, 1 beyond. */
const buildkitTime = (i: number) => {
  const t = 0.4 + i * 0.137;
  return t < 10 ? t.toFixed(3) : t < 100 ? t.toFixed(2) : t.toFixed(1);
};
const ESC = '\x1b';

/** A line the C compiler prints, which cc-rs relays: a diagnostic, its include chain, its quoted source and caret. */
const COMPILER_LINE = /^(?:In file included from |\s+from |[^\s:]+:\d+(?::\d+)?: (?:fatal error|error|warning|note): |(?:cc|gcc|g\+\+|c\+\+|clang(?:\+\+)?|cc1(?:plus)?): (?:fatal )?error: |compilation terminated\.|\s*\d* \| )/;

/** rustc/cargo and gcc colour their diagnostics the way they do with CARGO_TERM_COLOR=always / -fdiagnostics-color. */
function colourLine(line: string): string {
  const gcc = /^(\s*)((?:[^\s:]+:\d+:(?:\d+:)?) )((?:fatal )?error|warning|note)(: .*)$/.exec(line);
  if (gcc) return `${gcc[1]}${ESC}[01m${ESC}[K${gcc[2].trimEnd()}${ESC}[m${ESC}[K ${ESC}[01;31m${ESC}[K${gcc[3]}${ESC}[m${ESC}[K${gcc[4]}`;
  const rustc = /^(\s*)(error(?:\[E\d{4}\])?|warning|note|help)(: .*)$/.exec(line);
  if (rustc) return `${rustc[1]}${ESC}[0m${ESC}[1m${ESC}[38;5;9m${rustc[2]}${ESC}[0m${ESC}[0m${ESC}[1m${rustc[3]}${ESC}[0m`;
  const cargo = /^(\s*)(Compiling|Downloaded|Running|Finished|Building|Checking|Installing|Updating|Fresh)( .*)$/.exec(line);
  if (cargo) return `${ESC}[1m${ESC}[32m${cargo[1]}${cargo[2]}${ESC}[0m${cargo[3]}`;
  const pip = /^(\s*)(ERROR|WARNING)(: .*)$/.exec(line);
  if (pip) return `${pip[1]}${ESC}[31m${pip[2]}${pip[3]}${ESC}[0m`;
  return line;
}

const DECORATIONS: readonly Decoration[] = [
  {
    name: 'ansi colours',
    source: 'rustc/cargo with CARGO_TERM_COLOR=always, gcc -fdiagnostics-color=always, pip on a terminal',
    wrap: (lines) => lines.map(colourLine),
  },
  {
    name: 'cargo progress redraws',
    source: "cargo on a terminal: the progress bar, then '\\r' and ESC[K before every message",
    wrap: (lines) => lines.map((l, i) => (l.trim() === '' ? l : `    Building [${'='.repeat(i % 24)}>${' '.repeat(24 - (i % 24))}] ${i}/900: libc, serde\r${ESC}[K${l}`)),
  },
  {
    name: 'CRLF line ends',
    source: 'a log saved on Windows, or by a CI service that keeps the console\'s line ends',
    wrap: (lines) => lines.map((l) => `${l}\r`),
  },
  {
    name: 'trailing spaces and tabs',
    source: 'a terminal copy padded to its width; make recipes indented with tabs',
    wrap: (lines) => lines.map((l) => `${l.replace(/^ {8}/, '\t')}${' '.repeat(3)}`),
  },
  {
    name: 'PowerShell native command error',
    source: 'Windows PowerShell 5.1 running a tool with 2>&1: its first stderr line becomes "cargo : <line>" and an error record',
    wrap: (lines) => {
      const at = lines.findIndex((l) => l.trim() !== '');
      if (at < 0) return [...lines];
      const first = lines[at];
      return [
        ...lines.slice(0, at),
        `cargo : ${first}`,
        'At line:1 char:1',
        '+ cargo build --release 2>&1',
        '+ ~~~~~~~~~~~~~~~~~~~~~~~~~~',
        `    + CategoryInfo          : NotSpecified: (${first.trim()}:String) [], RemoteException`,
        '    + FullyQualifiedErrorId : NativeCommandError',
        ' ',
        ...lines.slice(at + 1),
      ];
    },
  },
  {
    name: 'BuildKit plain progress',
    source: 'docker buildx build --progress=plain (BuildKit >= 0.9): "#12 42.31 <line>", then the failed step\'s summary',
    wrap: (lines) => {
      const body = lines.map((l, i) => `#12 ${buildkitTime(i)} ${l}`);
      const tail = lines.slice(-10).map((l, i) => `${buildkitTime(lines.length - 10 + i)} ${l}`);
      return [
        '#12 [builder 4/7] RUN ./ci/build.sh',
        ...body,
        '#12 ERROR: process "/bin/sh -c ./ci/build.sh" did not complete successfully: exit code: 2',
        '------',
        ' > [builder 4/7] RUN ./ci/build.sh:',
        ...tail,
        '------',
        'Dockerfile:12',
        '--------------------',
        '  11 |     COPY . .',
        '  12 | >>> RUN ./ci/build.sh',
        '--------------------',
        'ERROR: failed to solve: process "/bin/sh -c ./ci/build.sh" did not complete successfully: exit code: 2',
      ];
    },
  },
  {
    name: 'classic docker build',
    source: 'docker build with DOCKER_BUILDKIT=0: "Step 5/10 : RUN", " ---> Running in <id>", "The command ... returned a non-zero code"',
    wrap: (lines) => [
      'Step 5/10 : RUN ./ci/build.sh',
      ' ---> Running in 3f2a1b9c8d7e',
      ...lines,
      "The command '/bin/sh -c ./ci/build.sh' returned a non-zero code: 2",
    ],
  },
  {
    name: 'podman / buildah',
    source: 'podman build (buildah): "STEP 5/10: RUN make", then "Error: building at STEP"',
    wrap: (lines) => ['STEP 5/10: RUN ./ci/build.sh', ...lines, 'Error: building at STEP "RUN ./ci/build.sh": while running runtime: exit status 2'],
  },
  {
    name: 'pnpm lifecycle',
    source: 'pnpm install (append-only reporter): ".../node_modules/widget install: <line>", the echoed command with "install$"',
    wrap: (lines) => ['.../node_modules/widget install$ ./ci/build.sh', ...lines.map((l) => `.../node_modules/widget install: ${l}`), '.../node_modules/widget install: Failed', ' ELIFECYCLE  Command failed with exit code 1.'],
  },
  {
    name: 'Android Gradle plugin',
    source: 'gradle assembleDebug: the native build\'s lines behind "C/C++: ", then Gradle\'s task failure',
    wrap: (lines) => ['> Task :app:buildCMakeDebug[arm64-v8a]', ...lines.map((l) => `C/C++: ${l}`), '> Task :app:buildCMakeDebug[arm64-v8a] FAILED', '', 'FAILURE: Build failed with an exception.', '', '* What went wrong:', "Execution failed for task ':app:buildCMakeDebug[arm64-v8a]'.", 'BUILD FAILED in 14s'],
  },
  {
    name: 'docker compose v2',
    source: 'docker compose up (v2): "web-1  | <line>", the service name padded to the longest',
    wrap: (lines) => ['Attaching to db-1, web-1', ...lines.map((l) => `web-1  | ${l}`), 'web-1 exited with code 1'],
  },
  {
    name: 'docker-compose v1',
    source: 'docker-compose up (v1, Python): "web_1  | <line>"',
    wrap: (lines) => ['Attaching to app_db_1, app_web_1', ...lines.map((l) => `web_1  | ${l}`), 'app_web_1 exited with code 1'],
  },
  {
    name: 'GitHub Actions raw log',
    source: 'a GitHub Actions job log as downloaded: ISO timestamps, ##[group] and ##[error] markers',
    wrap: (lines) => [
      ...['##[group]Run ./ci/build.sh', './ci/build.sh', 'shell: /usr/bin/bash -e {0}', '##[endgroup]'].map((l, i) => `${isoStamp(i)} ${l}`),
      ...lines.map((l, i) => `${isoStamp(i + 4)} ${l}`),
      `${isoStamp(lines.length + 4)} ##[error]Process completed with exit code 2.`,
    ],
  },
  {
    name: 'GitLab CI',
    source: 'a GitLab job log: section markers with "\\r ESC[0K", coloured "$ command" lines, "ERROR: Job failed"',
    wrap: (lines) => [
      `${ESC}[0KRunning with gitlab-runner 16.11.0 (91a27b2a)${ESC}[0;m`,
      `section_start:1717171717:step_script\r${ESC}[0K${ESC}[0K${ESC}[36;1mExecuting "step_script" stage of the job script${ESC}[0;m${ESC}[0;m`,
      `${ESC}[32;1m$ ./ci/build.sh${ESC}[0;m`,
      ...lines,
      `section_end:1717171718:step_script\r${ESC}[0K`,
      `${ESC}[31;1mERROR: Job failed: exit code 1`,
      `${ESC}[0;m`,
    ],
  },
  {
    name: 'GitLab CI with timestamps',
    source: 'GitLab Runner >= 17 with FF_TIMESTAMPS: "<ISO time> 00O <line>", "01E" on stderr',
    wrap: (lines) => lines.map((l, i) => `${isoStamp(i)} ${/error|warning/i.test(l) ? '01E' : '00O'} ${l}`),
  },
  {
    name: 'Azure Pipelines',
    source: 'an Azure Pipelines step log: timestamps, ##[section], ##[command], stderr lines marked ##[error] (failOnStderr)',
    wrap: (lines) => [
      `${isoStamp(0)} ##[section]Starting: Build`,
      `${isoStamp(1)} ##[command]/usr/bin/bash --noprofile --norc /home/vsts/work/_temp/0b1c.sh`,
      ...lines.map((l, i) => `${isoStamp(i + 2)} ${/\berror\b/i.test(l) ? '##[error]' : /\bwarning\b/i.test(l) ? '##[warning]' : ''}${l}`),
      `${isoStamp(lines.length + 2)} ##[error]Bash exited with code '2'.`,
      `${isoStamp(lines.length + 3)} ##[section]Finishing: Build`,
    ],
  },
  {
    name: 'Jenkins pipeline, clock time column',
    source: "Jenkins' Timestamper on a Pipeline console: \"12:34:56  <line>\", unstamped [Pipeline] steps",
    wrap: (lines) => [
      '[Pipeline] stage',
      '[Pipeline] { (Build)',
      '[Pipeline] sh',
      `${clock(0)}  + ./ci/build.sh`,
      ...lines.map((l, i) => `${clock(i + 1)}  ${l}`),
      '[Pipeline] }',
      '[Pipeline] // stage',
      'ERROR: script returned exit code 2',
      'Finished: FAILURE',
    ],
  },
  {
    name: 'Jenkins, elapsed time column',
    source: "Jenkins' Timestamper showing elapsed time: \"00:04:25.492 <line>\" (github.com/eclipse-openj9/openj9/pull/3927)",
    wrap: (lines) => ['[Pipeline] sh', ...lines.map((l, i) => `00:${pad2(Math.floor(i / 60) % 60)}:${pad2(i % 60)}.${String(100 + ((i * 37) % 900))} ${l}`), '[Pipeline] }'],
  },
  {
    name: 'TeamCity build log',
    source: 'a TeamCity build log as downloaded: "[14:36:30] :\\t [Step 1/2] <line>", "W:" on stderr lines',
    wrap: (lines) => [
      `[${clock(0)}] : Step 1/2: Command Line (2s)`,
      `[${clock(0)}] :\t [Step 1/2] Starting: /opt/buildagent/temp/agentTmp/custom_script5396122011914164459`,
      `[${clock(0)}] :\t [Step 1/2] in directory: /opt/buildagent/work/dc32f16b9fcfbc8c`,
      ...lines.map((l, i) => `[${clock(i + 1)}]${/error|warning/i.test(l) ? 'W' : ' '}:\t [Step 1/2] ${l}`),
      `[${clock(lines.length + 1)}]E:\t [Step 1/2] Process exited with code 2`,
    ],
  },
  {
    name: 'TeamCity web console, copied',
    source: 'a TeamCity build log copied from its web page: "[10:38:30][npm install] <line>" (github.com/mapbox/node-pre-gyp/issues/255)',
    wrap: (lines) => lines.map((l, i) => `[${clock(i)}][Step 1/2] ${l}`),
  },
  {
    name: 'Buildkite raw log',
    source: 'a Buildkite job log from the API or `bk job log`: "ESC _bk;t=<epoch ms> BEL" before every line',
    wrap: (lines) => [
      '~~~ Running commands',
      '$ ./ci/build.sh',
      ...lines,
      '🚨 Error: The command exited with status 2',
    ].map((l, i) => `${ESC}_bk;t=${1745322209921 + i * 13}\x07${l}`),
  },
  {
    name: 'Render dashboard, copied',
    source: 'a Render deploy log copied from the dashboard: "Dec 9 03:03:10 PM  <line>" (github.com/sympy/sympy-bot/pull/102)',
    wrap: (lines) => ['==> Cloning from https://github.com/example/app', ...lines, '==> Build failed 😞'].map((l, i) => `Dec ${1 + (i % 28)} ${clock(i).replace(/^\d\d/, (h) => pad2((Number(h) % 12) + 1))} PM  ${l}`),
  },
  {
    name: 'Netlify deploy log',
    source: 'a Netlify deploy log, IntelliJ\'s build window: "4:27:44 PM: <line>" (github.com/mozilla/rust-android-gradle/issues/44)',
    wrap: (lines) => ['Build ready to start', ...lines, 'Failed during stage \'building site\': Build script returned non-zero exit code: 2'].map((l, i) => `${1 + (i % 12)}:${pad2(Math.floor(i / 60) % 60)}:${pad2(i % 60)} PM: ${l}`),
  },
  {
    name: 'Vercel build log',
    source: 'a Vercel build log: "[16:03:16.703] <line>" (older dashboards: "20:52:05.025 | <line>", github.com/metaplex-foundation/metaplex/issues/844)',
    wrap: (lines) => lines.map((l, i) => (i % 2 ? `[${clock(i)}.${String(100 + i % 900)}] ${l}` : `${clock(i)}.${String(100 + i % 900)} | ${l}`)),
  },
  {
    name: 'Open Build Service',
    source: 'an openSUSE Build Service log: "[   27s] <line>", the seconds since the build started (github.com/jwilk-archive/python-djvulibre/issues/16)',
    wrap: (lines) => lines.map((l, i) => `[${String(3 + Math.floor(i / 4)).padStart(4)}s] ${l}`),
  },
  {
    name: 'Google Cloud Build',
    source: 'a Cloud Build log: "Step #1: <line>" (with a step id: "Step #0 - \"build\": <line>")',
    wrap: (lines) => ['Starting Step #1', ...lines.map((l, i) => (i % 2 ? `Step #1: ${l}` : `Step #1 - "build": ${l}`)), 'Finished Step #1', 'ERROR: build step 1 "gcr.io/cloud-builders/docker" failed: step exited with non-zero status: 2'],
  },
  {
    name: 'AWS CodeBuild',
    source: 'an AWS CodeBuild log: "[Container] 2024/05/01 12:34:56.789 Running command ..." around the unprefixed output',
    wrap: (lines) => ['[Container] 2024/05/01 12:34:56.789123 Running command ./ci/build.sh', ...lines, '', '[Container] 2024/05/01 12:35:41.123456 Command did not exit successfully ./ci/build.sh exit status 2', '[Container] 2024/05/01 12:35:41.130000 Phase complete: BUILD State: FAILED'],
  },
  {
    name: 'Heroku git push',
    source: 'git push heroku: the buildpack\'s output through git\'s sideband, "remote:        <line>"',
    wrap: (lines) => [
      'remote: -----> Building on the Heroku-22 stack',
      'remote: -----> Installing requirements with pip',
      ...lines.map((l) => `remote:        ${l}`),
      'remote:  !     Push rejected, failed to compile Python app.',
      'remote:  !     Push failed',
    ],
  },
  {
    name: 'nix build log tail',
    source: "nix >= 2.4: \"error: builder for '/nix/store/...drv' failed\", the log's last lines behind \"       > \"",
    wrap: (lines) => [
      "error: builder for '/nix/store/3n2kxdm7cafjgpq0bql5ixy4c9y8pbmv-app-0.1.0.drv' failed with exit code 2;",
      `       last ${lines.length} log lines:`,
      ...lines.map((l) => `       > ${l}`),
      "       For full logs, run 'nix log /nix/store/3n2kxdm7cafjgpq0bql5ixy4c9y8pbmv-app-0.1.0.drv'.",
    ],
  },
  {
    name: 'markdown quote',
    source: 'a log quoted in an issue or discussion reply: "> <line>"',
    wrap: (lines) => lines.map((l) => (l === '' ? '>' : `> ${l}`)),
  },
  {
    name: 'nested markdown quote',
    source: 'a reply quoting a quoted log: "> > <line>"',
    wrap: (lines) => lines.map((l) => (l === '' ? '> >' : `> > ${l}`)),
  },
  {
    name: 'pip subprocess box',
    source: 'pip >= 22 relaying a subprocess: "× ... did not run successfully.", "│ exit code: 1", "╰─> [N lines of output]"',
    inner: true,
    wrap: (lines) => {
      // pip's own output inside pip is its build-dependency installation; anything else is a build backend's output.
      const nested = lines.some((l) => /^\s*(?:Collecting|Using cached|Downloading|Building wheel for) \S/.test(l));
      const step = nested ? 'pip subprocess to install build dependencies' : 'Building wheel for app (pyproject.toml)';
      return [
        ...(nested ? ['  Installing build dependencies ... error'] : ['  Building wheel for app (pyproject.toml) ... error']),
        '  error: subprocess-exited-with-error',
        '  ',
        `  × ${step} did not run successfully.`,
        '  │ exit code: 1',
        `  ╰─> [${lines.length} lines of output]`,
        ...lines.map((l) => (l === '' ? '' : `      ${l}`)),
        '      [end of output]',
        '  ',
        '  note: This error originates from a subprocess, and is likely not a problem with pip.',
        ...(nested
          ? ['error: subprocess-exited-with-error', '', `× ${step} did not run successfully.`, '│ exit code: 1', '╰─> See above for output.']
          : ['  ERROR: Failed building wheel for app', 'Failed to build app', 'ERROR: Could not build wheels for app, which is required to install pyproject.toml-based projects']),
      ];
    },
  },
  {
    name: 'npm 7-9 install script',
    source: 'npm 7-9 relaying a failed install script: every line of its output behind "npm ERR! "',
    inner: true,
    wrap: (lines) => [
      'npm ERR! code 1',
      'npm ERR! path /app/node_modules/addon',
      'npm ERR! command failed',
      'npm ERR! command sh -c node-gyp-build',
      ...lines.map((l) => `npm ERR! ${l}`),
      '',
      'npm ERR! A complete log of this run can be found in:',
      'npm ERR!     /root/.npm/_logs/2024-05-01T12_34_56_789Z-debug-0.log',
    ],
  },
  {
    name: 'npm 10 install script',
    source: 'npm >= 10 relaying a failed install script: every line behind "npm error "',
    inner: true,
    wrap: (lines) => [
      'npm error code 1',
      'npm error path /app/node_modules/addon',
      'npm error command failed',
      'npm error command sh -c node-gyp-build',
      ...lines.map((l) => `npm error ${l}`),
      'npm error A complete log of this run can be found in: /root/.npm/_logs/2024-05-01T12_34_56_789Z-debug-0.log',
    ],
  },
  {
    name: 'pnpm install script',
    source: 'pnpm (default reporter) relaying a failed install script: "│ <line>", "└─ Failed in 2.3s" (github.com/pnpm/pnpm/issues/2135)',
    inner: true,
    wrap: (lines) => [
      'node_modules/.pnpm/addon@1.0.0/node_modules/addon: Running install script, failed in 2.3s',
      'node_modules/.pnpm/addon@1.0.0/node_modules/addon install$ node-gyp-build',
      ...lines.map((l) => `│ ${l}`),
      '└─ Failed in 2.3s at /app/node_modules/.pnpm/addon@1.0.0/node_modules/addon',
      ' ELIFECYCLE  Command failed with exit code 1.',
    ],
  },
  {
    name: 'yarn 1 install script',
    source: 'yarn 1 relaying a failed install script: "error <path>: Command failed.", then "Output:" and the raw output',
    inner: true,
    wrap: (lines) => ['[4/4] Building fresh packages...', 'error /app/node_modules/addon: Command failed.', 'Exit code: 1', 'Command: node-gyp-build', 'Arguments: ', 'Directory: /app/node_modules/addon', 'Output:', ...lines, 'info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.'],
  },
  {
    name: 'tox 4',
    source: 'tox >= 4: "py311: install_package> ..." before the output, "py311: exit 1 (...)" and "py311: FAIL code 1" after',
    inner: true,
    wrap: (lines) => [
      '.pkg: _optional_hooks> python /usr/lib/python3/dist-packages/pyproject_api/_backend.py True setuptools.build_meta',
      'py311: install_package> python -I -m pip install --force-reinstall --no-deps /app/.tox/.tmp/package/1/app-0.1.0.tar.gz',
      ...lines,
      'py311: exit 1 (12.41 seconds) /app> python -I -m pip install --force-reinstall --no-deps /app/.tox/.tmp/package/1/app-0.1.0.tar.gz pid=4242',
      '  py311: FAIL code 1 (14.02 seconds)',
      '  evaluation failed :( (14.10 seconds)',
    ],
  },
  {
    name: 'cargo relaying a build script',
    source: "cargo >= 1.77 relaying what cc-rs passes on from the C compiler as cargo:warning: \"warning: app-sys@0.1.0: <line>\"",
    inner: true,
    fits: (lines) => lines.some((l) => /\bcargo\b|^\s*Compiling \S+ v\d|custom build command/.test(l)),
    wrap: (lines) => lines.map((l) => (COMPILER_LINE.test(l) ? `warning: app-sys@0.1.0: ${l}` : l)),
  },
  {
    name: "cargo's build script stdout",
    source: "cargo printing a failed build script's stdout, where cc-rs wrote the compiler's lines: \"  cargo:warning=<line>\"",
    inner: true,
    fits: (lines) => lines.some((l) => /\bcargo\b|^\s*Compiling \S+ v\d|custom build command/.test(l)),
    wrap: (lines) => lines.map((l) => (COMPILER_LINE.test(l) ? `  cargo:warning=${l}` : l)),
  },
];

/** Wrappers nest: the outer one decorates what the inner one printed. */
function nested(outer: string, inner: string): Decoration {
  const o = DECORATIONS.find((d) => d.name === outer)!;
  const i = DECORATIONS.find((d) => d.name === inner)!;
  return { name: `${outer} around ${inner}`, source: `${o.source}; inside: ${i.source}`, inner: i.inner, fits: i.fits, wrap: (lines) => o.wrap(i.wrap(lines)) };
}

const ALL: readonly Decoration[] = [
  ...DECORATIONS,
  nested('GitHub Actions raw log', 'BuildKit plain progress'),
  nested('markdown quote', 'GitHub Actions raw log'),
  nested('Render dashboard, copied', 'BuildKit plain progress'),
  nested('Heroku git push', 'pip subprocess box'),
  nested('BuildKit plain progress', 'npm 10 install script'),
  nested('GitLab CI with timestamps', 'cargo relaying a build script'),
  nested('docker compose v2', 'ansi colours'),
  nested('Jenkins pipeline, clock time column', 'pnpm install script'),
];

// (Cloudflare Pages' build log: "04:48:47.418\t<line>"; Jenkins' "12:34:56 <line>")
const OUTER_COLUMN = /^(?:#\d+ |\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d|remote: |> ?|\[\d\d:\d\d:\d\d|\d\d:\d\d:\d\d(?:\.\d+)?[\t ])/;

/** Whether most lines of a log carry an outermost wrapper's column already. */
function outerWrapped(lines: readonly string[]): boolean {
  const shown = lines.filter((l) => l.trim() !== '');
  return shown.filter((l) => OUTER_COLUMN.test(l)).length * 2 > shown.length;
}

interface Case {
  label: string;
  lines: string[];
  rootCause: string | null;
  outer: boolean;
}

function loadCases(): Case[] {
  const out: Case[] = [];
  for (const { rule, dir } of ruleFolders()) {
    for (const c of caseFiles(dir)) {
      if (c.kind === 'todo') continue;
      const text = readFileSync(c.path, 'utf8');
      const { rootCause } = diagnoseText(KB, text, { hostPlatform: 'debian' });
      const lines = text.replace(/\n$/, '').split('\n');
      // A fail case that the plain log already gets wrong is rule-cases' business, not this test's.
      if (c.kind === 'fail' && rootCause !== rule.id) continue;
      out.push({ label: `${rule.id}/${c.name}`, lines, rootCause, outer: outerWrapped(lines) });
    }
  }
  return out;
}

const CASES = loadCases();

const MEANING = "the wrapper's own lines change what the log says";
const TWO_CLOCKS = 'the log carries a time column of its own (Jenkins, Cloudflare Pages), and one time column is stripped per line: a second number is read as the message\'s own';
const WINDOW = 'the rule reads a fixed number of lines around its hit, and the wrapper puts its own lines there (a rule change, not normalisation)';
/**
 * Where a decorated log rightly or unavoidably gets another answer, per decoration and case, with the reason. The test
 * fails when one of these stops happening too, so the list never outlives what it describes.
 */
const EXPECTED: Record<string, Record<string, string>> = {
  'Jenkins pipeline, clock time column': {
    'dependency-version-incompatible/fail-cython-old-build-ext-madmom-issue.log': TWO_CLOCKS,
    'rust-toolchain-missing/fail-gh-tunl-10-cloudflare-custom-build-cargo-not-found.log': TWO_CLOCKS,
  },
  'Jenkins, elapsed time column': {
    'dependency-version-incompatible/fail-cython-old-build-ext-madmom-issue.log': TWO_CLOCKS,
    'rust-toolchain-missing/fail-gh-tunl-10-cloudflare-custom-build-cargo-not-found.log': TWO_CLOCKS,
  },
  'Vercel build log': { 'dependency-version-incompatible/fail-cython-old-build-ext-madmom-issue.log': TWO_CLOCKS },
  'BuildKit plain progress': {
    'out-of-memory/pass-made-dash-killed-no-build.log': `${MEANING}: a bare "Killed" right after BuildKit's RUN step is the OOM killer's`,
  },
  'GitHub Actions raw log around BuildKit plain progress': {
    'out-of-memory/pass-made-dash-killed-no-build.log': `${MEANING}: a bare "Killed" right after BuildKit's RUN step is the OOM killer's`,
  },
  'Render dashboard, copied around BuildKit plain progress': {
    'out-of-memory/pass-made-dash-killed-no-build.log': `${MEANING}: a bare "Killed" right after BuildKit's RUN step is the OOM killer's`,
  },
  'pip subprocess box': {
    'sdist-fallback-needs-rust/fail-issue-sickchill-cryptography-armv7-pip18.log': `${MEANING}: pip names the failed wheel "app", which is no known Rust-backed sdist`,
    'sdist-fallback-needs-rust/fail-issue-crypto-ticker-33-old-pip-bcrypt-unpacked.log': `${MEANING}: pip names the failed wheel "app", not the bcrypt it unpacked`,
    'source-not-git-checkout/fail-issue-build-push-action-378-buildkit-git-describe-128.log': 'pip never relays a BuildKit log: the box indents BuildKit\'s "#10 0.093 " column, and an indented line keeps what follows its indentation',
    'cmake-too-old/pass-issue-conan-4707-vs-2019-win64-suffix.log': 'pip never relays Visual Studio\'s output window: the box indents its "1> [CMake] " prefix, which is peeled only at the start of a line',
  },
  'Heroku git push around pip subprocess box': {
    'sdist-fallback-needs-rust/fail-issue-sickchill-cryptography-armv7-pip18.log': `${MEANING}: pip names the failed wheel "app", which is no known Rust-backed sdist`,
    'sdist-fallback-needs-rust/fail-issue-crypto-ticker-33-old-pip-bcrypt-unpacked.log': `${MEANING}: pip names the failed wheel "app", not the bcrypt it unpacked`,
  },
  'PowerShell native command error': {
    'dependency-version-incompatible/fail-ahash-0.7.6-freebsd-ports-cargo-crates-qldb-issue.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'dependency-version-incompatible/fail-cargo-offline-feature-on-stable-windows-mirror-issue.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'dependency-version-incompatible/fail-flat-tree-3.3.0-feature-on-stable-cargo-1.28-issue.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'dependency-version-incompatible/fail-proc-macro2-1.0.46-nightly-windows-mirror-blackjack-issue.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'dependency-version-incompatible/fail-proc-macro2-1.0.59-nightly-macos-autocxx-issue.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'dependency-version-incompatible/fail-rustc-ap-data-structures-148-nightly-path-cut-rustfmt-issue.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'dependency-version-incompatible/fail-rustc-ap-syntax-583-nightly-missing-trait-item-cargo-modules-issue.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'dependency-version-incompatible/fail-time-0.3.34-nix-cargo-vendor-dir-insulator2-pr.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'global-variable-multiply-defined/fail-made-lld-tentative-definition.log': `${WINDOW}: lld's ">>> defined at" lines must follow "duplicate symbol"`,
    'out-of-memory/fail-made-dash-rustc-killed.log': `${WINDOW}: the build step must be among the 3 lines before "Killed"`,
    'build-tool-missing/fail-issue-vibe-187-pnpm-bare-not-found.log': `${WINDOW}: a bare "X: not found" counts only with the exit status 127 or the package manager's failure within 3 lines`,
    'rustc-too-old/fail-gh-bandwhich-29-const-fn-cargo-install.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'nightly-toolchain-mismatch/pass-gh-me3-630-feature-in-dependency-windows.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'c-compiler-missing/pass-made-here-ruby-3.1-mkmf-header-check-abort.log': `${WINDOW}: mkmf's "*** extconf.rb failed ***" must follow the failed check within 4 lines`,
    'native-lib-missing/fail-made-here-ruby-3.1-mkmf-have-library-raise.log': `${WINDOW}: mkmf's "*** extconf.rb failed ***" must follow the failed check within 4 lines`,
    'rust-code-error/fail-issue-rq-222-deny-warnings-non-fmt-panics.log': `${WINDOW}: rustc's "-->" must follow its error within 2 lines`,
    'cmake-too-old/fail-issue-cmake-init-37-presets-wrapped-windows.log': `${WINDOW}: a presets reason wrapped onto the next line must be within 2 lines of "Could not read presets from"`,
    'build-tool-missing/pass-issue-anchor-3629-build-bpf-beside-build-sbf.log': `${WINDOW}: cargo's similar-name hint must follow "no such command" within 3 lines`,
    'wrong-build-invocation/fail-issue-avif-8-aom-in-source-refused.log': `${WINDOW}: a project's in-source refusal must be within 6 lines of CMake's error header`,
    'wrong-build-invocation/fail-issue-opencl-sdk-56-freetype-in-source-refused.log': `${WINDOW}: a project's in-source refusal must be within 6 lines of CMake's error header`,
    'wrong-build-invocation/fail-issue-openhaystack-zephyr-2-west-argparse-invalid-choice.log': `${WINDOW}: argparse's error must be within 6 lines of its usage line`,
  },
};

// Each wrapper must meet enough logs that a pass means something (the narrow ones fit only cargo's logs).
const MIN_CASES = 40;

for (const decoration of ALL) {
  test(`root causes survive: ${decoration.name}`, () => {
    const expected = EXPECTED[decoration.name] ?? {};
    const changed: string[] = [];
    const stillExpected = new Set(Object.keys(expected));
    let tried = 0;
    for (const c of CASES) {
      if ((decoration.inner && c.outer) || (decoration.fits && !decoration.fits(c.lines))) continue;
      tried++;
      const { rootCause } = diagnoseText(KB, decoration.wrap(c.lines).join('\n'), { hostPlatform: 'debian' });
      if (rootCause === c.rootCause) continue;
      if (c.label in expected) stillExpected.delete(c.label);
      else changed.push(`${c.label}: ${c.rootCause} -> ${rootCause}`);
    }
    assert.ok(tried >= MIN_CASES, `only ${tried} cases fit ${decoration.name}`);
    assert.deepEqual(changed, [], `${decoration.source}\n${changed.join('\n')}`);
    assert.deepEqual([...stillExpected], [], `these no longer change under ${decoration.name}: drop them from EXPECTED`);
  });
}
