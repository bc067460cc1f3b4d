// What the Microsoft C++ toolchain itself provides: the headers and import libraries of MSVC (its C++ standard library,
// vcruntime, ATL/MFC), the Universal CRT and the Windows SDK. When cl.exe or link.exe cannot open one of these, the
// toolchain is incomplete or its environment is not set (INCLUDE/LIB without the SDK, cl.exe run outside a Developer
// prompt), not a third-party library missing. A POSIX header (unistd.h, pthread.h, sys/socket.h) is none of them: MSVC
// never had it, so code that includes it does not support MSVC at all.
// Part of kb/: imports nothing outside kb/.

// Headers of the Universal CRT and of MSVC's C runtime (ISO C and Microsoft's own: io.h, direct.h, process.h, malloc.h).
const CRT_HEADERS = new Set(
  ('assert complex ctype errno fenv float inttypes iso646 limits locale math setjmp signal stdalign stdarg stdatomic stdbool stddef ' +
    'stdint stdio stdlib stdnoreturn string tgmath threads time uchar wchar wctype io direct process malloc conio crtdbg fcntl share ' +
    'search memory mbstring mbctype tchar dos locking new excpt vcruntime vcruntime_new vcruntime_string corecrt corecrt_io corecrt_math ' +
    'corecrt_malloc corecrt_memory corecrt_search corecrt_share corecrt_stdio_config corecrt_terminate corecrt_wchar corecrt_wconio ' +
    'corecrt_wctype corecrt_wdirect corecrt_wio corecrt_wprocess corecrt_wstdio corecrt_wstdlib corecrt_wstring corecrt_wtime sal vadefs ' +
    'intrin immintrin xmmintrin emmintrin pmmintrin tmmintrin smmintrin nmmintrin wmmintrin ammintrin mmintrin arm_neon arm64_neon yvals ' +
    'yvals_core minmax sys/types sys/stat sys/timeb sys/utime sys/locking')
    .split(' ')
    .map((h) => `${h}.h`),
);

// Headers of the Windows SDK (um, shared, winrt) that builds include most.
const SDK_HEADERS = new Set(
  ('windows windef winbase winnt winuser wingdi winerror winreg winver winnls wincon winsvc winioctl winsock winsock2 ws2tcpip ws2def ' +
    'mswsock iphlpapi iptypes winapifamily sdkddkver specstrings driverspecs objbase objidl ole2 oleauto olectl ocidl unknwn wtypes ' +
    'guiddef rpc rpcndr propidl shlobj shellapi shlwapi shobjidl commctrl commdlg richedit wincrypt bcrypt ncrypt ntsecapi security sspi ' +
    'schannel winhttp wininet urlmon mmsystem mmreg dsound mfapi mfidl d3d9 d3d11 d3d12 dxgi dxgi1_2 dxgi1_4 dxgi1_6 d3dcompiler d2d1 ' +
    'dwrite xinput psapi tlhelp32 dbghelp imagehlp setupapi cfgmgr32 devguid hidsdi hidpi lm lmcons userenv sddl aclapi accctrl ' +
    'processthreadsapi synchapi sysinfoapi fileapi handleapi memoryapi errhandlingapi libloaderapi ntstatus winternl winspool tchar ' +
    'strsafe pathcch knownfolders propkey propvarutil comdef comutil comip atlbase atlstr atlcom atlconv atlcomcli atlsafe atlwin ' +
    'atlimage atltypes atlcoll atlsimpstr atlenc atlfile atlpath atltime atlutil atlctl atlhost afx afxwin afxext afxdisp afxcmn afxdtctl ' +
    'afxcontrolbars afxdialogex afxres winres gl/gl gl/glu')
    .split(' ')
    .map((h) => `${h}.h`),
);

// MSVC's C++ standard library: the ISO headers (no extension) and its internal x* headers.
const CXX_HEADERS = new Set(
  ('iostream istream ostream iosfwd ios streambuf string vector map set list forward_list deque queue stack array bitset algorithm ' +
    'functional memory utility tuple type_traits thread mutex shared_mutex atomic chrono condition_variable future fstream sstream ' +
    'iomanip limits stdexcept exception new typeinfo typeindex unordered_map unordered_set random regex optional variant any ' +
    'string_view filesystem numeric iterator locale codecvt valarray complex ratio system_error initializer_list span concepts ranges ' +
    'format bit compare coroutine source_location numbers barrier latch semaphore stop_token syncstream execution memory_resource ' +
    'charconv expected print generator stacktrace version cassert cctype cerrno cfenv cfloat cinttypes ciso646 climits clocale cmath ' +
    'csetjmp csignal cstdalign cstdarg cstdbool cstddef cstdint cstdio cstdlib cstring ctgmath ctime cuchar cwchar cwctype comdef.h ' +
    'xstring xmemory xutility xtree xhash xlocale xiosbase xstddef xkeycheck xtr1common xatomic.h')
    .split(' '),
);

/** Whether MSVC, its C runtime or the Windows SDK ships this header (as #include names it). */
export function msvcShipsHeader(header: string): boolean {
  const key = header.toLowerCase().replace(/\\/g, '/');
  return CRT_HEADERS.has(key) || SDK_HEADERS.has(key) || CXX_HEADERS.has(key) || /^corecrt_[\w]+\.h$/.test(key);
}

// Import and static libraries that MSVC (its runtimes) and the Windows SDK (the system DLLs' import libraries) ship.
const TOOLCHAIN_LIBRARIES = new Set(
  ('kernel32 user32 gdi32 winspool comdlg32 advapi32 shell32 ole32 oleaut32 uuid odbc32 odbccp32 comctl32 ws2_32 wsock32 mswsock ' +
    'ntdll bcrypt ncrypt crypt32 secur32 userenv dbghelp imagehlp psapi iphlpapi winmm version shlwapi setupapi cfgmgr32 hid netapi32 ' +
    'rpcrt4 wininet winhttp urlmon dwmapi uxtheme imm32 dxgi d3d9 d3d11 d3d12 d3dcompiler d2d1 dwrite dinput8 dxguid xinput opengl32 ' +
    'glu32 synchronization pathcch runtimeobject onecore windowsapp ntoskrnl ' +
    'msvcrt msvcrtd libcmt libcmtd msvcprt msvcprtd libcpmt libcpmtd ucrt ucrtd libucrt libucrtd vcruntime vcruntimed libvcruntime ' +
    'libvcruntimed oldnames legacy_stdio_definitions legacy_stdio_wide_specifiers libconcrt concrt comsuppw comsuppwd atls atlsd ' +
    'delayimp')
    .split(' '),
);

/** Whether MSVC or the Windows SDK ships this link library (`kernel32.lib`, `msvcrt`, `LIBCMT.lib`). */
export function msvcShipsLibrary(library: string): boolean {
  return TOOLCHAIN_LIBRARIES.has(library.toLowerCase().replace(/\.lib$/, ''));
}
