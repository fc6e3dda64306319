/**
 * ubuntu:24.04 (= noble = latest) and ubuntu:22.04 (= jammy): one layer each, built by
 * Launchpad with the classic builder (`/bin/sh -c #(nop) ADD file:… in / `), so their configs
 * carry every container.Config field. Unlike Debian, procps (`ps`, `top`, `free`, `kill`) is in.
 */
import { DEFAULT_PATH, type CatalogImage } from './build.ts';
import {
  DEB_BASHRC, DEB_BINS, DEB_DIRS, DEB_GROUP, DEB_NSSWITCH, DEB_PASSWD, DEB_PROFILE, DEB_SHELLS, DEB_TEXT_PATHS,
  dpkgStatus, gshadowFor, ROOT_BASHRC, ROOT_PROFILE, shadowFor, type DpkgPackage,
} from './deb.ts';
import { layer, type CatalogLayer } from './layer.ts';
import { sha256Hex } from '../image/digest.ts';

interface UbuntuRelease {
  readonly version: string;
  readonly point: string;
  readonly codename: string;
  readonly name: string;
  readonly serial: string;
  readonly created: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly debianVersion: string;
  readonly withUbuntuUser: boolean;
  readonly packages: readonly DpkgPackage[];
}

const PROCPS = 'x /usr/bin ps=146984 top=133008 free=31456 kill=31440 pgrep=35456 pkill=35456 pmap=39472 uptime=14784 vmstat=39472 watch=27168 w=23120 pidof=22792';

function osRelease(r: UbuntuRelease): string {
  return `PRETTY_NAME="Ubuntu ${r.point} LTS"
NAME="Ubuntu"
VERSION_ID="${r.version}"
VERSION="${r.point} LTS (${r.name})"
VERSION_CODENAME=${r.codename}
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=${r.codename}
${r.version === '24.04' ? 'LOGO=ubuntu-logo\n' : ''}`;
}

function ubuntuLayer(r: UbuntuRelease): CatalogLayer {
  const passwd = r.withUbuntuUser ? `${DEB_PASSWD}ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n` : DEB_PASSWD;
  const group = r.withUbuntuUser ? `${DEB_GROUP}ubuntu:x:1000:\n` : DEB_GROUP;
  const sources =
    r.version === '24.04'
      ? { path: '/etc/apt/sources.list.d/ubuntu.sources', text: `Types: deb\nURIs: http://archive.ubuntu.com/ubuntu/\nSuites: ${r.codename} ${r.codename}-updates ${r.codename}-backports\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n\nTypes: deb\nURIs: http://security.ubuntu.com/ubuntu/\nSuites: ${r.codename}-security\nComponents: main universe restricted multiverse\nSigned-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg\n` }
      : { path: '/etc/apt/sources.list', text: `# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to\n# newer versions of the distribution.\ndeb http://archive.ubuntu.com/ubuntu/ ${r.codename} main restricted\ndeb http://archive.ubuntu.com/ubuntu/ ${r.codename}-updates main restricted\ndeb http://archive.ubuntu.com/ubuntu/ ${r.codename} universe\ndeb http://archive.ubuntu.com/ubuntu/ ${r.codename}-updates universe\ndeb http://security.ubuntu.com/ubuntu/ ${r.codename}-security main restricted\ndeb http://security.ubuntu.com/ubuntu/ ${r.codename}-security universe\n` };
  return layer({
    key: `ubuntu:${r.serial}`,
    createdBy: `/bin/sh -c #(nop) ADD file:${sha256Hex(`ubuntu-${r.serial}-rootfs`)} in / `,
    created: r.created,
    size: r.size,
    compressedSize: r.compressedSize,
    spec: `${DEB_DIRS}
${DEB_BINS}
${PROCPS}
t 644 ${DEB_TEXT_PATHS} /etc/lsb-release ${sources.path}
t 640 /etc/shadow /etc/gshadow
o 0:42 /etc/shadow /etc/gshadow
${r.withUbuntuUser ? 'd 750 /home/ubuntu\no 1000:1000 /home/ubuntu' : ''}
f 644 /usr/share/keyrings ubuntu-archive-keyring.gpg=3023 ubuntu-archive-removed-keys.gpg=2760
f 644 /usr/share/zoneinfo/Etc UTC=114
l /etc localtime>/usr/share/zoneinfo/Etc/UTC`,
    texts: {
      '/usr/lib/os-release': osRelease(r),
      '/etc/lsb-release': `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${r.version}\nDISTRIB_CODENAME=${r.codename}\nDISTRIB_DESCRIPTION="Ubuntu ${r.point} LTS"\n`,
      '/etc/issue': `Ubuntu ${r.point} LTS \\n \\l\n\n`,
      '/etc/issue.net': `Ubuntu ${r.point} LTS\n`,
      '/etc/debian_version': `${r.debianVersion}\n`,
      '/etc/passwd': passwd,
      '/etc/group': group,
      '/etc/shadow': shadowFor(passwd, r.version === '24.04' ? 20115 : 20114),
      '/etc/gshadow': gshadowFor(group),
      '/etc/profile': DEB_PROFILE,
      '/etc/bash.bashrc': DEB_BASHRC,
      '/etc/shells': DEB_SHELLS,
      '/etc/host.conf': 'multi on\n',
      '/etc/nsswitch.conf': DEB_NSSWITCH,
      '/root/.profile': ROOT_PROFILE,
      '/root/.bashrc': ROOT_BASHRC,
      '/var/lib/dpkg/status': dpkgStatus(r.packages, () => 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>'),
      [sources.path]: sources.text,
    },
  });
}

const pkgs = (bash: string, coreutils: string, libc: string, apt: string, dpkg: string, procps: string, base: string): DpkgPackage[] => [
  { name: 'apt', version: apt, size: 4156, priority: 'important', description: 'commandline package manager' },
  { name: 'base-files', version: base, size: 394, essential: true, description: 'Debian base system miscellaneous files' },
  { name: 'bash', version: bash, size: 1864, essential: true, section: 'shells', description: 'GNU Bourne Again SHell' },
  { name: 'coreutils', version: coreutils, size: 7284, essential: true, section: 'utils', description: 'GNU core utilities' },
  { name: 'dash', version: '0.5.12-6ubuntu5', size: 200, essential: true, section: 'shells', description: 'POSIX-compliant shell' },
  { name: 'dpkg', version: dpkg, size: 6733, essential: true, description: 'Debian package management system' },
  { name: 'libc6', version: libc, size: 13396, section: 'libs', description: 'GNU C Library: Shared libraries' },
  { name: 'procps', version: procps, size: 1388, priority: 'important', description: '/proc file system utilities' },
];

const NOBLE: UbuntuRelease = {
  version: '24.04', point: '24.04.1', codename: 'noble', name: 'Noble Numbat', serial: 'noble-20250127',
  created: '2025-01-28T01:53:48.114839564Z', size: 78_118_013, compressedSize: 29_754_290, debianVersion: 'trixie/sid', withUbuntuUser: true,
  packages: pkgs('5.2.21-2ubuntu4', '9.4-3ubuntu6', '2.39-0ubuntu8.3', '2.7.14build2', '1.22.6ubuntu6.1', '2:4.2.0-3ubuntu3.1', '13ubuntu10.1'),
};

const JAMMY: UbuntuRelease = {
  version: '22.04', point: '22.04.5', codename: 'jammy', name: 'Jammy Jellyfish', serial: 'jammy-20250126',
  created: '2025-01-26T06:52:05.624436883Z', size: 77_863_552, compressedSize: 29_536_008, debianVersion: 'bookworm/sid', withUbuntuUser: false,
  packages: pkgs('5.1-6ubuntu1.1', '8.32-4.1ubuntu1.2', '2.35-0ubuntu3.8', '2.4.13', '1.21.1ubuntu2.3', '2:3.3.17-6ubuntu2.1', '12ubuntu4.7'),
};

export const UBUNTU_NOBLE = ubuntuLayer(NOBLE);
export const UBUNTU_JAMMY = ubuntuLayer(JAMMY);

const nop = (s: string) => `/bin/sh -c #(nop)  ${s}`;

function ubuntuImage(r: UbuntuRelease, l: CatalogLayer, tags: string[]): CatalogImage {
  const labels = { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': r.version };
  const t = r.created;
  const history = [
    { created: t, createdBy: nop('ARG RELEASE'), emptyLayer: true },
    { created: t, createdBy: nop('ARG LAUNCHPAD_BUILD_ARCH'), emptyLayer: true },
    { created: t, createdBy: nop('LABEL org.opencontainers.image.ref.name=ubuntu'), emptyLayer: true },
    { created: t, createdBy: nop(`LABEL org.opencontainers.image.version=${r.version}`), emptyLayer: true },
    { created: t, createdBy: l.createdBy },
    { created: t, createdBy: nop('CMD ["/bin/bash"]'), emptyLayer: true },
  ];
  const parentImage = `sha256:${sha256Hex(`ubuntu-${r.serial}-parent`)}`;
  return {
    repository: 'ubuntu',
    tags,
    created: t,
    architecture: 'amd64',
    os: 'linux',
    config: { Env: [DEFAULT_PATH], Cmd: ['/bin/bash'], Image: parentImage, Labels: labels },
    history,
    layers: [l],
    style: 'classic',
    distribution: 'oci-index',
    dockerVersion: '24.0.7',
    container: sha256Hex(`ubuntu-${r.serial}-container`),
    containerConfig: {
      Hostname: sha256Hex(`ubuntu-${r.serial}-container`).slice(0, 12),
      Env: [DEFAULT_PATH],
      Cmd: ['/bin/sh', '-c', '#(nop) ', 'CMD ["/bin/bash"]'],
      Image: parentImage,
      Labels: labels,
    },
  };
}

export const ubuntuNoble = ubuntuImage(NOBLE, UBUNTU_NOBLE, ['24.04', 'noble', 'noble-20250127', 'latest']);
export const ubuntuJammy = ubuntuImage(JAMMY, UBUNTU_JAMMY, ['22.04', 'jammy', 'jammy-20250126']);
