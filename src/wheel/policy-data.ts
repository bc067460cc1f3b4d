// manylinux/musllinux policy facts (symbol-version ladders, ceilings, allowed libraries), as data.
// Source: pypa/auditwheel src/auditwheel/policy/manylinux-policy.json and musllinux-policy.json at commit
// 86154d1 (read, not copied: the facts are re-encoded). Every policy's allowed versions for a prefix on an arch are a
// prefix of that arch's ladder below (checked when this file was generated), so a policy stores only how many rungs it allows.

/** Per architecture, per version prefix (GLIBC, GLIBCXX, ...): every version any policy allows, oldest first. */
export const SYMBOL_LADDERS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  i686: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "TM_1", "1.3.8", "1.3.9", "1.3.10", "FLOAT128", "1.3.11", "1.3.12", "1.3.13", "1.3.14", "1.3.15"],
    GCC: ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "4.0.0", "4.2.0", "4.3.0", "4.4.0", "4.5.0", "4.7.0", "4.8.0", "7.0.0", "12.0.0", "13.0.0", "14.0.0"],
    GLIBC: ["2.0", "2.1", "2.1.1", "2.1.2", "2.1.3", "2.2", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.6", "2.3", "2.3.2", "2.3.3", "2.3.4", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "2.17", "2.18", "2.22", "2.23", "2.24", "2.25", "2.26", "2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "ABI_DT_RELR", "2.37", "2.38", "2.39", "2.40", "2.41"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19", "3.4.20", "3.4.21", "3.4.22", "3.4.23", "3.4.24", "3.4.25", "3.4.26", "3.4.27", "3.4.28", "3.4.29", "3.4.30", "3.4.31", "3.4.32", "3.4.33"],
    LIBATOMIC: ["1.0", "1.1", "1.2"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2", "1.2.7.1", "1.2.9", "1.2.12"],
  },
  x86_64: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "TM_1", "1.3.8", "1.3.9", "1.3.10", "FLOAT128", "1.3.11", "1.3.12", "1.3.13", "1.3.14", "1.3.15"],
    GCC: ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "3.4.4", "4.0.0", "4.2.0", "4.3.0", "4.7.0", "4.8.0", "7.0.0", "12.0.0", "13.0.0", "14.0.0"],
    GLIBC: ["2.2.5", "2.2.6", "2.3", "2.3.2", "2.3.3", "2.3.4", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "2.17", "2.18", "2.22", "2.23", "2.24", "2.25", "2.26", "2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "ABI_DT_RELR", "2.38", "2.39", "2.40", "2.41"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19", "3.4.20", "3.4.21", "3.4.22", "3.4.23", "3.4.24", "3.4.25", "3.4.26", "3.4.27", "3.4.28", "3.4.29", "3.4.30", "3.4.31", "3.4.32", "3.4.33"],
    LIBATOMIC: ["1.0", "1.1", "1.2"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2", "1.2.7.1", "1.2.9", "1.2.12"],
  },
  aarch64: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "TM_1", "1.3.8", "1.3.9", "1.3.10", "1.3.11", "1.3.12", "1.3.13", "1.3.14", "1.3.15"],
    GCC: ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "3.4.4", "4.0.0", "4.2.0", "4.3.0", "4.5.0", "4.7.0", "7.0.0", "11.0", "13.0.0", "14.0", "14.0.0"],
    GLIBC: ["2.0", "2.17", "2.18", "2.22", "2.23", "2.24", "2.25", "2.26", "2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "ABI_DT_RELR", "2.38", "2.39", "2.40", "2.41"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19", "3.4.20", "3.4.21", "3.4.22", "3.4.23", "3.4.24", "3.4.25", "3.4.26", "3.4.27", "3.4.28", "3.4.29", "3.4.30", "3.4.31", "3.4.32", "3.4.33"],
    LIBATOMIC: ["1.0", "1.1", "1.2"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2", "1.2.7.1", "1.2.9", "1.2.12"],
  },
  ppc64: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "TM_1"],
    GCC: ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "3.4.4", "4.0.0", "4.2.0", "4.3.0", "4.4.0", "4.5.0", "4.7.0", "4.8.0"],
    GLIBC: ["2.0", "2.1", "2.1.1", "2.1.2", "2.1.3", "2.2", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.5", "2.2.6", "2.3", "2.3.2", "2.3.3", "2.3.4", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "2.17"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19"],
    LIBATOMIC: ["1.0"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2"],
  },
  ppc64le: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "LDBL_1.3", "TM_1", "1.3.8", "1.3.9", "1.3.10", "1.3.11", "1.3.12", "1.3.13", "IEEE128_1.3.13", "1.3.14", "1.3.15"],
    GCC: ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "3.4.4", "4.0.0", "4.2.0", "4.3.0", "4.7.0", "7.0.0", "14.0.0"],
    GLIBC: ["2.0", "2.17", "2.18", "2.22", "2.23", "2.24", "2.25", "2.26", "2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "ABI_DT_RELR", "2.38", "2.39", "2.40", "2.41"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19", "LDBL_3.4", "LDBL_3.4.10", "LDBL_3.4.7", "3.4.20", "3.4.21", "3.4.22", "LDBL_3.4.21", "3.4.23", "3.4.24", "3.4.25", "3.4.26", "3.4.27", "3.4.28", "3.4.29", "IEEE128_3.4.29", "LDBL_3.4.29", "3.4.30", "IEEE128_3.4.30", "3.4.31", "3.4.32", "3.4.33", "IEEE128_3.4.31", "LDBL_3.4.31"],
    LIBATOMIC: ["1.0", "1.1", "1.2"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2", "1.2.7.1", "1.2.9", "1.2.12"],
  },
  s390x: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "LDBL_1.3", "TM_1", "1.3.8", "1.3.9", "1.3.10", "1.3.11", "1.3.12", "1.3.13", "1.3.14", "1.3.15"],
    GCC: ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "3.4.4", "4.0.0", "4.1.0", "4.2.0", "4.3.0", "4.7.0", "7.0.0", "14.0.0"],
    GLIBC: ["2.2", "2.2.1", "2.2.2", "2.2.3", "2.2.4", "2.2.6", "2.3", "2.3.2", "2.3.3", "2.3.4", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "2.17", "2.18", "2.19", "2.22", "2.23", "2.24", "2.25", "2.26", "2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "ABI_DT_RELR", "2.38", "2.39", "2.40", "2.41"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19", "LDBL_3.4", "LDBL_3.4.10", "LDBL_3.4.7", "3.4.20", "3.4.21", "3.4.22", "LDBL_3.4.21", "3.4.23", "3.4.24", "3.4.25", "3.4.26", "3.4.27", "3.4.28", "3.4.29", "LDBL_3.4.29", "3.4.30", "3.4.31", "3.4.32", "3.4.33", "LDBL_3.4.31"],
    LIBATOMIC: ["1.0", "1.1", "1.2"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2", "1.2.7.1", "1.2.9", "1.2.12"],
  },
  armv7l: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "ARM_1.3.3", "TM_1", "1.3.8", "1.3.9", "1.3.10", "1.3.11", "1.3.12", "1.3.13", "1.3.14", "1.3.15"],
    GCC: ["3.0", "3.3", "3.3.1", "3.3.4", "3.4", "3.4.2", "3.5", "4.0.0", "4.2.0", "4.3.0", "4.7.0", "7.0.0", "14.0.0"],
    GLIBC: ["2.0", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "2.14", "2.15", "2.16", "2.17", "2.18", "2.22", "2.23", "2.24", "2.25", "2.26", "2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "ABI_DT_RELR", "2.37", "2.38", "2.39", "2.40", "2.41"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19", "3.4.20", "3.4.21", "3.4.22", "3.4.23", "3.4.24", "3.4.25", "3.4.26", "3.4.27", "3.4.28", "3.4.29", "3.4.30", "3.4.31", "3.4.32", "3.4.33"],
    LIBATOMIC: ["1.0", "1.1", "1.2"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2", "1.2.7.1", "1.2.9", "1.2.12"],
  },
  riscv64: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "1.3.8", "1.3.9", "1.3.10", "1.3.11", "1.3.12", "TM_1", "1.3.13", "1.3.14", "1.3.15"],
    GCC: ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "3.4.4", "4.0.0", "4.2.0", "4.3.0", "4.4.0", "4.5.0", "4.7.0", "7.0.0", "14.0.0"],
    GLIBC: ["2.0", "2.27", "2.28", "2.29", "2.30", "2.31", "2.32", "2.33", "2.34", "2.35", "2.36", "2.37", "2.38", "ABI_DT_RELR", "2.39", "2.40", "2.41"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19", "3.4.20", "3.4.21", "3.4.22", "3.4.23", "3.4.24", "3.4.25", "3.4.26", "3.4.27", "3.4.28", "3.4.29", "3.4.30", "3.4.31", "3.4.32", "3.4.33"],
    LIBATOMIC: ["1.0", "1.1", "1.2"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2", "1.2.7.1", "1.2.9", "1.2.12"],
  },
  loongarch64: {
    CXXABI: ["1.3", "1.3.1", "1.3.2", "1.3.3", "1.3.4", "1.3.5", "1.3.6", "1.3.7", "1.3.8", "1.3.9", "1.3.10", "1.3.11", "1.3.12", "1.3.13", "TM_1", "1.3.14", "1.3.15"],
    GCC: ["3.0", "3.3", "3.3.1", "3.4", "3.4.2", "3.4.4", "4.0.0", "4.2.0", "4.3.0", "4.4.0", "4.5.0", "4.7.0", "7.0.0", "14.0.0"],
    GLIBC: ["2.0", "2.36", "ABI_DT_RELR", "2.38", "2.39", "2.40", "2.41"],
    GLIBCXX: ["3.4", "3.4.1", "3.4.2", "3.4.3", "3.4.4", "3.4.5", "3.4.6", "3.4.7", "3.4.8", "3.4.9", "3.4.10", "3.4.11", "3.4.12", "3.4.13", "3.4.14", "3.4.15", "3.4.16", "3.4.17", "3.4.18", "3.4.19", "3.4.20", "3.4.21", "3.4.22", "3.4.23", "3.4.24", "3.4.25", "3.4.26", "3.4.27", "3.4.28", "3.4.29", "3.4.30", "3.4.31", "3.4.32", "3.4.33"],
    LIBATOMIC: ["1.0", "1.1", "1.2"],
    ZLIB: ["1.2.0", "1.2.0.2", "1.2.0.8", "1.2.2", "1.2.2.3", "1.2.2.4", "1.2.3.3", "1.2.3.4", "1.2.3.5", "1.2.5.1", "1.2.5.2", "1.2.7.1", "1.2.9", "1.2.12"],
  },
};

export interface PolicyFacts {
  name: string;
  aliases: readonly string[];
  priority: number;
  /** arch -> prefix -> number of ladder rungs allowed */
  rungs: Readonly<Record<string, Readonly<Record<string, number>>>>;
  libWhitelist: readonly string[];
  /** library -> symbols it may not be linked against (they differ between distributions) */
  blacklist: Readonly<Record<string, readonly string[]>>;
}

export const MANYLINUX_POLICIES: readonly PolicyFacts[] = [
  {
    name: "manylinux_2_5",
    aliases: ["manylinux1"],
    priority: 100,
    rungs: {"i686": {"CXXABI": 2, "GCC": 7, "GLIBC": 17, "GLIBCXX": 9, "LIBATOMIC": 0, "ZLIB": 0}, "x86_64": {"CXXABI": 2, "GCC": 8, "GLIBC": 8, "GLIBCXX": 9, "LIBATOMIC": 0, "ZLIB": 0}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libz.so.1"],
    blacklist: {"libc.so.6": ["__cxa_thread_atexit_impl", "__issignaling", "__issignalingf", "__issignalingl", "pthread_getattr_default_np", "pthread_setattr_default_np"], "libm.so.6": ["__issignaling", "__issignalingf", "__issignalingl"], "libpthread.so.0": ["pthread_getattr_default_np", "pthread_setattr_default_np"], "libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_12",
    aliases: ["manylinux2010"],
    priority: 90,
    rungs: {"i686": {"CXXABI": 4, "GCC": 10, "GLIBC": 24, "GLIBCXX": 14, "LIBATOMIC": 0, "ZLIB": 6}, "x86_64": {"CXXABI": 4, "GCC": 9, "GLIBC": 15, "GLIBCXX": 14, "LIBATOMIC": 0, "ZLIB": 6}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libc.so.6": ["__cxa_thread_atexit_impl", "__issignaling", "__issignalingf", "__issignalingl", "pthread_getattr_default_np", "pthread_setattr_default_np"], "libm.so.6": ["__issignaling", "__issignalingf", "__issignalingl"], "libpthread.so.0": ["pthread_getattr_default_np", "pthread_setattr_default_np"], "libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_17",
    aliases: ["manylinux2014"],
    priority: 80,
    rungs: {"i686": {"CXXABI": 9, "GCC": 12, "GLIBC": 29, "GLIBCXX": 20, "LIBATOMIC": 1, "ZLIB": 11}, "x86_64": {"CXXABI": 9, "GCC": 11, "GLIBC": 20, "GLIBCXX": 20, "LIBATOMIC": 0, "ZLIB": 11}, "aarch64": {"CXXABI": 9, "GCC": 11, "GLIBC": 3, "GLIBCXX": 20, "LIBATOMIC": 1, "ZLIB": 11}, "ppc64": {"CXXABI": 9, "GCC": 13, "GLIBC": 30, "GLIBCXX": 20, "LIBATOMIC": 1, "ZLIB": 11}, "ppc64le": {"CXXABI": 10, "GCC": 10, "GLIBC": 2, "GLIBCXX": 23, "LIBATOMIC": 1, "ZLIB": 11}, "s390x": {"CXXABI": 10, "GCC": 11, "GLIBC": 24, "GLIBCXX": 23, "LIBATOMIC": 0, "ZLIB": 11}, "armv7l": {"CXXABI": 10, "GCC": 11, "GLIBC": 15, "GLIBCXX": 20, "LIBATOMIC": 1, "ZLIB": 11}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libc.so.6": ["__cxa_thread_atexit_impl", "__issignaling", "__issignalingf", "__issignalingl", "pthread_getattr_default_np", "pthread_setattr_default_np"], "libm.so.6": ["__issignaling", "__issignalingf", "__issignalingl"], "libpthread.so.0": ["pthread_getattr_default_np", "pthread_setattr_default_np"], "libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_24",
    aliases: [],
    priority: 70,
    rungs: {"i686": {"CXXABI": 13, "GCC": 12, "GLIBC": 33, "GLIBCXX": 23, "LIBATOMIC": 3, "ZLIB": 11}, "x86_64": {"CXXABI": 13, "GCC": 11, "GLIBC": 24, "GLIBCXX": 23, "LIBATOMIC": 3, "ZLIB": 11}, "aarch64": {"CXXABI": 12, "GCC": 11, "GLIBC": 6, "GLIBCXX": 23, "LIBATOMIC": 3, "ZLIB": 11}, "ppc64le": {"CXXABI": 13, "GCC": 10, "GLIBC": 6, "GLIBCXX": 27, "LIBATOMIC": 3, "ZLIB": 11}, "s390x": {"CXXABI": 13, "GCC": 11, "GLIBC": 29, "GLIBCXX": 27, "LIBATOMIC": 3, "ZLIB": 11}, "armv7l": {"CXXABI": 13, "GCC": 11, "GLIBC": 19, "GLIBCXX": 23, "LIBATOMIC": 3, "ZLIB": 11}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_26",
    aliases: [],
    priority: 68,
    rungs: {"i686": {"CXXABI": 14, "GCC": 13, "GLIBC": 35, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}, "x86_64": {"CXXABI": 13, "GCC": 11, "GLIBC": 26, "GLIBCXX": 23, "LIBATOMIC": 3, "ZLIB": 11}, "aarch64": {"CXXABI": 13, "GCC": 12, "GLIBC": 8, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 11}, "ppc64le": {"CXXABI": 14, "GCC": 11, "GLIBC": 8, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "s390x": {"CXXABI": 14, "GCC": 12, "GLIBC": 31, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "armv7l": {"CXXABI": 14, "GCC": 12, "GLIBC": 21, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_27",
    aliases: [],
    priority: 65,
    rungs: {"i686": {"CXXABI": 14, "GCC": 13, "GLIBC": 36, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}, "x86_64": {"CXXABI": 14, "GCC": 12, "GLIBC": 27, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}, "aarch64": {"CXXABI": 13, "GCC": 12, "GLIBC": 9, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}, "ppc64le": {"CXXABI": 14, "GCC": 11, "GLIBC": 9, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "s390x": {"CXXABI": 14, "GCC": 12, "GLIBC": 32, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "armv7l": {"CXXABI": 14, "GCC": 12, "GLIBC": 22, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_28",
    aliases: [],
    priority: 64,
    rungs: {"i686": {"CXXABI": 14, "GCC": 13, "GLIBC": 37, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}, "x86_64": {"CXXABI": 14, "GCC": 12, "GLIBC": 28, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}, "aarch64": {"CXXABI": 13, "GCC": 12, "GLIBC": 10, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}, "ppc64le": {"CXXABI": 14, "GCC": 11, "GLIBC": 10, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "s390x": {"CXXABI": 14, "GCC": 12, "GLIBC": 33, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "armv7l": {"CXXABI": 14, "GCC": 12, "GLIBC": 23, "GLIBCXX": 25, "LIBATOMIC": 3, "ZLIB": 13}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_31",
    aliases: [],
    priority: 61,
    rungs: {"i686": {"CXXABI": 15, "GCC": 13, "GLIBC": 40, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "x86_64": {"CXXABI": 15, "GCC": 12, "GLIBC": 31, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "aarch64": {"CXXABI": 14, "GCC": 12, "GLIBC": 13, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "ppc64le": {"CXXABI": 15, "GCC": 11, "GLIBC": 13, "GLIBCXX": 33, "LIBATOMIC": 3, "ZLIB": 13}, "s390x": {"CXXABI": 15, "GCC": 12, "GLIBC": 36, "GLIBCXX": 33, "LIBATOMIC": 3, "ZLIB": 13}, "armv7l": {"CXXABI": 15, "GCC": 12, "GLIBC": 26, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}, "riscv64": {"CXXABI": 14, "GCC": 13, "GLIBC": 6, "GLIBCXX": 29, "LIBATOMIC": 3, "ZLIB": 13}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_34",
    aliases: [],
    priority: 58,
    rungs: {"i686": {"CXXABI": 16, "GCC": 13, "GLIBC": 43, "GLIBCXX": 30, "LIBATOMIC": 3, "ZLIB": 13}, "x86_64": {"CXXABI": 16, "GCC": 12, "GLIBC": 34, "GLIBCXX": 30, "LIBATOMIC": 3, "ZLIB": 13}, "aarch64": {"CXXABI": 15, "GCC": 13, "GLIBC": 16, "GLIBCXX": 30, "LIBATOMIC": 3, "ZLIB": 13}, "ppc64le": {"CXXABI": 17, "GCC": 11, "GLIBC": 16, "GLIBCXX": 36, "LIBATOMIC": 3, "ZLIB": 13}, "s390x": {"CXXABI": 16, "GCC": 12, "GLIBC": 39, "GLIBCXX": 35, "LIBATOMIC": 3, "ZLIB": 13}, "armv7l": {"CXXABI": 16, "GCC": 12, "GLIBC": 29, "GLIBCXX": 30, "LIBATOMIC": 3, "ZLIB": 13}, "riscv64": {"CXXABI": 15, "GCC": 13, "GLIBC": 9, "GLIBCXX": 30, "LIBATOMIC": 3, "ZLIB": 13}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_35",
    aliases: [],
    priority: 57,
    rungs: {"i686": {"CXXABI": 16, "GCC": 14, "GLIBC": 44, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}, "x86_64": {"CXXABI": 16, "GCC": 13, "GLIBC": 35, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}, "aarch64": {"CXXABI": 15, "GCC": 13, "GLIBC": 17, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}, "ppc64le": {"CXXABI": 17, "GCC": 11, "GLIBC": 17, "GLIBCXX": 38, "LIBATOMIC": 3, "ZLIB": 13}, "s390x": {"CXXABI": 16, "GCC": 12, "GLIBC": 40, "GLIBCXX": 36, "LIBATOMIC": 3, "ZLIB": 13}, "armv7l": {"CXXABI": 16, "GCC": 12, "GLIBC": 30, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}, "riscv64": {"CXXABI": 15, "GCC": 13, "GLIBC": 10, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "bi_windup", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_36",
    aliases: [],
    priority: 56,
    rungs: {"i686": {"CXXABI": 16, "GCC": 14, "GLIBC": 46, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "x86_64": {"CXXABI": 16, "GCC": 13, "GLIBC": 37, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}, "aarch64": {"CXXABI": 15, "GCC": 13, "GLIBC": 19, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}, "ppc64le": {"CXXABI": 17, "GCC": 11, "GLIBC": 19, "GLIBCXX": 38, "LIBATOMIC": 3, "ZLIB": 13}, "s390x": {"CXXABI": 16, "GCC": 12, "GLIBC": 42, "GLIBCXX": 36, "LIBATOMIC": 3, "ZLIB": 13}, "armv7l": {"CXXABI": 16, "GCC": 12, "GLIBC": 32, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}, "riscv64": {"CXXABI": 15, "GCC": 13, "GLIBC": 11, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}, "loongarch64": {"CXXABI": 15, "GCC": 13, "GLIBC": 3, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 13}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "crc32_acle", "crc32_combine_gen", "crc32_combine_gen64", "crc32_combine_op", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "deflate_copyright", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_37",
    aliases: [],
    priority: 55,
    rungs: {"i686": {"CXXABI": 16, "GCC": 14, "GLIBC": 47, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "x86_64": {"CXXABI": 16, "GCC": 13, "GLIBC": 37, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "aarch64": {"CXXABI": 15, "GCC": 13, "GLIBC": 19, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "ppc64le": {"CXXABI": 17, "GCC": 11, "GLIBC": 19, "GLIBCXX": 38, "LIBATOMIC": 3, "ZLIB": 14}, "s390x": {"CXXABI": 16, "GCC": 12, "GLIBC": 42, "GLIBCXX": 36, "LIBATOMIC": 3, "ZLIB": 14}, "armv7l": {"CXXABI": 16, "GCC": 12, "GLIBC": 33, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "riscv64": {"CXXABI": 15, "GCC": 13, "GLIBC": 12, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "loongarch64": {"CXXABI": 15, "GCC": 13, "GLIBC": 3, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "crc32_acle", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "deflate_copyright", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_38",
    aliases: [],
    priority: 54,
    rungs: {"i686": {"CXXABI": 16, "GCC": 14, "GLIBC": 48, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "x86_64": {"CXXABI": 16, "GCC": 13, "GLIBC": 38, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "aarch64": {"CXXABI": 15, "GCC": 13, "GLIBC": 20, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "ppc64le": {"CXXABI": 17, "GCC": 11, "GLIBC": 20, "GLIBCXX": 38, "LIBATOMIC": 3, "ZLIB": 14}, "s390x": {"CXXABI": 16, "GCC": 12, "GLIBC": 43, "GLIBCXX": 36, "LIBATOMIC": 3, "ZLIB": 14}, "armv7l": {"CXXABI": 16, "GCC": 12, "GLIBC": 34, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "riscv64": {"CXXABI": 15, "GCC": 13, "GLIBC": 14, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}, "loongarch64": {"CXXABI": 15, "GCC": 13, "GLIBC": 4, "GLIBCXX": 31, "LIBATOMIC": 3, "ZLIB": 14}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "crc32_acle", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "deflate_copyright", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_39",
    aliases: [],
    priority: 53,
    rungs: {"i686": {"CXXABI": 18, "GCC": 16, "GLIBC": 49, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "x86_64": {"CXXABI": 18, "GCC": 15, "GLIBC": 39, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "aarch64": {"CXXABI": 17, "GCC": 16, "GLIBC": 21, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "ppc64le": {"CXXABI": 19, "GCC": 12, "GLIBC": 21, "GLIBCXX": 43, "LIBATOMIC": 3, "ZLIB": 14}, "s390x": {"CXXABI": 18, "GCC": 13, "GLIBC": 44, "GLIBCXX": 40, "LIBATOMIC": 3, "ZLIB": 14}, "armv7l": {"CXXABI": 18, "GCC": 13, "GLIBC": 35, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "riscv64": {"CXXABI": 17, "GCC": 14, "GLIBC": 15, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "loongarch64": {"CXXABI": 17, "GCC": 14, "GLIBC": 5, "GLIBCXX": 33, "LIBATOMIC": 3, "ZLIB": 14}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "crc32_acle", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "deflate_copyright", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_40",
    aliases: [],
    priority: 52,
    rungs: {"i686": {"CXXABI": 18, "GCC": 16, "GLIBC": 50, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "x86_64": {"CXXABI": 18, "GCC": 15, "GLIBC": 40, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "aarch64": {"CXXABI": 17, "GCC": 16, "GLIBC": 22, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "ppc64le": {"CXXABI": 19, "GCC": 12, "GLIBC": 22, "GLIBCXX": 43, "LIBATOMIC": 3, "ZLIB": 14}, "s390x": {"CXXABI": 18, "GCC": 13, "GLIBC": 45, "GLIBCXX": 40, "LIBATOMIC": 3, "ZLIB": 14}, "armv7l": {"CXXABI": 18, "GCC": 13, "GLIBC": 36, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "riscv64": {"CXXABI": 17, "GCC": 14, "GLIBC": 16, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "loongarch64": {"CXXABI": 17, "GCC": 14, "GLIBC": 6, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "crc32_acle", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "deflate_copyright", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
  {
    name: "manylinux_2_41",
    aliases: [],
    priority: 51,
    rungs: {"i686": {"CXXABI": 18, "GCC": 16, "GLIBC": 51, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "x86_64": {"CXXABI": 18, "GCC": 15, "GLIBC": 41, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "aarch64": {"CXXABI": 17, "GCC": 16, "GLIBC": 23, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "ppc64le": {"CXXABI": 19, "GCC": 12, "GLIBC": 23, "GLIBCXX": 43, "LIBATOMIC": 3, "ZLIB": 14}, "s390x": {"CXXABI": 18, "GCC": 13, "GLIBC": 46, "GLIBCXX": 40, "LIBATOMIC": 3, "ZLIB": 14}, "armv7l": {"CXXABI": 18, "GCC": 13, "GLIBC": 37, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "riscv64": {"CXXABI": 17, "GCC": 14, "GLIBC": 17, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}, "loongarch64": {"CXXABI": 17, "GCC": 14, "GLIBC": 7, "GLIBCXX": 34, "LIBATOMIC": 3, "ZLIB": 14}},
    libWhitelist: ["libatomic.so.1", "libgcc_s.so.1", "libstdc++.so.6", "libm.so.6", "libmvec.so.1", "libanl.so.1", "libdl.so.2", "librt.so.1", "libc.so.6", "libnsl.so.1", "libutil.so.1", "libpthread.so.0", "libX11.so.6", "libXext.so.6", "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0", "libgthread-2.0.so.0", "libglib-2.0.so.0", "libresolv.so.2", "libexpat.so.1", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "adler32_default", "crc32_acle", "crc32_le_vgfm_16", "crc32_neon", "crc32_vpmsum", "crc32_z_default", "deflate_copyright", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "sse2_slide_hash", "z_errmsg", "z_vstring", "zcalloc", "zcfree"]},
  },
];

export const MUSLLINUX_POLICIES: readonly PolicyFacts[] = [
  {
    name: "musllinux_1_1",
    aliases: [],
    priority: 100,
    rungs: {"i686": {}, "x86_64": {}, "aarch64": {}, "ppc64le": {}, "s390x": {}, "armv7l": {}, "riscv64": {}},
    libWhitelist: ["libc.so", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "bi_windup", "crc32_vpmsum", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "z_errmsg", "zcalloc", "zcfree"]},
  },
  {
    name: "musllinux_1_2",
    aliases: [],
    priority: 90,
    rungs: {"i686": {}, "x86_64": {}, "aarch64": {}, "ppc64le": {}, "s390x": {}, "armv7l": {}, "riscv64": {}, "loongarch64": {}},
    libWhitelist: ["libc.so", "libz.so.1"],
    blacklist: {"libz.so.1": ["_dist_code", "_length_code", "_tr_align", "_tr_flush_block", "_tr_init", "_tr_stored_block", "_tr_tally", "bi_windup", "crc32_vpmsum", "crc_fold_512to32", "crc_fold_copy", "crc_fold_init", "deflate_copyright", "deflate_medium", "fill_window", "flush_pending", "gzflags", "inflate_copyright", "inflate_fast", "inflate_table", "longest_match", "slide_hash_sse", "static_ltree", "uncompress2", "x86_check_features", "x86_cpu_has_pclmul", "x86_cpu_has_sse2", "x86_cpu_has_sse42", "z_errmsg", "zcalloc", "zcfree"]},
  },
];

