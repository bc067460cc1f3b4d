// Rules about system libraries and headers that native code needs, and native code that does not compile.

import type { Rule } from '../../rule.js';
import cCodeError from './c-code-error/rule.js';
import cxxSourceIncompatible from './cxx-source-incompatible/rule.js';
import globalVariableMultiplyDefined from './global-variable-multiply-defined/rule.js';
import macosExtensionLinkArgsMissing from './macos-extension-link-args-missing/rule.js';
import kernelHeadersMissing from './kernel-headers-missing/rule.js';
import libcHeadersMissing from './libc-headers-missing/rule.js';
import muslSpecific from './musl-specific/rule.js';
import nativeLibMissing from './native-lib-missing/rule.js';
import nodeVersionUnsupported from './node-version-unsupported/rule.js';
import opensslDevMissing from './openssl-dev-missing/rule.js';
import pythonHeadersMissing from './python-headers-missing/rule.js';
import sourceFileMissing from './source-file-missing/rule.js';
import sysCrateTooOld from './sys-crate-too-old-for-system-lib/rule.js';
import systemLibraryNotLinked from './system-library-not-linked/rule.js';

const rules: Rule[] = [opensslDevMissing, nativeLibMissing, pythonHeadersMissing, libcHeadersMissing, kernelHeadersMissing, sysCrateTooOld, sourceFileMissing, cxxSourceIncompatible, nodeVersionUnsupported, cCodeError, muslSpecific, systemLibraryNotLinked, globalVariableMultiplyDefined, macosExtensionLinkArgsMissing];

export default rules;
