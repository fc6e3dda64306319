/**
 * The package managers and what they install: apk, apt-get/apt, dpkg, `which`, and the tools
 * the catalog's packages put on $PATH (curl, git, python3, node, jq, stress-ng…).
 */
import type { ProgramFn } from '../kernel/process.ts';
import { apk } from './apk.ts';
import { apt, aptGet } from './apt.ts';
import { dpkg, dpkgQuery } from './dpkg.ts';
import { stressNg } from './stressng.ts';
import { TOOL_PROGRAMS } from './tools.ts';
import { which } from './which.ts';

export const PACKAGE_PROGRAMS: Record<string, ProgramFn> = {
  apk, 'apt-get': aptGet, apt, dpkg, 'dpkg-query': dpkgQuery,
  which, 'which.debianutils': which,
  'stress-ng': stressNg,
  ...TOOL_PROGRAMS,
};
