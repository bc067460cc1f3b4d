// msvc-missing: on Windows, the MSVC toolchain (link.exe, cl.exe, the Windows SDK) that Rust's *-pc-windows-msvc
// targets, Python extensions and node-gyp use is not installed (or Visual Studio lacks the C++ workload), or lacks the
// part the build asks for: an MSVC toolset version (MSB8020), a Windows SDK version (MSB8036), its own headers and
// libraries (cl.exe's C1083 and link.exe's LNK1104 on a file the toolchain ships, routed here by the shared signals).

import type { PatternHit } from '../../../rule.js';
import { defineRule } from '../../../rule.js';

// The Visual Studio release that installs each MSVC platform toolset (MSBuild's PlatformToolset).
const TOOLSET_VS: Record<string, string> = { v100: 'Visual Studio 2010', v110: 'Visual Studio 2012', v120: 'Visual Studio 2013', v140: 'Visual Studio 2015', v141: 'Visual Studio 2017', v142: 'Visual Studio 2019', v143: 'Visual Studio 2022', v145: 'Visual Studio 2026' };

const isSignal = (h: PatternHit, signal: string) => h.pattern.startsWith(`${signal}:`);

export default defineRule({
  id: 'msvc-missing',
  title: 'The Microsoft C++ build tools (MSVC), or the part of them the build needs, are not installed',
  summary: 'A Windows build needs the Microsoft C++ compiler and linker from Visual Studio Build Tools, or a toolset version, Windows SDK, header or library of theirs, and it is not installed.',
  category: 'toolchain',
  captures: {
    msvcVersion: { type: 'version', doc: 'the MSVC toolset version the build asked for', optional: true },
    program: { type: 'string', doc: 'the MSVC program the shell did not find (`cl.exe`, `link.exe`)', optional: true },
    toolset: { type: 'string', doc: 'the MSVC platform toolset MSBuild did not find (`v142`, `ClangCL`)', optional: true },
    sdkVersion: { type: 'version', doc: 'the Windows SDK version MSBuild did not find', optional: true },
    header: { type: 'string', doc: 'a header of MSVC or the Windows SDK that cl.exe could not open', optional: true },
    library: { type: 'string', doc: 'a library of MSVC or the Windows SDK that link.exe could not open', optional: true },
  },
  signals: ['program-not-found', 'header-not-found', 'library-not-found'],
  explains: ['linker-not-found', 'c-compiler-missing', 'cxx-compiler-missing'],
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
      id: 'node-gyp-msbuild-not-found',
      // node-gyp 0.x-4 (lib/build.js, no MSBuild among the registry's ToolsVersions): 'gyp ERR! stack Error: Can't find
      // "msbuild.exe". Do you have Microsoft Visual Studio C++ 2008+ installed?' (a cmd.exe console of 80 columns may
      // wrap the line, so only its start is read)
      source: 'node-gyp <= 4 (lib/build.js)',
      literals: ['find "msbuild.exe". Do you have'],
      re: /Can(?:'|’)t find "msbuild\.exe"\. Do you have/,
      weight: 0.9,
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
    {
      id: 'msbuild-toolset-missing',
      // MSBuild (Microsoft.Cpp.Platform.targets / Microsoft.CppBuild.targets): "error MSB8020: The build tools for v142
      // (Platform Toolset = 'v142') cannot be found. To build using the v142 build tools, please install v142 build
      // tools." (VS 2012-2015: "The builds tools for v140 ..."; "for Visual Studio 2013 (Platform Toolset = 'v120')");
      // translated with Visual Studio's language, the code and the toolset stay: zh "error MSB8020: 无法找到 v140 的生成工具
      // (平台工具集 =“v140”)"; the IDE's error list: "Error\tMSB8020\tThe build tools for v143 ...". The first toolset
      // name after the code is the one asked for.
      source: 'MSBuild (Visual C++ targets)',
      literals: ['MSB8020'],
      re: /\bMSB8020\b[:\s][^\n]{0,160}?(?<![\w.])(?<toolset>v\d{3}(?:_xp)?|ClangCL)(?!\w)/,
      weight: 0.9,
    },
    {
      id: 'msbuild-windows-sdk-missing',
      // MSBuild (Microsoft.Cpp.WindowsSDK.targets): "error MSB8036: The Windows SDK version 10.0.17763.0 was not found.
      // Install the required version of Windows SDK or change the SDK version in the project property pages ..."
      // (also "version 8.1"); zh "error MSB8036: 找不到 Windows SDK 版本 10.0.26100.0。"; the IDE's error list "Error\tMSB8036\t..."
      source: 'MSBuild (Visual C++ targets)',
      literals: ['MSB8036'],
      re: /\bMSB8036\b[:\s]\D{0,120}(?<sdkVersion>\d{1,2}\.\d(?:\.\d{1,5}){0,2})(?![\w.])/,
      weight: 0.9,
    },
    {
      id: 'cmake-nmake-not-found',
      // CMake with the NMake generator (its default on Windows when it finds no Visual Studio, or -G "NMake Makefiles"):
      // 'CMake was unable to find a build program corresponding to "NMake Makefiles".  CMAKE_MAKE_PROGRAM is not set.'
      // nmake.exe, like cl.exe, is on PATH only in a shell that ran vcvarsall.bat (a Developer Command Prompt)
      source: 'CMake (NMake generator)',
      literals: ['unable to find a build program corresponding to "NMake Makefiles"'],
      re: /unable to find a build program corresponding to "NMake Makefiles"/,
      weight: 0.9,
    },
    {
      id: 'cmake-nmake-cl-not-invocable',
      // CMake's NMake and JOM generators after "The CMAKE_C_COMPILER: cl is not a full path and was not found in the
      // PATH" (cmGlobalNMakeMakefileGenerator::PrintCompilerAdvice, CMake >= 3.3): "To use the NMake generator with
      // Visual C++, cmake must be run from a shell that can use the compiler cl from the command line. This environment
      // is unable to invoke the cl compiler." (CMake < 3.3 warned "To use the NMake generator, cmake must be run from a
      // shell that can use the compiler cl from the command line.  This environment does not contain INCLUDE, LIB, or
      // LIBPATH"); wrapped to the message width, both keep "compiler cl from the command line" on one line
      source: 'CMake (NMake / JOM generators)',
      literals: ['compiler cl from the command line'],
      re: /compiler cl from the command line\./,
      weight: 0.9,
    },
    {
      id: 'cmake-vs-generator',
      // CMake with a Visual Studio generator: "-- Building for: Visual Studio 17 2022" (the default generator picked),
      // "-- Selecting Windows SDK version 10.0.22621.0 to target Windows 10.0.19045." (printed by VS generators only; the
      // version is empty when no SDK is installed), or the generator on the command line (-G "Visual Studio 15 2017 Win64")
      source: 'CMake (Visual Studio generators)',
      literals: ['Building for: Visual Studio', 'Selecting Windows SDK version', '-G "Visual Studio', '-G"Visual Studio'],
      re: /^-- (?:Building for: Visual Studio \d|Selecting Windows SDK version)|-G ?"Visual Studio \d/,
      weight: 0.05,
    },
    {
      id: 'cmake-compiler-unknown',
      // CMake: "-- The C compiler identification is unknown" (it could not build its compiler-id project: with a Visual
      // Studio generator, MSBuild found no working MSVC)
      source: 'CMake',
      literals: ['compiler identification is unknown'],
      re: /^-- The (?:C|CXX) compiler identification is unknown/,
      weight: 0.1,
    },
  ],
  refine: (ctx) => {
    const has = (id: string) => ctx.hits.some((h) => h.pattern === id);
    const header = ctx.hits.find((h) => isSignal(h, 'header-not-found'))?.captures.header;
    const library = ctx.hits.find((h) => isSignal(h, 'library-not-found'))?.captures.library;
    const { toolset, sdkVersion } = ctx.captures;
    if (!ctx.hits.some((h) => h.weight >= 0.5)) {
      // CMake's Visual Studio generator only says it could not identify the compiler, then that it found none.
      const cmake = has('cmake-vs-generator') && has('cmake-compiler-unknown') && (ctx.firedRules.has('c-compiler-missing') || ctx.firedRules.has('cxx-compiler-missing'));
      if (!cmake) return null;
      return {
        confidence: 0.8,
        captures: { _story: 'CMake\'s Visual Studio generator could not build even its compiler test project with MSBuild: the Visual Studio it selected has no working C++ compiler (the "Desktop development with C++" workload, or a Windows SDK, is not installed), so no CMAKE_C_COMPILER or CMAKE_CXX_COMPILER was found.' },
      };
    }
    const story = toolset
      ? `The project asks MSBuild for the MSVC toolset ${toolset}${TOOLSET_VS[toolset] ? ` (that of ${TOOLSET_VS[toolset]})` : ''}, and the Visual Studio running the build does not have it installed.`
      : sdkVersion
        ? `The project targets the Windows SDK ${sdkVersion}, and that SDK version is not installed (or not the one this Visual Studio sees).`
        : header
          ? `cl.exe runs, but cannot open \`${header}\`, a header of MSVC itself or of the Windows SDK: the SDK (or the C++ workload, or its ATL/MFC component) is not installed, or cl.exe runs outside a Visual Studio Developer prompt, so INCLUDE does not list those directories.`
          : library
            ? `link.exe runs, but cannot open \`${library}\`, a library of MSVC itself or of the Windows SDK: the SDK (or the libraries for this target architecture) is not installed, or the linker runs outside a Visual Studio Developer prompt, so LIB does not list those directories.`
            : has('cmake-nmake-not-found')
              ? 'CMake\'s NMake generator needs nmake.exe and cl.exe, which are on PATH only in a shell that ran vcvarsall.bat (a Developer Command Prompt), or not at all without the Visual Studio C++ build tools.'
              : 'The Microsoft C++ compiler or linker that the build needs is not installed.';
    return { captures: { _story: story } };
  },
  explanation:
    '{{_story}} On Windows, Rust\'s default *-pc-windows-msvc targets link with Microsoft\'s `link.exe`, and Python extensions, node-gyp addons ' +
    'and cc-rs compile C/C++ with `cl.exe`; both come only with Visual Studio or the Visual Studio Build Tools, installed with the ' +
    '"Desktop development with C++" workload (MSVC compiler + Windows SDK); MSVC toolset versions, Windows SDK versions and ATL/MFC are ' +
    'further components of the same installer. VS Code, or Visual Studio without that workload, is not enough.',
  fix: {
    summary: 'Install Visual Studio Build Tools with the "Desktop development with C++" workload (MSVC and the Windows SDK).',
    steps: [
      'Install "Build Tools for Visual Studio" and tick "Desktop development with C++" (it includes MSVC v14x and a Windows 10/11 SDK).',
      'Open a new terminal (or the "Developer PowerShell for VS") so the updated environment is used, then rebuild.',
      'For Rust without MSVC, the alternative is the GNU toolchain: `rustup toolchain install stable-x86_64-pc-windows-gnu` plus MinGW-w64.',
      'For Python, a prebuilt wheel for your Python version (check the package\'s PyPI files) avoids compiling at all.',
      'If MSBuild names a toolset (MSB8020, {{toolset|v142}}): add its "MSVC {{toolset|v142}} build tools" component in the Visual Studio Installer (Individual components), or build with the toolset you have (`msbuild /p:PlatformToolset=v143`, CMake `-T v143`, or "Retarget solution"); under node-gyp the toolset follows msvs_version, which must name the installed Visual Studio.',
      'If MSBuild names a Windows SDK (MSB8036, {{sdkVersion|10.0.x}}): add that SDK in the Visual Studio Installer (Individual components), or retarget to an installed one (`msbuild /p:WindowsTargetPlatformVersion=10.0`, CMake `-DCMAKE_SYSTEM_VERSION=<installed>`).',
      'If cl.exe or link.exe cannot open a header or library of the toolchain itself (windows.h, stdio.h, io.h, atlbase.h, kernel32.lib, LIBCMT.lib): install the Windows SDK (and the ATL/MFC component for atl*/afx* headers), and build from the "Developer PowerShell for VS" or after `vcvarsall.bat x64`, which set INCLUDE and LIB.',
      'If CMake says `could not find specified instance of Visual Studio`, the path it names comes from CMAKE_GENERATOR_INSTANCE or from the CMakeCache.txt of an earlier configure: delete the build directory and configure with the generator of the Visual Studio you have (`-G "Visual Studio 17 2022"`).',
    ],
    platformCommands: {
      windows: [
        'winget install Microsoft.VisualStudio.2022.BuildTools --override "--wait --passive --add Microsoft.VisualStudio.Workload.VCTools --includeRecommended"',
      ],
    },
  },
});
