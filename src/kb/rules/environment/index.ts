// Rules about the machine a build runs on: memory, disk, network, credentials, permissions.

import type { Rule } from '../../rule.js';
import diskFull from './disk-full/rule.js';
import emulatedBuildCrash from './emulated-build-crash/rule.js';
import buildDirFilesystemUnsupported from './build-dir-filesystem-unsupported/rule.js';
import gitAuthFailed from './git-auth-failed/rule.js';
import networkUnreachable from './network-unreachable/rule.js';
import outOfMemory from './out-of-memory/rule.js';
import permissionDenied from './permission-denied/rule.js';

const rules: Rule[] = [emulatedBuildCrash, buildDirFilesystemUnsupported, outOfMemory, diskFull, networkUnreachable, gitAuthFailed, permissionDenied];

export default rules;
