// Standard-library modules that a Python release removed, with that release: "No module named 'imp'" means the code
// was written for a Python older than the one running it. Pure data and a lookup, shared by the signals' routing and
// python-version-unsupported. distutils (removed in 3.12) is left out: setuptools provides it again, and
// python-build-dependency-missing reports it with that fix. lib2to3 is left out too: Debian ships it as a separate
// package (python3-lib2to3), so its absence does not prove the Python version.

/** Module -> the Python release that removed it (What's New in Python 3.12; PEP 594 for 3.13). */
export const REMOVED_STDLIB_MODULES: Readonly<Record<string, string>> = {
  imp: '3.12',
  asynchat: '3.12',
  asyncore: '3.12',
  smtpd: '3.12',
  aifc: '3.13',
  audioop: '3.13',
  cgi: '3.13',
  cgitb: '3.13',
  crypt: '3.13',
  imghdr: '3.13',
  mailcap: '3.13',
  msilib: '3.13',
  nis: '3.13',
  nntplib: '3.13',
  ossaudiodev: '3.13',
  pipes: '3.13',
  sndhdr: '3.13',
  spwd: '3.13',
  sunau: '3.13',
  telnetlib: '3.13',
  uu: '3.13',
  xdrlib: '3.13',
};

/** The Python release that removed `module` from the standard library, if it is one of those. */
export function pythonReleaseThatRemoved(module: string): string | undefined {
  return Object.hasOwn(REMOVED_STDLIB_MODULES, module) ? REMOVED_STDLIB_MODULES[module] : undefined;
}
