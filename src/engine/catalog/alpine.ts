/**
 * alpine (3.19, 3.20, 3.21 = latest): one layer, the minirootfs tarball (`ADD
 * alpine-minirootfs-3.21.3-x86_64.tar.gz / # buildkit`), BusyBox applets as symlinks to
 * /bin/busybox, musl, apk-tools with its database in /lib/apk/db/installed.
 */
import { Build, type CatalogImage } from './build.ts';
import { busyboxSymlinks } from './busybox-applets.ts';
import { layer, type CatalogLayer } from './layer.ts';

interface AlpineRelease {
  readonly version: string;
  readonly created: string;
  readonly size: number;
  readonly compressedSize: number;
  readonly busybox: number;
  /** package → version */
  readonly packages: Readonly<Record<string, string>>;
}

/** Package descriptions, URLs, licenses, sizes (installed) for the db. */
const PKG_INFO: Readonly<Record<string, readonly [string, string, string, number]>> = {
  'alpine-baselayout': ['Alpine base dir structure and init scripts', 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout', 'GPL-2.0-only', 20480],
  'alpine-baselayout-data': ['Alpine base dir structure and init scripts', 'https://git.alpinelinux.org/cgit/aports/tree/main/alpine-baselayout', 'GPL-2.0-only', 77824],
  'alpine-keys': ['Public keys for Alpine Linux packages', 'https://alpinelinux.org', 'MIT', 61440],
  'alpine-release': ['Alpine release data', 'https://alpinelinux.org', 'MIT', 20480],
  'apk-tools': ['Alpine Package Keeper - package manager for alpine', 'https://gitlab.alpinelinux.org/alpine/apk-tools', 'GPL-2.0-only', 253952],
  busybox: ['Size optimized toolbox of many common UNIX utilities', 'https://busybox.net/', 'GPL-2.0-only', 827392],
  'busybox-binsh': ['busybox ash /bin/sh', 'https://busybox.net/', 'GPL-2.0-only', 4096],
  'ca-certificates-bundle': ['Pre generated bundle of Mozilla certificates', 'https://www.mozilla.org/en-US/about/governance/policies/security-group/certs/', 'MPL-2.0 AND MIT', 233472],
  libcrypto3: ['Crypto library from openssl', 'https://www.openssl.org/', 'Apache-2.0', 4628480],
  libssl3: ['SSL shared libraries', 'https://www.openssl.org/', 'Apache-2.0', 794624],
  musl: ['the musl c library (libc) implementation', 'https://musl.libc.org/', 'MIT', 647168],
  'musl-utils': ['the musl c library (libc) implementation', 'https://musl.libc.org/', 'MIT AND BSD-2-Clause AND GPL-2.0-or-later', 135168],
  scanelf: ['Scan ELF binaries for stuff', 'https://wiki.gentoo.org/wiki/Hardened/PaX_Utilities', 'GPL-2.0-only', 86016],
  ssl_client: ['EXternal ssl_client for busybox wget', 'https://busybox.net/', 'GPL-2.0-only', 28672],
  zlib: ['A compression/decompression Library', 'https://zlib.net/', 'Zlib', 106496],
};

function installedDb(packages: Readonly<Record<string, string>>): string {
  return Object.entries(packages)
    .map(([p, v]) => {
      const [t, u, l, i] = PKG_INFO[p];
      return `P:${p}\nV:${v}\nA:x86_64\nS:${Math.round(i * 0.42)}\nI:${i}\nT:${t}\nU:${u}\nL:${l}\no:${p === 'busybox-binsh' || p === 'ssl_client' ? 'busybox' : p === 'musl-utils' ? 'musl' : p === 'libcrypto3' || p === 'libssl3' ? 'openssl' : p === 'alpine-baselayout-data' ? 'alpine-baselayout' : p}\nm:Natanael Copa <ncopa@alpinelinux.org>\n`;
    })
    .join('\n');
}

export const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

export const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

const ALPINE_SHADOW = ALPINE_PASSWD.split('\n')
  .filter(Boolean)
  .map((l) => `${l.split(':')[0]}:${l.startsWith('root:') ? '*' : '!'}::0:::::`)
  .join('\n') + '\n';

const ALPINE_PROFILE = `export CHARSET=UTF-8
export LANG=C.UTF-8
export LC_COLLATE=C

appendpath () {
	case ":$PATH:" in
		*:"$1":*)
			;;
		*)
			PATH="\${PATH:+$PATH:}$1"
	esac
}

appendpath '/usr/local/sbin'
appendpath '/usr/local/bin'
appendpath '/usr/sbin'
appendpath '/usr/bin'
appendpath '/sbin'
appendpath '/bin'
unset -f appendpath

export PATH
export PAGER=less
umask 022

for script in /etc/profile.d/*.sh ; do
	if [ -r "$script" ] ; then
		. "$script"
	fi
done
unset script
`;

const ALPINE_MOTD = `Welcome to Alpine!

The Alpine Wiki contains a large amount of how-to guides and general
information about administrating Alpine systems.
See <https://wiki.alpinelinux.org/>.

You can setup the system with the command: setup-alpine

You may change this message by editing /etc/motd.

`;

const ALPINE_SPEC = `
d 755 /bin /dev /etc /etc/apk /etc/apk/keys /etc/apk/protected_paths.d /etc/busybox-paths.d /etc/crontabs /etc/logrotate.d
d 755 /etc/modprobe.d /etc/modules-load.d /etc/network /etc/network/if-down.d /etc/network/if-post-down.d /etc/network/if-post-up.d
d 755 /etc/network/if-pre-down.d /etc/network/if-pre-up.d /etc/network/if-up.d /etc/opt /etc/periodic /etc/periodic/15min
d 755 /etc/periodic/daily /etc/periodic/hourly /etc/periodic/monthly /etc/periodic/weekly /etc/profile.d /etc/secfixes.d /etc/ssl
d 755 /etc/ssl/certs /etc/ssl/misc /etc/sysctl.d /etc/udhcpc /home /lib /lib/apk /lib/apk/db /lib/apk/exec /lib/firmware
d 755 /lib/modules-load.d /lib/sysctl.d /media /media/cdrom /media/floppy /media/usb /mnt /opt /proc /run /sbin /srv /sys /usr
d 755 /usr/bin /usr/lib /usr/lib/engines-3 /usr/lib/ossl-modules /usr/local /usr/local/bin /usr/local/lib /usr/local/share
d 755 /usr/sbin /usr/share /usr/share/apk /usr/share/apk/keys /usr/share/man /usr/share/misc /usr/share/udhcpc /var /var/cache
d 755 /var/cache/apk /var/cache/misc /var/empty /var/lib /var/lib/misc /var/local /var/log /var/mail /var/opt /var/spool
d 755 /var/spool/cron
d 700 /root /etc/ssl/private
d 1777 /tmp /var/tmp
l /var lock>../run/lock run>../run
l /var/spool/cron crontabs>../../../etc/crontabs
x /lib ld-musl-x86_64.so.1=667472 libapk.so.2.14.0=123688 libcrypto.so.3=4613752 libssl.so.3=773808 libz.so.1.3.1=100352
l /lib libc.musl-x86_64.so.1>ld-musl-x86_64.so.1 libz.so.1>libz.so.1.3.1
x /sbin apk=67928 ldconfig=393 mkmntdirs=14168
x /usr/bin getconf=34920 getent=47336 iconv=22088 ldd=51 scanelf=79704 ssl_client=14232
l /usr/lib libcrypto.so.3>../../lib/libcrypto.so.3 libssl.so.3>../../lib/libssl.so.3
f 644 /etc/ssl/certs ca-certificates.crt=222300
l /etc/ssl cert.pem>certs/ca-certificates.crt
f 644 /etc/apk/keys alpine-devel@lists.alpinelinux.org-6165ee59.rsa.pub=800 alpine-devel@lists.alpinelinux.org-61666e3f.rsa.pub=800
t 644 /etc/os-release /etc/alpine-release /etc/issue /etc/motd /etc/passwd /etc/group /etc/profile /etc/shells /etc/hosts
t 644 /etc/apk/repositories /etc/apk/world /etc/apk/arch /lib/apk/db/installed /etc/securetty /etc/fstab
t 640 /etc/shadow
o 0:42 /etc/shadow
${busyboxSymlinks()}
`;

function alpineLayer(r: AlpineRelease): CatalogLayer {
  const minor = r.version.split('.').slice(0, 2).join('.');
  return layer({
    key: `alpine:${r.version}`,
    createdBy: `ADD alpine-minirootfs-${r.version}-x86_64.tar.gz / # buildkit`,
    created: r.created,
    size: r.size,
    compressedSize: r.compressedSize,
    spec: `${ALPINE_SPEC}\nx /bin busybox=${r.busybox}`,
    texts: {
      '/etc/os-release': `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${r.version}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
      '/etc/alpine-release': `${r.version}\n`,
      '/etc/issue': `Welcome to Alpine Linux ${minor}\nKernel \\r on an \\m (\\l)\n\n`,
      '/etc/motd': ALPINE_MOTD,
      '/etc/passwd': ALPINE_PASSWD,
      '/etc/group': ALPINE_GROUP,
      '/etc/shadow': ALPINE_SHADOW,
      '/etc/profile': ALPINE_PROFILE,
      '/etc/shells': '# valid login shells\n/bin/sh\n/bin/ash\n',
      '/etc/hosts': '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n',
      '/etc/securetty': 'console\ntty1\ntty2\ntty3\ntty4\ntty5\ntty6\n',
      '/etc/fstab': '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n',
      '/etc/apk/repositories': `https://dl-cdn.alpinelinux.org/alpine/v${minor}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${minor}/community\n`,
      '/etc/apk/world': 'alpine-baselayout\nalpine-keys\nalpine-release\napk-tools\nbusybox\nca-certificates-bundle\nlibc-utils\nlibcrypto3\nlibssl3\nssl_client\nzlib\n',
      '/etc/apk/arch': 'x86_64\n',
      '/lib/apk/db/installed': installedDb(r.packages),
    },
  });
}

function pkgs(baselayout: string, keys: string, release: string, apk: string, bb: string, ssl: string, musl: string, scanelf: string, zlib: string): Record<string, string> {
  return {
    'alpine-baselayout': baselayout, 'alpine-baselayout-data': baselayout, 'alpine-keys': keys, 'alpine-release': release,
    'apk-tools': apk, busybox: bb, 'busybox-binsh': bb, 'ca-certificates-bundle': '20241121-r1', libcrypto3: ssl, libssl3: ssl,
    musl, 'musl-utils': musl, scanelf, ssl_client: bb, zlib,
  };
}

export const ALPINE_3_21 = alpineLayer({
  version: '3.21.3', created: '2025-02-14T03:28:36Z', size: 7_834_918, compressedSize: 3_642_164, busybox: 808_712,
  packages: pkgs('3.6.8-r1', '2.5-r0', '3.21.3-r0', '2.14.6-r3', '1.37.0-r12', '3.3.3-r0', '1.2.5-r9', '1.3.8-r1', '1.3.1-r2'),
});
export const ALPINE_3_20 = alpineLayer({
  version: '3.20.6', created: '2025-02-14T03:00:07Z', size: 7_797_760, compressedSize: 3_625_446, busybox: 808_608,
  packages: pkgs('3.6.5-r0', '2.4-r1', '3.20.6-r0', '2.14.4-r1', '1.36.1-r31', '3.3.3-r0', '1.2.5-r1', '1.3.7-r2', '1.3.1-r1'),
});
export const ALPINE_3_19 = alpineLayer({
  version: '3.19.7', created: '2025-02-14T02:50:27Z', size: 7_377_628, compressedSize: 3_418_344, busybox: 808_592,
  packages: pkgs('3.4.3-r2', '2.4-r1', '3.19.7-r0', '2.14.4-r0', '1.36.1-r20', '3.1.8-r0', '1.2.4_git20230717-r5', '1.3.7-r2', '1.3.1-r0'),
});

function alpineImage(l: CatalogLayer, tags: string[]): CatalogImage {
  return new Build(l.created).layer(l).cmd(['/bin/sh']).done('alpine', tags);
}

export const alpine321 = alpineImage(ALPINE_3_21, ['3.21', '3.21.3', '3', 'latest']);
export const alpine320 = alpineImage(ALPINE_3_20, ['3.20', '3.20.6']);
export const alpine319 = alpineImage(ALPINE_3_19, ['3.19', '3.19.7']);
