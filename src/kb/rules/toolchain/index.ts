// Rules about compilers, linkers and build tools that are missing or unusable.

import autoconfMacroMissing from './autoconf-macro-missing/rule.js';
import cCompilerMissing from './c-compiler-missing/rule.js';
import cgoDisabled from './cgo-disabled/rule.js';
import cmakeMissing from './cmake-missing/rule.js';
import cmakeTooOld from './cmake-too-old/rule.js';
import cmakeTooNew from './cmake-too-new/rule.js';
import mesonTooOld from './meson-too-old/rule.js';
import compilerFlagUnsupported from './compiler-flag-unsupported/rule.js';
import gnuMakeRequired from './gnu-make-required/rule.js';
import fortranCompilerMissing from './fortran-compiler-missing/rule.js';
import crossToolchainMisconfigured from './cross-toolchain-misconfigured/rule.js';
import cxxCompilerMissing from './cxx-compiler-missing/rule.js';
import dependencyVersionIncompatible from './dependency-version-incompatible/rule.js';
import libclangMissing from './libclang-missing/rule.js';
import linkerNotFound from './linker-not-found/rule.js';
import msvcMissing from './msvc-missing/rule.js';
import nodeAddonAbiMismatch from './node-addon-abi-mismatch/rule.js';
import nodeGypTooOld from './node-gyp-too-old/rule.js';
import nodeGypVsVersionMismatch from './node-gyp-vs-version-mismatch/rule.js';
import nodeHeadersUnavailable from './node-headers-unavailable/rule.js';
import perlMissing from './perl-missing/rule.js';
import pkgConfigMissing from './pkg-config-missing/rule.js';
import prebuiltBinaryUnavailable from './prebuilt-binary-unavailable/rule.js';
import protocMissing from './protoc-missing/rule.js';
import pythonMissing from './python-missing/rule.js';
import buildToolMissing from './build-tool-missing/rule.js';
import buildToolTooOld from './build-tool-too-old/rule.js';
import xcodeCltMissing from './xcode-clt-missing/rule.js';
import objectNotPic from './object-not-pic/rule.js';
import staleBuildDirectory from './stale-build-directory/rule.js';
import buildFilesNotConfigured from './build-files-not-configured/rule.js';
import wrongBuildInvocation from './wrong-build-invocation/rule.js';
import autotoolsBootstrapNeeded from './autotools-bootstrap-needed/rule.js';
import sourceNotGitCheckout from './source-not-git-checkout/rule.js';
import condaLinkerIncompatible from './conda-linker-incompatible/rule.js';
import msysToolchainInsteadOfMingw from './msys-toolchain-instead-of-mingw/rule.js';
import compilerBug from './compiler-bug/rule.js';
import binutilsTooOld from './binutils-too-old/rule.js';
import compilerTooOld from './compiler-too-old/rule.js';

export default [
  linkerNotFound,
  cCompilerMissing,
  cgoDisabled,
  cxxCompilerMissing,
  fortranCompilerMissing,
  pkgConfigMissing,
  autoconfMacroMissing,
  cmakeMissing,
  cmakeTooOld,
  cmakeTooNew,
  mesonTooOld,
  compilerFlagUnsupported,
  protocMissing,
  libclangMissing,
  perlMissing,
  msvcMissing,
  xcodeCltMissing,
  pythonMissing,
  buildToolMissing,
  buildToolTooOld,
  gnuMakeRequired,
  nodeGypTooOld,
  nodeGypVsVersionMismatch,
  nodeHeadersUnavailable,
  crossToolchainMisconfigured,
  prebuiltBinaryUnavailable,
  nodeAddonAbiMismatch,
  dependencyVersionIncompatible,
  objectNotPic,
  staleBuildDirectory,
  buildFilesNotConfigured,
  wrongBuildInvocation,
  autotoolsBootstrapNeeded,
  sourceNotGitCheckout,
  condaLinkerIncompatible,
  msysToolchainInsteadOfMingw,
  compilerBug,
  binutilsTooOld,
  compilerTooOld,
];
