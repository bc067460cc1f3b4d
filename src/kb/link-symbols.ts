// Which system library defines a symbol that a link left undefined, and the flag that puts it on the link line.
// Data and pure lookups only; part of kb/ (imports nothing outside kb/). A symbol the table does not know is the
// project's own or a third-party library's: no cause is named for it.

/** How the fix reads: a flag to add, a C++ driver to link with, or libpython's own linking rules. */
export type LinkRemedy = 'flag' | 'cxx-driver' | 'libcxx' | 'libstdcxx' | 'libpython';

export interface SymbolFamily {
  /** The library as people name it: `libdl`, `libm`, `the C++ runtime (libstdc++)`, `ws2_32.lib`. */
  library: string;
  /** What to add to the link: `-ldl`, `-pthread`, `ws2_32.lib`. */
  flag: string;
  remedy: LinkRemedy;
  /** When the library is a separate one (and so when the flag is needed), for the explanation. */
  note: string;
  /** Windows import libraries: only symbols a Windows linker reports (MSVC, MinGW, `__imp_` references). */
  windows?: boolean;
}

const MATH = [
  'sqrt', 'cbrt', 'pow', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2',
  'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'floor', 'ceil', 'round', 'lround', 'llround', 'trunc', 'fmod', 'remainder', 'hypot',
  'fmin', 'fmax', 'fma', 'fdim', 'rint', 'lrint', 'llrint', 'nearbyint', 'erf', 'erfc', 'tgamma', 'lgamma', 'frexp', 'ldexp', 'modf',
  'copysign', 'nextafter', 'scalbn', 'logb', 'ilogb', 'sincos', 'fabs', 'exp10',
];

/** Families by exact symbol name (after the platform's decorations are removed: see `bareSymbol`). */
const BY_NAME: [names: readonly string[], family: SymbolFamily][] = [
  [['dlopen', 'dlsym', 'dlclose', 'dlerror', 'dladdr', 'dladdr1', 'dlvsym', 'dlinfo', 'dlmopen'],
    { library: 'libdl', flag: '-ldl', remedy: 'flag', note: 'glibc before 2.34 keeps dlopen() and its siblings in libdl (since 2.34 they are in libc, so newer systems build without it)' }],
  [['sem_open', 'sem_close', 'sem_unlink', 'sem_init', 'sem_destroy', 'sem_wait', 'sem_trywait', 'sem_timedwait', 'sem_post', 'sem_getvalue'],
    { library: 'libpthread', flag: '-pthread', remedy: 'flag', note: 'glibc before 2.34 keeps the POSIX threads and semaphores in libpthread' }],
  [MATH.flatMap((f) => [f, `${f}f`, `${f}l`]),
    { library: 'libm', flag: '-lm', remedy: 'flag', note: 'glibc keeps the math functions in libm, which the C driver does not link by default (g++ does)' }],
  [['clock_gettime', 'clock_getres', 'clock_settime', 'clock_nanosleep', 'clock_getcpuclockid', 'timer_create', 'timer_delete', 'timer_settime', 'timer_gettime',
    'timer_getoverrun', 'shm_open', 'shm_unlink', 'mq_open', 'mq_close', 'mq_unlink', 'mq_send', 'mq_receive', 'mq_timedsend', 'mq_timedreceive', 'mq_notify',
    'mq_getattr', 'mq_setattr', 'aio_read', 'aio_write', 'aio_error', 'aio_return', 'aio_suspend', 'aio_cancel', 'aio_fsync', 'lio_listio'],
    { library: 'librt', flag: '-lrt', remedy: 'flag', note: 'glibc before 2.17 keeps clock_gettime() in librt, and before 2.34 shm_open(), timers, message queues and POSIX AIO' }],
  [['res_query', 'res_search', 'res_querydomain', 'res_mkquery', 'res_send', 'res_init', 'res_ninit', 'res_nquery', 'res_nsearch', 'res_nclose', 'dn_expand', 'dn_comp',
    'dn_skipname', 'ns_initparse', 'ns_parserr', 'ns_name_uncompress'],
    // (glibc's own __res_query, which resolv.h maps res_query to, is left to musl-specific: on musl it means a glibc-built object)
    { library: 'libresolv', flag: '-lresolv', remedy: 'flag', note: 'the DNS resolver functions live in libresolv (in libc only from glibc 2.34; macOS needs -lresolv too)' }],
  [['openpty', 'forkpty', 'login_tty', 'logwtmp'],
    { library: 'libutil', flag: '-lutil', remedy: 'flag', note: 'glibc before 2.34 keeps openpty() and forkpty() in libutil' }],
  [['crypt', 'crypt_r'],
    { library: 'libcrypt', flag: '-lcrypt', remedy: 'flag', note: 'crypt() lives in libcrypt (libxcrypt), never in libc' }],
  // Windows: the import library of the system DLL that exports each function (Microsoft's API reference names it).
  [['WSAStartup', 'WSACleanup', 'WSAGetLastError', 'WSASetLastError', 'WSASocket', 'WSAIoctl', 'WSARecv', 'WSASend', 'WSAPoll', 'WSAStringToAddress',
    'WSAAddressToString', 'closesocket', 'ioctlsocket', 'getaddrinfo', 'freeaddrinfo', 'getnameinfo', 'GetAddrInfo', 'FreeAddrInfo', 'inet_pton', 'inet_ntop',
    'gethostbyname', 'gethostname', 'htons', 'ntohs', 'htonl', 'ntohl', 'socket', 'connect', 'bind', 'listen', 'accept', 'send', 'recv', 'sendto', 'recvfrom',
    'setsockopt', 'getsockopt', 'getsockname', 'getpeername', 'shutdown', 'select', '__WSAFDIsSet', 'inet_addr', 'inet_ntoa', 'gethostbyaddr', 'getservbyname',
    'WSARecvFrom', 'WSASendTo', 'WSAEventSelect', 'WSAWaitForMultipleEvents', 'WSACreateEvent', 'WSACloseEvent', 'WSAEnumNetworkEvents', 'WSADuplicateSocket'],
    { library: 'ws2_32.lib (Winsock)', flag: 'ws2_32', remedy: 'flag', note: 'Winsock functions come from ws2_32.dll, whose import library a link must name', windows: true }],
  [['RegOpenKeyEx', 'RegCloseKey', 'RegQueryValueEx', 'RegSetValueEx', 'RegCreateKeyEx', 'RegDeleteKey', 'RegDeleteValue', 'RegEnumKeyEx', 'RegEnumValue', 'RegGetValue',
    'CryptAcquireContext', 'CryptReleaseContext', 'CryptGenRandom', 'SystemFunction036', 'OpenProcessToken', 'GetTokenInformation', 'LookupAccountSid', 'GetUserName',
    'ConvertSidToStringSid', 'AllocateAndInitializeSid', 'FreeSid', 'CheckTokenMembership', 'InitializeSecurityDescriptor', 'SetSecurityDescriptorDacl'],
    { library: 'advapi32.lib', flag: 'advapi32', remedy: 'flag', note: 'the registry, token and legacy crypto functions come from advapi32.dll', windows: true }],
  [['MessageBox', 'GetDC', 'ReleaseDC', 'DefWindowProc', 'RegisterClass', 'RegisterClassEx', 'CreateWindowEx', 'DestroyWindow', 'ShowWindow', 'UpdateWindow', 'GetMessage',
    'PeekMessage', 'DispatchMessage', 'TranslateMessage', 'PostQuitMessage', 'LoadCursor', 'LoadIcon', 'GetSystemMetrics', 'SetWindowLongPtr', 'GetWindowLongPtr',
    'OpenClipboard', 'CloseClipboard', 'GetClipboardData', 'SetClipboardData', 'EmptyClipboard'],
    { library: 'user32.lib', flag: 'user32', remedy: 'flag', note: 'window, message and clipboard functions come from user32.dll', windows: true }],
  [['CoInitialize', 'CoInitializeEx', 'CoUninitialize', 'CoCreateInstance', 'CoTaskMemFree', 'CoTaskMemAlloc', 'CoCreateGuid', 'StringFromGUID2', 'CLSIDFromString'],
    { library: 'ole32.lib', flag: 'ole32', remedy: 'flag', note: 'COM functions come from ole32.dll', windows: true }],
  [['SHGetFolderPath', 'SHGetKnownFolderPath', 'SHGetSpecialFolderPath', 'ShellExecute', 'ShellExecuteEx', 'CommandLineToArgvW', 'SHFileOperation', 'DragQueryFile'],
    { library: 'shell32.lib', flag: 'shell32', remedy: 'flag', note: 'shell functions come from shell32.dll', windows: true }],
  [['GetUserProfileDirectory', 'CreateEnvironmentBlock', 'DestroyEnvironmentBlock'],
    { library: 'userenv.lib', flag: 'userenv', remedy: 'flag', note: 'user profile functions come from userenv.dll', windows: true }],
  [['BCryptGenRandom', 'BCryptOpenAlgorithmProvider', 'BCryptCloseAlgorithmProvider', 'BCryptCreateHash', 'BCryptHashData', 'BCryptFinishHash', 'BCryptDestroyHash'],
    { library: 'bcrypt.lib', flag: 'bcrypt', remedy: 'flag', note: 'CNG crypto functions come from bcrypt.dll', windows: true }],
  [['CertOpenStore', 'CertOpenSystemStore', 'CertCloseStore', 'CertFindCertificateInStore', 'CertEnumCertificatesInStore', 'CertFreeCertificateContext',
    'CertGetCertificateChain', 'CertFreeCertificateChain', 'CertDuplicateCertificateContext', 'CryptStringToBinary', 'CryptDecodeObjectEx', 'PFXImportCertStore'],
    { library: 'crypt32.lib', flag: 'crypt32', remedy: 'flag', note: 'certificate store functions come from crypt32.dll', windows: true }],
  [['AcquireCredentialsHandle', 'InitializeSecurityContext', 'AcceptSecurityContext', 'DeleteSecurityContext', 'FreeCredentialsHandle', 'QueryContextAttributes',
    'EncryptMessage', 'DecryptMessage', 'FreeContextBuffer'],
    { library: 'secur32.lib', flag: 'secur32', remedy: 'flag', note: 'SSPI (Schannel) functions come from secur32.dll', windows: true }],
  [['GetAdaptersAddresses', 'GetAdaptersInfo', 'GetIfTable', 'GetIfEntry', 'GetBestRoute', 'if_nametoindex', 'if_indextoname', 'ConvertInterfaceLuidToNameW'],
    { library: 'iphlpapi.lib', flag: 'iphlpapi', remedy: 'flag', note: 'network adapter functions come from iphlpapi.dll', windows: true }],
  [['timeGetTime', 'timeBeginPeriod', 'timeEndPeriod', 'PlaySound', 'waveOutOpen', 'waveOutWrite', 'waveOutClose'],
    { library: 'winmm.lib', flag: 'winmm', remedy: 'flag', note: 'multimedia timer and sound functions come from winmm.dll', windows: true }],
  [['GetProcessMemoryInfo', 'EnumProcessModules', 'EnumProcesses', 'GetModuleFileNameEx', 'GetModuleBaseName'],
    { library: 'psapi.lib', flag: 'psapi', remedy: 'flag', note: 'process status functions come from psapi.dll (kernel32 exports them as K32* only from Windows 7)', windows: true }],
  [['WinHttpOpen', 'WinHttpConnect', 'WinHttpOpenRequest', 'WinHttpSendRequest', 'WinHttpReceiveResponse', 'WinHttpQueryHeaders', 'WinHttpReadData',
    'WinHttpWriteData', 'WinHttpQueryDataAvailable', 'WinHttpCloseHandle', 'WinHttpSetOption', 'WinHttpQueryOption', 'WinHttpSetTimeouts', 'WinHttpCrackUrl',
    'WinHttpAddRequestHeaders', 'WinHttpSetStatusCallback', 'WinHttpGetDefaultProxyConfiguration', 'WinHttpGetIEProxyConfigForCurrentUser', 'WinHttpGetProxyForUrl'],
    { library: 'winhttp.lib', flag: 'winhttp', remedy: 'flag', note: 'the WinHTTP client functions come from winhttp.dll', windows: true }],
  [['MiniDumpWriteDump', 'SymInitialize', 'SymCleanup', 'SymFromAddr', 'StackWalk64', 'SymGetLineFromAddr64', 'UnDecorateSymbolName'],
    { library: 'dbghelp.lib', flag: 'dbghelp', remedy: 'flag', note: 'debug help functions come from dbghelp.dll', windows: true }],
];

const PTHREAD: SymbolFamily = { library: 'libpthread', flag: '-pthread', remedy: 'flag', note: 'glibc before 2.34 keeps the POSIX threads functions in libpthread' };
const LIBATOMIC: SymbolFamily = {
  library: 'libatomic',
  flag: '-latomic',
  remedy: 'flag',
  note: 'GCC turns atomic operations the CPU cannot do inline (64-bit atomics on 32-bit ARM, MIPS or PowerPC, 16-byte atomics, some RISC-V ones) into calls to libatomic, which it does not link by itself',
};
const CXX_RUNTIME: SymbolFamily = {
  library: 'the C++ runtime (libstdc++ or libc++)',
  flag: 'g++ / clang++',
  remedy: 'cxx-driver',
  note: 'the C compiler driver (gcc, clang, cc) links only the C library; g++ and clang++ add the C++ runtime',
};
const LIBCXX: SymbolFamily = {
  library: 'libc++ (LLVM\'s C++ library)',
  flag: '-stdlib=libc++',
  remedy: 'libcxx',
  note: 'symbols in std::__1 belong to libc++: the objects were compiled against libc++ headers (clang -stdlib=libc++, macOS, a prebuilt library), but the link uses libstdc++ or no C++ library at all',
};
const LIBSTDCXX_ON_LIBCXX: SymbolFamily = {
  library: 'libstdc++ (GCC\'s C++ library)',
  flag: 'the same C++ library for every object',
  remedy: 'libstdcxx',
  note: 'symbols in std::__cxx11 belong to libstdc++: objects compiled by GCC (Homebrew gcc, a prebuilt library) are linked by Apple clang against libc++, which has none of them',
};
const LIBPYTHON: SymbolFamily = {
  library: 'libpython',
  flag: 'python3-config --embed --ldflags',
  remedy: 'libpython',
  note: 'the Python C API is defined by libpython (or by the interpreter that loads an extension module)',
};

const FAMILY_OF_NAME = new Map<string, SymbolFamily>(BY_NAME.flatMap(([names, family]) => names.map((n) => [n, family] as const)));

// Itanium-mangled names of the C++ runtime, for linkers that print them undemangled: operator new/delete (_Znwm,
// _ZdlPv), std:: members (_ZSt, _ZNSt, _ZNKSt), its type info and vtables (_ZTVN10__cxxabiv1, _ZTISt, _ZTSSt).
const MANGLED_CXX_RUNTIME = /^_Z(?:nw|na|dl|da)[jmyPv]|^_Z(?:N|NK)?St|^_ZT[VIST](?:N10__cxxabiv|St)/;
// Demangled: what g++ and clang++ add that gcc does not. __cxa_atexit, __cxa_finalize and __cxa_thread_atexit_impl
// are in libc, so they are left out.
const DEMANGLED_CXX_RUNTIME =
  /^(?:std::|operator (?:new|delete)\b|__gxx_personality_v0$|__cxa_(?!atexit$|finalize$|thread_atexit_impl$)\w+$|__dynamic_cast$|(?:vtable|typeinfo|typeinfo name|VTT) for (?:std::|__cxxabiv1::))/;
// The Python C API: PyObject_GetAttr, Py_Initialize, _Py_Dealloc, PyExc_TypeError, _PyBytes_Resize.
// (every name has an underscore after its type: PyTorchHelper is not CPython's). PyInit_<module> is no part of it: the
// extension module defines its own init function, and a link that misses it (an export list naming another module's,
// a module name that differs from the file's) is the extension's build, not libpython.
const PYTHON_C_API = /^(?!PyInit_)_?Py(?:_[A-Za-z]\w*|[A-Z][A-Za-z0-9]*_\w+)$/;

/**
 * A program that loads plugins and defines the API they call: the plugin leaves those symbols undefined for the host to
 * resolve when it loads it (on macOS, only when linked with `-undefined dynamic_lookup`).
 */
export interface PluginHost {
  /** The host as people name it: `the Erlang VM`. */
  host: string;
  /** What its plugins are called: `NIF library`. */
  plugin: string;
}

// APIs only a host program defines, each named with its own prefix: the Erlang NIF API (erl_nif.h: enif_make_atom),
// Node-API (node_api.h: napi_create_function, node_api_symbol_for). Python's is LIBPYTHON above (a program that embeds
// it links libpython). Ruby's rb_ API is left out: mkmf links extensions right, and the rb_ symbols ld64 refused in the
// samples were Ruby's own build linking its encoding bundles against a static libruby (fixed by --enable-shared).
const PLUGIN_HOSTS: readonly [RegExp, PluginHost][] = [
  [/^enif_[a-z]\w*$/, { host: 'the Erlang VM', plugin: 'NIF library' }],
  [/^(?:napi|node_api)_[a-z]\w*$/, { host: 'Node.js', plugin: 'Node-API addon' }],
];

/** The host program whose plugin API defines an undefined symbol, or null. */
export function pluginHostOf(printed: string, opts: { macho?: boolean } = {}): PluginHost | null {
  const { name } = bareSymbol(printed, opts.macho);
  return PLUGIN_HOSTS.find(([re]) => re.test(name))?.[1] ?? null;
}

/** A symbol as the linker printed it, without the decorations of its platform or of the message. */
export function bareSymbol(printed: string, macho = false): { name: string; version?: string; dllimport: boolean } {
  let name = printed.trim();
  let dllimport = false;
  // lld-link demangles an import thunk as "__declspec(dllimport) WSAStartup"; MSVC and MinGW ld print "__imp_WSAStartup"
  // (32-bit: "__imp__WSAStartup@16").
  const declspec = /^__declspec\(dllimport\) /.exec(name);
  if (declspec) { name = name.slice(declspec[0].length); dllimport = true; }
  const imp = /^__imp_/.exec(name);
  if (imp) { name = name.slice(imp[0].length); dllimport = true; }
  // Mach-O prefixes every C symbol with "_" ("_dlopen"); 32-bit Windows stdcall adds one and "@16" (removed above and below).
  if (macho && name.startsWith('_')) name = name.slice(1);
  if (dllimport && /^_[A-Za-z]\w*@\d+$/.test(name)) name = name.slice(1);
  // GNU ld prints a versioned reference as "sqrt@@GLIBC_2.2.5" or "dlsym@GLIBC_2.17".
  const at = /^(?<base>[^@\s]+)@@?(?<version>[\w.]+)$/.exec(name);
  if (at?.groups && !/^\d+$/.test(at.groups.version)) return { name: at.groups.base, version: at.groups.version, dllimport };
  if (at?.groups) name = at.groups.base;
  return { name, dllimport };
}

// glibc's oldest symbol versions (i386 2.0/2.1, x86-64 2.2.5, ARM 2.4, AArch64 and ppc64le 2.17). A reference to a newer
// version ("pthread_create@GLIBC_2.34") means the library was built against a newer glibc than the one linking it:
// not a missing flag.
function isBaseGlibcVersion(version: string): boolean {
  const m = /^GLIBC_2\.(\d+)(?:\.\d+)?$/.exec(version);
  if (!m) return /^LIBATOMIC_1\.0$/.test(version);
  return Number(m[1]) <= 17;
}

/**
 * The system library that defines an undefined symbol, or null when the table does not know the symbol (the project's
 * own code or a third-party library). `windowsLink`: the linker is MSVC's or a MinGW one (Windows import libraries apply);
 * `macho`: ld64 printed it (leading underscore).
 */
export function symbolFamily(printed: string, opts: { windowsLink?: boolean; macho?: boolean } = {}): SymbolFamily | null {
  const { name, version, dllimport } = bareSymbol(printed, opts.macho);
  if (version !== undefined && !isBaseGlibcVersion(version)) return null;
  if (/std::__1::|NSt3__1/.test(name)) return LIBCXX;
  // Apple's linker links libc++, which has no std::__cxx11 (libstdc++'s new-ABI namespace).
  if (opts.macho && /std::__cxx11::|NSt7__cxx11/.test(name)) return LIBSTDCXX_ON_LIBCXX;
  if (DEMANGLED_CXX_RUNTIME.test(name) || MANGLED_CXX_RUNTIME.test(name)) return CXX_RUNTIME;
  if (PYTHON_C_API.test(name)) return LIBPYTHON;
  if (/^__atomic_\w+$/.test(name)) return LIBATOMIC;
  if (/^pthread_\w+$/.test(name)) return PTHREAD;
  // Windows API names come in ANSI and wide forms: RegOpenKeyExW, MessageBoxA.
  const family = FAMILY_OF_NAME.get(name) ?? FAMILY_OF_NAME.get(name.replace(/[AW]$/, ''));
  if (!family) return null;
  if (family.windows && !(opts.windowsLink || dllimport)) return null;
  // POSIX libraries are not what a Windows import reference lacks ("__imp_select" is ws2_32's, not libc's).
  if (!family.windows && dllimport) return null;
  return family;
}

/**
 * Symbols only glibc defines, which an object or static library compiled against glibc's headers references: linked
 * against another C library (musl on Alpine, most often) they stay undefined. `alone`: the symbol comes only from
 * glibc's own headers and a glibc link always resolves it, so the reference shows a glibc-built object on another libc
 * even when the log never names the libc; otherwise it also turns up on glibc itself (an older glibc, a MinGW fortify
 * link) and needs the log to show musl.
 */
export interface GlibcOnlySymbolFamily {
  /** What the symbols are, for the explanation. */
  family: string;
  alone: boolean;
}

const GLIBC_ONLY_SYMBOLS: [RegExp, GlibcOnlySymbolFamily][] = [
  // glibc < 2.26's bits/string2.h inline helpers (strchr(s, 0) -> __rawmemchr, strdup -> __strdup, strspn -> __strspn_c1).
  [/^__(?:rawmemchr|mempcpy|stpcpy|strdup|strndup|strtok_r|strsep_g|strsep_[123]c|str(?:c?spn|pbrk)_c[123])$/,
    { family: "glibc's inline string helpers (bits/string2.h)", alone: true }],
  // <gnu/libc-version.h>.
  [/^gnu_get_libc_(?:version|release)$/, { family: "glibc's version query (gnu/libc-version.h)", alone: true }],
  // _FORTIFY_SOURCE's checked variants (__memcpy_chk, __fprintf_chk, __open_2); MinGW also lacks them without -lssp.
  [/^__\w+_chk$|^__(?:open|open64|openat|openat64|mq_open)_2$/, { family: "glibc's _FORTIFY_SOURCE checks", alone: false }],
  // stdio.h's C99 scanf redirects (__isoc99_sscanf; glibc 2.38: __isoc23_strtol): glibc older than the headers lacks them too.
  [/^__isoc(?:99|23)_\w+$/, { family: "glibc's ISO C scanf/strtol redirects", alone: false }],
  // glibc internals that allocators, sanitizers and libstdc++ call (__libc_malloc, __libc_single_threaded, __libc_csu_init).
  [/^__libc_(?:malloc|calloc|realloc|free|memalign|valloc|pvalloc|single_threaded|csu_init|csu_fini|stack_end|enable_secure)$/,
    { family: "glibc's internal __libc_* symbols", alone: false }],
  // resolv.h's and pthread_atfork's glibc names (res_query -> __res_query).
  [/^__res_\w+$|^__register_atfork$/, { family: "glibc's resolver and atfork internals", alone: false }],
  // Large-file *64 names: musl >= 1.2.4 no longer exports them (glibc always does).
  [/^(?:open|fopen|fcntl|lseek|stat|fstat|lstat|fstatat|mmap|pread|pwrite|ftruncate|truncate|readdir|getrlimit|setrlimit|statvfs|fstatvfs|sendfile|posix_fadvise|posix_fallocate|ftello|fseeko|tmpfile|creat|openat|prlimit)64$/,
    { family: 'the large-file *64 functions (musl 1.2.4 dropped them)', alone: false }],
];

/** The glibc-only family an undefined symbol belongs to ("__rawmemchr", "__memcpy_chk@GLIBC_2.3.4"), or null. */
export function glibcOnlySymbol(printed: string): GlibcOnlySymbolFamily | null {
  const { name } = bareSymbol(printed);
  return GLIBC_ONLY_SYMBOLS.find(([re]) => re.test(name))?.[1] ?? null;
}
