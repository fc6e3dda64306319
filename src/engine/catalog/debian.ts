/**
 * debian:bookworm (= 12 = latest) and debian:bookworm-slim: one layer each, built by
 * debuerreotype (history `# debian.sh --arch 'amd64' out/ 'bookworm' '@EPOCH'`, comment
 * `debuerreotype 0.15`), config `Cmd ["bash"]`. bookworm-slim is the base of nginx, redis,
 * postgres and httpd — the very same layer object, so a second pull says "Already exists".
 */
import type { CatalogImage } from './build.ts';
import { DEFAULT_PATH } from './build.ts';
import {
  DEB_BASHRC, DEB_BINS, DEB_DIRS, DEB_GROUP, DEB_NSSWITCH, DEB_PASSWD, DEB_PROFILE, DEB_SHELLS, DEB_TEXT_PATHS,
  dpkgStatus, gshadowFor, ROOT_BASHRC, ROOT_PROFILE, shadowFor, type DpkgPackage,
} from './deb.ts';
import { layer } from './layer.ts';

/** The debootstrap snapshot: 2025-02-24T00:00:00Z, Debian 12.9. */
export const DEBIAN_EPOCH = 1740355200;
const DEBIAN_CREATED = '2025-02-24T00:00:00Z';
const DEBIAN_BY = `# debian.sh --arch 'amd64' out/ 'bookworm' '@${DEBIAN_EPOCH}'`;

const PACKAGES: readonly DpkgPackage[] = [
  { name: 'apt', version: '2.6.1', size: 4308, priority: 'important', description: 'commandline package manager' },
  { name: 'base-files', version: '12.4+deb12u9', size: 341, essential: true, description: 'Debian base system miscellaneous files' },
  { name: 'base-passwd', version: '3.6.1', size: 242, essential: true, description: 'Debian base system master password and group files' },
  { name: 'bash', version: '5.2.15-2+b7', size: 7164, essential: true, section: 'shells', description: 'GNU Bourne Again SHell' },
  { name: 'coreutils', version: '9.1-1', size: 18062, essential: true, section: 'utils', description: 'GNU core utilities' },
  { name: 'dash', version: '0.5.12-2', size: 212, essential: true, section: 'shells', description: 'POSIX-compliant shell' },
  { name: 'debian-archive-keyring', version: '2023.3+deb12u1', size: 254, priority: 'important', section: 'misc', description: 'GnuPG archive keys of the Debian archive' },
  { name: 'dpkg', version: '1.21.22', size: 6445, essential: true, description: 'Debian package management system' },
  { name: 'grep', version: '3.8-5', size: 1628, essential: true, section: 'utils', description: 'GNU grep, egrep and fgrep' },
  { name: 'gzip', version: '1.12-1', size: 244, essential: true, section: 'utils', description: 'GNU compression utilities' },
  { name: 'hostname', version: '3.23+nmu1', size: 45, essential: true, section: 'net', description: 'utility to set/show the host name or domain name' },
  { name: 'libc6', version: '2.36-9+deb12u9', size: 12986, section: 'libs', description: 'GNU C Library: Shared libraries' },
  { name: 'login', version: '1:4.13+dfsg1-1+b1', size: 2700, essential: true, description: 'system login tools' },
  { name: 'mount', version: '2.38.1-5+deb12u3', size: 376, section: 'admin', description: 'tools for mounting and manipulating filesystems' },
  { name: 'passwd', version: '1:4.13+dfsg1-1+b1', size: 2799, description: 'change and administer password and group data' },
  { name: 'perl-base', version: '5.36.0-7+deb12u1', size: 7738, essential: true, section: 'perl', description: 'minimal Perl system' },
  { name: 'sed', version: '4.9-1', size: 1197, essential: true, section: 'utils', description: 'GNU stream editor for filtering/transforming text' },
  { name: 'tar', version: '1.34+dfsg-1.2+deb12u1', size: 3152, essential: true, section: 'utils', description: 'GNU version of the tar archiving utility' },
  { name: 'tzdata', version: '2024b-0+deb12u1', size: 2786, priority: 'optional', section: 'localization', description: 'time zone and daylight-saving time data' },
];

const DEBIAN_TEXTS = {
  '/usr/lib/os-release': `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`,
  '/etc/issue': 'Debian GNU/Linux 12 \\n \\l\n\n',
  '/etc/issue.net': 'Debian GNU/Linux 12\n',
  '/etc/debian_version': '12.9\n',
  '/etc/passwd': DEB_PASSWD,
  '/etc/group': DEB_GROUP,
  '/etc/shadow': shadowFor(DEB_PASSWD, 20143),
  '/etc/gshadow': gshadowFor(DEB_GROUP),
  '/etc/profile': DEB_PROFILE,
  '/etc/bash.bashrc': DEB_BASHRC,
  '/etc/shells': DEB_SHELLS,
  '/etc/host.conf': 'multi on\n',
  '/etc/nsswitch.conf': DEB_NSSWITCH,
  '/root/.profile': ROOT_PROFILE,
  '/root/.bashrc': ROOT_BASHRC,
  '/var/lib/dpkg/status': dpkgStatus(PACKAGES, (n) => (n === 'bash' ? 'Matthias Klose <doko@debian.org>' : n.startsWith('apt') ? 'APT Development Team <deity@lists.debian.org>' : n === 'dpkg' ? 'Dpkg Developers <debian-dpkg@lists.debian.org>' : 'Debian QA Group <packages@qa.debian.org>')),
  '/etc/apt/sources.list.d/debian.sources': `Types: deb
# http://snapshot.debian.org/archive/debian/20250224T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
# http://snapshot.debian.org/archive/debian-security/20250224T000000Z
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`,
  '/etc/apt/apt.conf.d/docker-clean': `DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
`,
  '/etc/apt/apt.conf.d/docker-autoremove-suggests': 'Apt::AutoRemove::SuggestsImportant "false";\n',
  '/etc/dpkg/dpkg.cfg.d/docker': `# This is the "slim" variant of the Debian base image.
# Many files which are normally unnecessary in containers are excluded,
# and this configuration file keeps them that way.
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
`,
};

const COMMON_SPEC = `${DEB_DIRS}
${DEB_BINS}
t 644 ${DEB_TEXT_PATHS}
t 644 /etc/apt/sources.list.d/debian.sources /etc/apt/apt.conf.d/docker-clean /etc/apt/apt.conf.d/docker-autoremove-suggests
t 640 /etc/shadow /etc/gshadow
o 0:42 /etc/shadow /etc/gshadow
f 644 /usr/share/keyrings debian-archive-keyring.gpg=8700 debian-archive-removed-keys.gpg=17613
f 644 /usr/share/zoneinfo/Etc UTC=114
l /etc localtime>/usr/share/zoneinfo/Etc/UTC
`;

/** debian:bookworm-slim's only layer: the base of nginx, redis, postgres and httpd. */
export const DEBIAN_BOOKWORM_SLIM = layer({
  key: 'debian:bookworm-slim',
  createdBy: DEBIAN_BY,
  created: DEBIAN_CREATED,
  size: 74_812_036,
  compressedSize: 28_204_150,
  spec: `${COMMON_SPEC}\nt 644 /etc/dpkg/dpkg.cfg.d/docker`,
  texts: DEBIAN_TEXTS,
});

/** debian:bookworm's only layer (docs, man pages and locales kept): the base of buildpack-deps. */
export const DEBIAN_BOOKWORM = layer({
  key: 'debian:bookworm',
  createdBy: DEBIAN_BY,
  created: DEBIAN_CREATED,
  size: 116_521_982,
  compressedSize: 48_483_112,
  spec: `${COMMON_SPEC}
d 755 /usr/share/locale /usr/share/info /usr/share/doc/bash /usr/share/doc/coreutils /usr/share/man/man1
f 644 /usr/share/doc/bash README=3160 copyright=11440
f 644 /usr/share/man/man1 bash.1.gz=96552 ls.1.gz=3226 cat.1.gz=1417`,
  texts: DEBIAN_TEXTS,
});

function debianImage(l: typeof DEBIAN_BOOKWORM, tags: string[]): CatalogImage {
  return {
    repository: 'debian',
    tags,
    created: DEBIAN_CREATED,
    architecture: 'amd64',
    os: 'linux',
    config: { Env: [DEFAULT_PATH], Cmd: ['bash'] },
    history: [{ created: DEBIAN_CREATED, createdBy: DEBIAN_BY, comment: 'debuerreotype 0.15' }],
    layers: [l],
    style: 'buildkit',
    distribution: 'oci-index',
  };
}

export const debianBookworm = debianImage(DEBIAN_BOOKWORM, ['bookworm', '12', '12.9', 'latest']);
export const debianBookwormSlim = debianImage(DEBIAN_BOOKWORM_SLIM, ['bookworm-slim', '12-slim', '12.9-slim']);
