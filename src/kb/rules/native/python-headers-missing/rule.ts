// python-headers-missing: a C/C++ extension includes Python.h, but the Python development headers are not installed.

import { confidenceOf, defineRule, oneHitPerLine } from '../../../rule.js';

export default defineRule({
  id: 'python-headers-missing',
  title: 'Python development headers are not installed',
  summary: 'A Python C/C++ extension cannot be compiled because Python.h (the Python development package) is missing.',
  category: 'system-library',
  captures: {
    pyver: { type: 'version', doc: 'the Python version whose headers are missing', optional: true },
  },
  internal: ['aptPython', 'pythonLabel', 'header'],
  // The shared header signal reads every compiler's wording of a missing Python.h, in its translations; the kb table
  // routes Python.h here. The patterns below read the English forms and the lines only Python builds print.
  signals: ['header-not-found'],
  // The compiler's follow-up errors in the same file are consequences of the missing header, not bugs in the code.
  explains: ['c-code-error'],
  patterns: [
    {
      id: 'python-h-not-found',
      // gcc >= 4.5: "src/x.c:2:10: fatal error: Python.h: No such file or directory"; gcc 4.4: "x.cc:5:20: error: Python.h: No such file or directory";
      // clang: "fatal error: 'Python.h' file not found"; MSVC: "fatal error C1083: Cannot open include file: 'Python.h': No such file or directory".
      // Also "python3.8/Python.h" style includes. Printed directly or through pip, setuptools, cc-rs or make.
      source: 'gcc / clang / MSVC',
      literals: ['Python.h'],
      re: /(?:fatal )?error(?: C1083)?: (?:Cannot open include file: )?['‘"]?(?:python[\d.]*m?\/)?Python\.h['’"]?:? (?:No such file or directory|file not found)/,
      weight: 0.95,
    },
    {
      id: 'msvc-python-h',
      // MSVC in other layouts: Visual Studio's error list "Error\tC1083\tCannot open include file: 'Python.h': ...",
      // localized cl.exe "fatal error C1083: 无法打开包括文件: “Python.h”: No such file or directory"
      source: 'MSVC cl.exe / Visual Studio',
      literals: ['C1083'],
      re: /C1083(?::|\t) ?(?:Cannot open include file|无法打开包括文件): ['"‘“]Python\.h['"’”]/,
      weight: 0.95,
    },
    {
      id: 'pyconfig-h-not-found',
      // gcc/clang when Python.h exists but the arch-specific pyconfig.h (e.g. libpython3.X-dev on multiarch Debian) does not
      source: 'gcc / clang',
      literals: ['pyconfig.h'],
      re: /error: ['‘"]?(?:python[\d.]*m?\/)?pyconfig\.h['’"]?:? (?:No such file or directory|file not found)/,
      weight: 0.9,
    },
    {
      id: 'cmake-find-python-development',
      // CMake FindPython3 (>= 3.12): "Could NOT find Python3 (missing: Python3_INCLUDE_DIRS Development ...)";
      // FindPythonLibs: "Could NOT find PythonLibs (missing: PYTHON_LIBRARIES PYTHON_INCLUDE_DIRS)"
      source: 'CMake FindPython / FindPythonLibs',
      literals: ['Could NOT find Python'],
      // (counts only when the missing list names the headers: INCLUDE_DIR or Development; checked in refine)
      re: /Could NOT find (?:Python3?|PythonLibs) \(missing: /,
      weight: 0.85,
    },
    {
      id: 'python-include-flag',
      // setuptools/distutils compile line: "... -I/usr/include/python3.11 -c src/x.c" (support only: names the Python version)
      source: 'setuptools / distutils',
      literals: ['-I/usr/include/python', '-I/usr/local/include/python'],
      re: /-I\/usr(?:\/local)?\/include\/python(?<pyver>[23]\.\d+)/,
      weight: 0.05,
    },
  ],
  refine: (ctx) => {
    const pyver = ctx.captures.pyver;
    // (a line the header signal and python-h-not-found both read counts once)
    const perLine = oneHitPerLine(ctx.hits);
    const relevant = perLine.filter((h) => h.weight >= 0.5 && (h.pattern !== 'cmake-find-python-development' || /INCLUDE_DIR|Development/.test(h.text)));
    if (relevant.length === 0) return null;
    const evidence = relevant.map((h) => ({ line: h.line, text: h.text }));
    const captures: Record<string, string> = {};
    // Debian/Ubuntu name the package after the exact interpreter (python3.11-dev); python3-dev covers only the default one.
    captures.aptPython = pyver ? `python${pyver}-dev` : 'python3-dev';
    captures.pythonLabel = pyver ? `Python ${pyver}` : 'this Python';
    return { confidence: confidenceOf(perLine), captures, evidence };
  },
  explanation:
    'The extension is C/C++ code that includes Python.h, which ships with the Python development package, not with the ' +
    'interpreter. {{pythonLabel}} is installed without its headers (typical of distribution Pythons in slim images), so the compiler ' +
    'stops at the #include. Any further errors from that file are follow-ups. The usual alternatives are installing the headers, ' +
    'or using a prebuilt wheel so nothing has to be compiled.',
  fix: {
    summary: 'Install the Python development headers for the Python that runs the build, or use a prebuilt wheel.',
    steps: [
      'Install the development package matching the interpreter that runs pip/setup.py (below).',
      'If you use a non-distribution Python (pyenv, conda, python.org installer), its headers come with it: make sure the build uses that interpreter (python -m pip ...).',
      'Or upgrade pip and the package so that a prebuilt wheel for your Python version and platform is used instead of compiling.',
    ],
    packages: {
      apt: ['{{aptPython}}'],
      dnf: ['python3-devel'],
      yum: ['python3-devel'],
      apk: ['python3-dev'],
      pacman: ['python'],
      zypper: ['python3-devel'],
      nix: ['python3'],
    },
    commands: ['python3 -m pip install --upgrade pip   # newer pip finds more prebuilt wheels'],
    platformCommands: {
      macos: ['xcode-select --install   # or: brew install python'],
      windows: ['Reinstall Python from python.org (the installer includes the headers in include\\Python.h), and run the build from that interpreter'],
    },
  },
});
