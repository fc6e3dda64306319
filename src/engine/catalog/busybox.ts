/**
 * busybox (1.36, 1.37 = latest): the glibc variant, one layer. Every applet sits in /bin next
 * to /bin/busybox (the real image uses ~400 hard links; here they are symlinks, which the file
 * tree supports). No /etc/os-release, no package manager: it is not a distribution.
 */
import { Build, type CatalogImage } from './build.ts';
import { BUSYBOX_APPLETS } from './busybox-applets.ts';
import { layer, type CatalogLayer } from './layer.ts';

const PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

const GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
kmem:x:9:
wheel:x:10:root
cdrom:x:11:
dialout:x:18:
floppy:x:19:
video:x:28:
audio:x:29:
tape:x:32:
www-data:x:33:
operator:x:37:
utmp:x:43:
plugdev:x:46:
staff:x:50:
lock:x:54:
netdev:x:82:
users:x:100:
nogroup:x:65534:
`;

const APPLETS = Object.values(BUSYBOX_APPLETS)
  .join(' ')
  .split(' ')
  .filter((a) => a !== 'busybox');

function busyboxLayer(version: string, created: string, size: number, compressedSize: number, binary: number): CatalogLayer {
  return layer({
    key: `busybox:${version}`,
    createdBy: 'ADD busybox.tar.xz / # buildkit',
    created,
    size,
    compressedSize,
    spec: `
d 755 /bin /dev /etc /etc/network /etc/network/if-down.d /etc/network/if-post-down.d /etc/network/if-pre-up.d /etc/network/if-up.d
d 755 /home /lib /usr /usr/sbin /var /var/spool /var/spool/mail /var/www
d 700 /root
d 1777 /tmp
l / lib64>lib
x /bin busybox=${binary} getconf=${Math.round(binary / 17)}
l /bin ${APPLETS.map((a) => `${a}>/bin/busybox`).join(' ')}
x /lib ld-linux-x86-64.so.2=210968 libc.so.6=1922136 libm.so.6=907784 libpthread.so.0=21448 libresolv.so.2=68104
x /lib libnss_compat.so.2=43752 libnss_dns.so.2=14408 libnss_files.so.2=14408
t 644 /etc/passwd /etc/group /etc/nsswitch.conf
t 640 /etc/shadow
`,
    texts: {
      '/etc/passwd': PASSWD,
      '/etc/group': GROUP,
      '/etc/shadow': PASSWD.split('\n').filter(Boolean).map((l) => `${l.split(':')[0]}:*:10933:0:99999:7:::`).join('\n') + '\n',
      '/etc/nsswitch.conf': 'hosts:    files dns\nnetworks: files\n',
    },
  });
}

export const BUSYBOX_1_37 = busyboxLayer('1.37.0', '2024-09-26T21:31:42Z', 4_269_327, 2_152_041, 1_159_232);
export const BUSYBOX_1_36 = busyboxLayer('1.36.1', '2023-07-18T23:19:33Z', 4_261_550, 2_147_443, 1_151_504);

function busyboxImage(l: CatalogLayer, tags: string[]): CatalogImage {
  return new Build(l.created).layer(l).cmd(['sh']).done('busybox', tags);
}

export const busybox137 = busyboxImage(BUSYBOX_1_37, ['1.37', '1.37.0', '1', 'stable', 'latest']);
export const busybox136 = busyboxImage(BUSYBOX_1_36, ['1.36', '1.36.1']);
