// msvc-missing: on Windows, the MSVC toolchain (link.exe, cl.exe, the Windows SDK) that Rust's *-pc-windows-msvc
// targets, Python extensions and node-gyp use is not installed (or Visual Studio lacks the C++ workload).

import { defineRule } from '../../../rule.js';

export default defineRule({
  id: 'msvc-missing',
  title: 'The Microsoft C++ build tools (MSVC) are not installed',
  summary: 'A Windows build needs the Microsoft C++ compiler and linker from Visual Studio Build Tools, and they are not installed.',
  category: 'toolchain',
  captures: {
    msvcVersion: { type: 'version', doc: 'the MSVC toolset version the build asked for', optional: true },
    program: { type: 'string', doc: 'the MSVC program the shell did not find (`cl.exe`, `link.exe`)', optional: true },
  },
  signals: ['program-not-found'],
  explains: ['linker-not-found', 'c-compiler-missing'],
  patterns: [
    {
      id: 'rustc-msvc-linker-note',
      // rustc >= 1.2x: "note: the msvc targets depend on the msvc linker but `link.exe` was not found"
      source: 'rustc (*-pc-windows-msvc)',
      literals: ['the msvc targets depend on the msvc linker'],
      re: /the msvc targets depend on the msvc linker but `link\.exe` was not found/,
      weight: 0.95,
    },
    {
      id: 'rustc-link-exe-not-found',
      // rustc: "error: linker `link.exe` not found" (linker-not-found leaves link.exe to this rule)
      source: 'rustc',
      literals: ['linker `link'],
      re: /^error: linker `link(?:\.exe)?` not found/,
      weight: 0.95,
    },
    {
      id: 'rustc-install-visual-cpp-note',
      // rustc: "note: please ensure that Visual Studio 2017 or later, or Build Tools for Visual Studio were installed with the
      // Visual C++ option." (older: "please ensure that VS 2013, VS 2015, VS 2017 or VS 2019 was installed with the Visual C++ option")
      source: 'rustc',
      literals: ['installed with the Visual C++ option'],
      re: /please ensure that (?:VS|Visual Studio) \d{4}[\w ,]{0,120} installed with the Visual C\+\+ option/,
      weight: 0.6,
    },
    {
      id: 'distutils-msvc-required',
      // setuptools >= 50: 'error: Microsoft Visual C++ 14.0 or greater is required. Get it with "Microsoft C++ Build Tools": https://...'
      // older: 'error: Microsoft Visual C++ 14.0 is required. Get it with "Microsoft Visual C++ Build Tools"' (9.0 for Python 2.7)
      source: 'setuptools / distutils (msvc)',
      literals: ['Microsoft Visual C++'],
      re: /Microsoft Visual C\+\+ (?<msvcVersion>\d+\.\d+)(?: or greater)? is required/,
      weight: 0.95,
    },
    {
      id: 'distutils-vcvarsall',
      // Python <= 3.4 distutils: "error: Unable to find vcvarsall.bat"
      source: 'distutils (old)',
      literals: ['vcvarsall.bat'],
      re: /Unable to find vcvarsall\.bat/,
      weight: 0.9,
    },
    {
      id: 'node-gyp-find-vs',
      // node-gyp >= 5: "gyp ERR! find VS could not find a version of Visual Studio 2017 or newer to use" and
      // "gyp ERR! stack Error: Could not find any Visual Studio installation to use"
      source: 'node-gyp',
      literals: ['Could not find any Visual Studio installation', 'could not find a version of Visual Studio'],
      re: /Could not find any Visual Studio installation to use|could not find a version of Visual Studio/,
      weight: 0.95,
    },
    {
      id: 'msbuild-vcbuild-missing',
      // node-gyp <= 4 (MSBuild): 'MSBUILD : error MSB3428: Could not load the Visual C++ component "VCBuild.exe"'
      source: 'MSBuild (old node-gyp)',
      literals: ['MSB3428'],
      re: /error MSB3428: Could not load the Visual C\+\+ component/,
      weight: 0.9,
    },
    {
      id: 'cmake-vs-generator-no-instance',
      // CMake: "Generator\n\n    Visual Studio 17 2022\n\n  could not find any instance of Visual Studio."
      source: 'cmake (Visual Studio generator)',
      literals: ['could not find any instance of Visual Studio'],
      re: /could not find any instance of Visual Studio/,
      weight: 0.95,
    },
    {
      id: 'cmake-vs-generator-instance-missing',
      // CMake >= 3.11 (Visual Studio generator with CMAKE_GENERATOR_INSTANCE, or one an earlier configure cached):
      // "Generator\n\n    Visual Studio 15 2017\n\n  could not find specified instance of Visual Studio:\n\n    D:/VS/2017/Community"
      source: 'cmake (Visual Studio generator)',
      literals: ['could not find specified instance of Visual Studio'],
      re: /could not find specified instance of Visual Studio/,
      weight: 0.9,
    },
  ],
  explanation:
    'On Windows, Rust\'s default *-pc-windows-msvc targets link with Microsoft\'s `link.exe`, and Python extensions, node-gyp addons ' +
    'and cc-rs compile C/C++ with `cl.exe`; both come only with Visual Studio or the Visual Studio Build Tools, installed with the ' +
    '"Desktop development with C++" workload (MSVC compiler + Windows SDK). VS Code, or Visual Studio without that workload, is not enough.',
  fix: {
    summary: 'Install Visual Studio Build Tools with the "Desktop development with C++" workload (MSVC and the Windows SDK).',
    steps: [
      'Install "Build Tools for Visual Studio" and tick "Desktop development with C++" (it includes MSVC v14x and a Windows 10/11 SDK).',
      'Open a new terminal (or the "Developer PowerShell for VS") so the updated environment is used, then rebuild.',
      'For Rust without MSVC, the alternative is the GNU toolchain: `rustup toolchain install stable-x86_64-pc-windows-gnu` plus MinGW-w64.',
      'For Python, a prebuilt wheel for your Python version (check the package\'s PyPI files) avoids compiling at all.',
      'If CMake says `could not find specified instance of Visual Studio`, the path it names comes from CMAKE_GENERATOR_INSTANCE or from the CMakeCache.txt of an earlier configure: delete the build directory and configure with the generator of the Visual Studio you have (`-G "Visual Studio 17 2022"`).',
    ],
    platformCommands: {
      windows: [
        'winget install Microsoft.VisualStudio.2022.BuildTools --override "--wait --passive --add Microsoft.VisualStudio.Workload.VCTools --includeRecommended"',
      ],
    },
  },
});
