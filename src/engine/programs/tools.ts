/**
 * The command-line tools the package catalog installs, as far as this playground runs them:
 * their `--version` output, exactly as the build each distribution ships prints it (curl
 * 8.12.1 on Alpine 3.21, 7.88.1 on Debian 12, 8.5.0 on Ubuntu 24.04, 7.81.0 on 22.04…). Other
 * uses print the usual "not simulated" line; full-screen ones (vim, nano, htop) say the terminal
 * cannot run them. In the official node and python images, whose binaries live in /usr/local,
 * the version comes from the image's NODE_VERSION / PYTHON_VERSION.
 */
import { KERNEL_RELEASE } from '../versions.ts';
import type { ProcessContext } from '../kernel/context.ts';
import type { ProgramFn, ProgramGenerator } from '../kernel/process.ts';
import { detectDistro } from './packaging.ts';
import { unsupported } from './basic.ts';
import { curl } from './http.ts';

type Flavor = 'alpine' | 'bookworm' | 'noble' | 'jammy';

function flavor(ctx: ProcessContext): Flavor {
  const d = detectDistro(ctx.fs);
  if (!d) return 'noble';
  return d.family === 'apk' ? 'alpine' : d.release;
}

const CURL_PROTOCOLS_DEB = 'dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtmpe rtmps rtmpt rtmpte rtmpts rtsp scp sftp smb smbs smtp smtps telnet tftp';

const CURL: Record<Flavor, string> = {
  alpine: `curl 8.12.1 (x86_64-alpine-linux-musl) libcurl/8.12.1 OpenSSL/3.3.3 zlib/1.3.1 brotli/1.1.0 zstd/1.5.6 c-ares/1.34.3 libidn2/2.3.7 libpsl/0.21.5 nghttp2/1.64.0
Release-Date: 2025-02-13
Protocols: dict file ftp ftps gopher gophers http https imap imaps ipfs ipns mqtt pop3 pop3s rtsp smb smbs smtp smtps telnet tftp ws wss
Features: alt-svc AsynchDNS brotli HSTS HTTP2 HTTPS-proxy IDN IPv6 Largefile libz NTLM PSL SSL threadsafe TLS-SRP UnixSockets zstd
`,
  bookworm: `curl 7.88.1 (x86_64-pc-linux-gnu) libcurl/7.88.1 OpenSSL/3.0.15 zlib/1.2.13 brotli/1.0.9 zstd/1.5.4 libidn2/2.3.3 libpsl/0.21.2 (+libidn2/2.3.3) libssh2/1.10.0 nghttp2/1.52.0 librtmp/2.3 OpenLDAP/2.5.13
Release-Date: 2023-02-20, security patched: 7.88.1-10+deb12u8
Protocols: dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtmpe rtmpes rtmps rtmpt rtmpte rtmpts rtsp scp sftp smb smbs smtp smtps telnet tftp
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`,
  noble: `curl 8.5.0 (x86_64-pc-linux-gnu) libcurl/8.5.0 OpenSSL/3.0.13 zlib/1.3 brotli/1.1.0 zstd/1.5.5 libidn2/2.3.7 libpsl/0.21.2 (+libidn2/2.3.7) libssh/0.10.6/openssl/zlib nghttp2/1.59.0 librtmp/2.3 OpenLDAP/2.6.7
Release-Date: 2023-12-06, security patched: 8.5.0-2ubuntu10.6
Protocols: ${CURL_PROTOCOLS_DEB}
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM PSL SPNEGO SSL threadsafe TLS-SRP UnixSockets zstd
`,
  jammy: `curl 7.81.0 (x86_64-pc-linux-gnu) libcurl/7.81.0 OpenSSL/3.0.2 zlib/1.2.11 brotli/1.0.9 zstd/1.4.8 libidn2/2.3.2 libpsl/0.21.0 (+libidn2/2.3.2) libssh/0.9.6/openssl/zlib nghttp2/1.43.0 librtmp/2.3 OpenLDAP/2.5.18
Release-Date: 2022-01-05
Protocols: ${CURL_PROTOCOLS_DEB}
Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTPS-proxy IDN IPv6 Kerberos Largefile libz NTLM NTLM_WB PSL SPNEGO SSL TLS-SRP UnixSockets zstd
`,
};

const GIT: Record<Flavor, string> = { alpine: '2.47.2', bookworm: '2.39.5', noble: '2.43.0', jammy: '2.34.1' };
const PYTHON: Record<Flavor, string> = { alpine: '3.12.9', bookworm: '3.11.2', noble: '3.12.3', jammy: '3.10.12' };
const NODE: Record<Flavor, string> = { alpine: 'v22.13.1', bookworm: 'v18.19.0', noble: 'v18.19.1', jammy: 'v12.22.9' };
const JQ: Record<Flavor, string> = { alpine: 'jq-1.7.1', bookworm: 'jq-1.6', noble: 'jq-1.7.1', jammy: 'jq-1.6' };
const HTOP: Record<Flavor, string> = { alpine: 'htop 3.3.0', bookworm: 'htop 3.2.2', noble: 'htop 3.3.0', jammy: 'htop 3.0.5' };
const OPENSSL: Record<Flavor, string> = {
  alpine: 'OpenSSL 3.3.3 11 Feb 2025 (Library: OpenSSL 3.3.3 11 Feb 2025)',
  bookworm: 'OpenSSL 3.0.15 3 Sep 2024 (Library: OpenSSL 3.0.15 3 Sep 2024)',
  noble: 'OpenSSL 3.0.13 30 Jan 2024 (Library: OpenSSL 3.0.13 30 Jan 2024)',
  jammy: 'OpenSSL 3.0.2 15 Mar 2022 (Library: OpenSSL 3.0.2 15 Mar 2022)',
};
const VIM: Record<Flavor, string> = {
  alpine: 'VIM - Vi IMproved 9.1 (2024 Jan 02, compiled Feb 13 2025 08:14:22)\nIncluded patches: 1-1105\nCompiled by Alpine Linux\nHuge version without GUI.  Features included (+) or not (-):\n',
  bookworm: 'VIM - Vi IMproved 9.0 (2022 Jun 28, compiled May 04 2023 10:24:44)\nIncluded patches: 1-1378, 1499\nModified by team+vim@tracker.debian.org\nCompiled by team+vim@tracker.debian.org\nHuge version without GUI.  Features included (+) or not (-):\n',
  noble: 'VIM - Vi IMproved 9.1 (2024 Jan 02, compiled Oct 24 2024 14:34:25)\nIncluded patches: 1-16, 647, 678, 697\nModified by team+vim@tracker.debian.org\nCompiled by team+vim@tracker.debian.org\nHuge version without GUI.  Features included (+) or not (-):\n',
  jammy: 'VIM - Vi IMproved 8.2 (2019 Dec 12, compiled Oct 01 2024 15:27:36)\nIncluded patches: 1-16, 647, 17-3995, 4563, 4646, 4774, 4895, 4899, 4901, 4919, 213\nModified by team+vim@tracker.debian.org\nCompiled by team+vim@tracker.debian.org\nHuge version without GUI.  Features included (+) or not (-):\n',
};
const NANO: Record<Flavor, string> = {
  alpine: ' GNU nano, version 8.2\n (C) 2024 the Free Software Foundation and various contributors\n Compiled options: --disable-libmagic --enable-utf8\n',
  bookworm: ' GNU nano, version 7.2\n (C) 2023 the Free Software Foundation and various contributors\n Compiled options: --disable-libmagic --enable-utf8\n',
  noble: ' GNU nano, version 7.2\n (C) 2023 the Free Software Foundation and various contributors\n Compiled options: --disable-libmagic --enable-utf8\n',
  jammy: ' GNU nano, version 6.2\n (C) 1999-2011, 2013-2022 Free Software Foundation, Inc.\n (C) 2014-2022 the contributors to nano\n Compiled options: --disable-libmagic --enable-utf8\n',
};
const FILE: Record<Flavor, string> = {
  alpine: 'file-5.46\nmagic file from /usr/share/misc/magic\n',
  bookworm: 'file-5.44\nmagic file from /etc/magic:/usr/share/misc/magic\n',
  noble: 'file-5.45\nmagic file from /etc/magic:/usr/share/misc/magic\n',
  jammy: 'file-5.41\nmagic file from /etc/magic:/usr/share/misc/magic\n',
};
const MAKE: Record<Flavor, [string, string, string]> = {
  alpine: ['4.4.1', 'x86_64-alpine-linux-musl', '2023'],
  bookworm: ['4.3', 'x86_64-pc-linux-gnu', '2020'],
  noble: ['4.3', 'x86_64-pc-linux-gnu', '2020'],
  jammy: ['4.3', 'x86_64-pc-linux-gnu', '2020'],
};

function notSimulated(ctx: ProcessContext): number {
  ctx.err(`${ctx.proc.comm}: this program is not simulated in this playground yet\n`);
  return 1;
}

/** A tool that answers `--version` (and the flags listed) and nothing else. */
function versionTool(flags: readonly string[], text: (ctx: ProcessContext) => string, otherwise: ProgramFn | null = null): ProgramFn {
  return function* (ctx: ProcessContext): ProgramGenerator {
    ctx.rss(2 * 1024 * 1024);
    const a = ctx.argv.slice(1);
    if (a.length > 0 && flags.includes(a[0])) {
      ctx.out(text(ctx));
      return 0;
    }
    if (otherwise) return yield* otherwise(ctx);
    return notSimulated(ctx);
  };
}

function* curlUsage(ctx: ProcessContext): ProgramGenerator {
  return yield* curl(ctx);
}

/** /usr/local/bin builds in the official images carry their version in the environment. */
const envVersion = (ctx: ProcessContext, bin: string, env: string) => (ctx.fs.exists(`/usr/local/bin/${bin}`) ? ctx.env.get(env) : undefined);

export const TOOL_PROGRAMS: Record<string, ProgramFn> = {
  curl: versionTool(['--version', '-V'], (ctx) => CURL[flavor(ctx)], curlUsage),
  git: versionTool(['--version', 'version'], (ctx) => `git version ${GIT[flavor(ctx)]}\n`),
  python3: versionTool(['--version', '-V'], (ctx) => `Python ${envVersion(ctx, 'python3', 'PYTHON_VERSION') ?? PYTHON[flavor(ctx)]}\n`),
  python: versionTool(['--version', '-V'], (ctx) => `Python ${envVersion(ctx, 'python', 'PYTHON_VERSION') ?? PYTHON[flavor(ctx)]}\n`),
  node: versionTool(['--version', '-v'], (ctx) => `${envVersion(ctx, 'node', 'NODE_VERSION') ? `v${ctx.env.get('NODE_VERSION')}` : NODE[flavor(ctx)]}\n`),
  nodejs: versionTool(['--version', '-v'], (ctx) => `${NODE[flavor(ctx)]}\n`),
  jq: versionTool(['--version'], (ctx) => `${JQ[flavor(ctx)]}\n`),
  openssl: versionTool(['version'], (ctx) => `${OPENSSL[flavor(ctx)]}\n`),
  vim: versionTool(['--version'], (ctx) => VIM[flavor(ctx)], unsupported),
  'vim.basic': versionTool(['--version'], (ctx) => VIM[flavor(ctx)], unsupported),
  nano: versionTool(['--version', '-V'], (ctx) => NANO[flavor(ctx)], unsupported),
  htop: versionTool(['--version', '-V'], (ctx) => `${HTOP[flavor(ctx)]}\n`, unsupported),
  file: versionTool(['--version', '-v'], (ctx) => FILE[flavor(ctx)]),
  make: versionTool(['--version', '-v'], (ctx) => {
    const [v, host, year] = MAKE[flavor(ctx)];
    return `GNU Make ${v}\nBuilt for ${host}\nCopyright (C) 1988-${year} Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n`;
  }),
};

/** `stress-ng --version` (the kernel is the host's: containers share it). */
export function stressNgVersion(ctx: ProcessContext): string {
  const v: Record<Flavor, [string, string]> = { alpine: ['0.18.06', 'gcc 14.2'], bookworm: ['0.15.06', 'gcc 12.2'], noble: ['0.17.06', 'gcc 13.2'], jammy: ['0.13.12', 'gcc 11.2'] };
  const [version, cc] = v[flavor(ctx)];
  return `stress-ng, version ${version} (${cc}, x86_64 Linux ${KERNEL_RELEASE}) \u{1F4BB}\u{1F525}\n`;
}
