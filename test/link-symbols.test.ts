// The table of symbols that system libraries define (kb/link-symbols.ts): which library a linker's undefined symbol
// belongs to, as each linker prints it, and the symbols it must not claim.

import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { bareSymbol, symbolFamily } from '../src/kb/link-symbols.ts';

const flagOf = (symbol: string, opts: Parameters<typeof symbolFamily>[1] = {}) => symbolFamily(symbol, opts)?.flag ?? null;

test('POSIX libraries by name, as GNU ld, lld and ld64 print them', () => {
  assert.equal(flagOf('dlopen'), '-ldl');
  assert.equal(flagOf('pthread_getname_np'), '-pthread');
  assert.equal(flagOf('sem_timedwait'), '-pthread');
  assert.equal(flagOf('sqrtf'), '-lm');
  assert.equal(flagOf('clock_gettime'), '-lrt');
  assert.equal(flagOf('__atomic_compare_exchange_8'), '-latomic');
  assert.equal(flagOf('forkpty'), '-lutil');
  // ld64 prefixes C symbols with "_".
  assert.equal(flagOf('_dlopen', { macho: true }), '-ldl');
});

test('versioned references: base glibc versions are a missing flag, newer ones a library built on a newer glibc', () => {
  assert.equal(flagOf('sqrt@@GLIBC_2.2.5'), '-lm');
  assert.equal(flagOf('dlsym@@GLIBC_2.17'), '-ldl');
  assert.equal(flagOf('__atomic_load_8@@LIBATOMIC_1.0'), '-latomic');
  assert.equal(flagOf('pthread_create@GLIBC_2.34'), null);
  assert.equal(flagOf('exp@GLIBC_2.29'), null);
});

test('the C++ runtime, demangled and mangled; libc files and user functions are not it', () => {
  for (const s of ['operator new(unsigned long)', 'std::cout', '__gxx_personality_v0', '__cxa_begin_catch', 'vtable for __cxxabiv1::__class_type_info', '_Znwm', '_ZNSt8ios_base4InitC1Ev']) {
    assert.equal(symbolFamily(s)?.remedy, 'cxx-driver', s);
  }
  assert.equal(flagOf('__cxa_atexit'), null);
  assert.equal(flagOf('__cxa_finalize'), null);
  assert.equal(flagOf('foo(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> > const&)'), null);
  assert.equal(symbolFamily('std::__1::basic_string<char, std::__1::char_traits<char>, std::__1::allocator<char> >::~basic_string()')?.remedy, 'libcxx');
  // Apple's linker uses libc++: libstdc++'s new-ABI namespace there means a GCC-built object.
  assert.equal(symbolFamily('std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_dispose()', { macho: true })?.remedy, 'libstdcxx');
});

test('the Python C API, but not names that merely start with Py', () => {
  for (const s of ['Py_Initialize', 'PyExc_TypeError', '_Py_Dealloc', 'PyBytes_AsString']) assert.equal(symbolFamily(s)?.remedy, 'libpython', s);
  assert.equal(symbolFamily('__Py_Dealloc', { macho: true })?.remedy, 'libpython');
  assert.equal(flagOf('Python_init'), null);
  assert.equal(flagOf('PyTorchHelper'), null);
});

test('Windows import libraries only for Windows links or __imp_ references', () => {
  assert.equal(flagOf('__imp_WSAStartup'), 'ws2_32');
  assert.equal(flagOf('__declspec(dllimport) RegOpenKeyExW'), 'advapi32');
  assert.equal(flagOf('__imp__closesocket@4'), 'ws2_32');
  assert.equal(flagOf('__WSAFDIsSet', { windowsLink: true }), 'ws2_32');
  // The same names on a Unix link are libc's (always there): not claimed.
  assert.equal(flagOf('select'), null);
  assert.equal(flagOf('socket'), null);
  // A POSIX library is not what an import reference lacks.
  assert.equal(flagOf('__imp_dlopen'), null);
});

test('bareSymbol removes decorations and keeps the version apart', () => {
  assert.deepEqual(bareSymbol('sqrt@@GLIBC_2.2.5'), { name: 'sqrt', version: 'GLIBC_2.2.5', dllimport: false });
  assert.deepEqual(bareSymbol('__imp_WSAStartup'), { name: 'WSAStartup', dllimport: true });
  assert.equal(bareSymbol('_PyExc_TypeError', true).name, 'PyExc_TypeError');
});

test('unknown symbols name no library', () => {
  for (const s of ['helper_compute', 'pcap_freecode', 'zsock_set_req_relaxed', '__imp___iob_func', 'CRandom']) assert.equal(symbolFamily(s), null, s);
});
