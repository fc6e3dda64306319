/**
 * What Debian and Ubuntu base images share: the merged-/usr layout (/bin → usr/bin), the
 * `required` userland (coreutils, dash as /bin/sh, bash, apt, dpkg; no procps, ping, curl or
 * wget — `ps` is famously missing from debian images), and helpers for /var/lib/dpkg/status.
 */

/** Directories of a Debian-like root filesystem. */
export const DEB_DIRS = `
d 755 /boot /dev /etc /etc/alternatives /etc/apt /etc/apt/apt.conf.d /etc/apt/keyrings /etc/apt/preferences.d /etc/apt/sources.list.d
d 755 /etc/apt/trusted.gpg.d /etc/cron.d /etc/cron.daily /etc/default /etc/dpkg /etc/dpkg/dpkg.cfg.d /etc/init.d /etc/kernel
d 755 /etc/ld.so.conf.d /etc/logrotate.d /etc/opt /etc/pam.d /etc/profile.d /etc/security /etc/selinux /etc/skel /etc/systemd
d 755 /etc/terminfo /etc/update-motd.d /home /media /mnt /opt /proc /run /srv /sys /usr /usr/bin /usr/games /usr/include
d 755 /usr/lib /usr/lib/apt /usr/lib/apt/methods /usr/lib/dpkg /usr/lib/locale /usr/lib/x86_64-linux-gnu
d 755 /usr/lib64 /usr/libexec /usr/local /usr/local/bin /usr/local/etc /usr/local/games /usr/local/include /usr/local/lib
d 755 /usr/local/sbin /usr/local/share /usr/local/src /usr/sbin /usr/share /usr/share/base-files /usr/share/common-licenses
d 755 /usr/share/doc /usr/share/keyrings /usr/share/man /usr/share/zoneinfo /usr/src /var /var/backups /var/cache /var/cache/apt
d 755 /var/cache/apt/archives /var/cache/debconf /var/lib /var/lib/apt /var/lib/apt/lists /var/lib/dpkg /var/lib/dpkg/info
d 755 /var/lib/dpkg/updates /var/lib/misc /var/lib/systemd /var/local /var/log /var/log/apt /var/opt /var/spool /var/mail
d 700 /root /var/cache/apt/archives/partial /var/lib/apt/lists/partial
d 1777 /tmp /var/tmp
o 0:8 /var/mail
l / bin>usr/bin lib>usr/lib lib64>usr/lib64 sbin>usr/sbin
l /var lock>/run/lock run>/run
l /usr/local man>share/man
l /etc os-release>../usr/lib/os-release
l /usr/lib64 ld-linux-x86-64.so.2>../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
`;

/** /usr/bin and /usr/sbin of the `required` set (sizes of bookworm's amd64 binaries). */
export const DEB_BINS = `
x /usr/bin bash=1265648 cat=44016 chgrp=68912 chmod=64816 chown=72976 cp=151152 dash=125560 date=126424 dd=89240 df=97640
x /usr/bin dir=151344 echo=35208 false=31728 ln=76896 ls=151344 mkdir=97552 mknod=68880 mktemp=43720 mv=143952 pwd=43544
x /usr/bin readlink=47480 rm=72752 rmdir=64688 sleep=35336 stty=80584 sync=35336 touch=97552 true=31728 uname=35304 vdir=151344
x /usr/bin basename=39432 cut=48408 dirname=35336 du=97640 env=48536 expr=97624 head=47480 id=48536 md5sum=47480 nohup=39432
x /usr/bin nproc=35336 od=64856 printenv=35336 printf=68728 seq=48600 sha256sum=56808 sort=118960 stat=89208 tail=64952 tee=39560
x /usr/bin timeout=43704 tr=56752 tty=35336 uniq=48472 wc=48632 whoami=35336 yes=35336 find=224848 xargs=68552 grep=203152
x /usr/bin sed=122224 tar=531984 gzip=98136 hostname=22760 mount=59704 umount=39128 su=72000 login=64112 more=43808 gpgv=305240
x /usr/bin perl=3963872 apt=18824 apt-get=51400 apt-cache=89208 apt-config=31016 apt-mark=56920 dpkg=318288 dpkg-query=154192
x /usr/bin dpkg-deb=146000 dpkg-divert=150224 dpkg-split=138200 dpkg-trigger=72848 debconf=2859 which.debianutils=946 getent=35616
x /usr/bin ldd=5448 locale=60000 zcat=1984 egrep=41 fgrep=41 run-parts=31104 tempfile=14840
l /usr/bin sh>dash rbash>bash which>/etc/alternatives/which
l /etc/alternatives which>/usr/bin/which.debianutils
x /usr/sbin useradd=149064 groupadd=80696 usermod=145112 userdel=98664 groupdel=76824 chroot=39464 nologin=14560 ldconfig=1038120
x /usr/sbin adduser=41562 addgroup=41562 deluser=18546 chpasswd=67232 pwck=56168 start-stop-daemon=47696 update-alternatives=64288
x /usr/lib/x86_64-linux-gnu ld-linux-x86-64.so.2=210968 libc.so.6=1922136 libm.so.6=907784 libresolv.so.2=68104
x /usr/lib/x86_64-linux-gnu libselinux.so.1=174304 libpcre2-8.so.0.11.2=625344 libacl.so.1.1.2301=43368 libattr.so.1.1.2501=26696
x /usr/lib/x86_64-linux-gnu libapt-pkg.so.6.0.0=2113200 libstdc++.so.6.0.30=2260296 libz.so.1.2.13=121280 libsystemd.so.0.35.0=899856
`;

export interface DpkgPackage {
  readonly name: string;
  readonly version: string;
  readonly size: number;
  readonly description: string;
  readonly essential?: boolean;
  readonly priority?: string;
  readonly section?: string;
}

/** /var/lib/dpkg/status stanzas. */
export function dpkgStatus(pkgs: readonly DpkgPackage[], maintainer: (name: string) => string): string {
  return pkgs
    .map((p) =>
      [
        `Package: ${p.name}`,
        ...(p.essential ? ['Essential: yes'] : []),
        'Status: install ok installed',
        `Priority: ${p.priority ?? 'required'}`,
        `Section: ${p.section ?? 'admin'}`,
        `Installed-Size: ${p.size}`,
        `Maintainer: ${maintainer(p.name)}`,
        'Architecture: amd64',
        `Version: ${p.version}`,
        `Description: ${p.description}`,
      ].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

export const DEB_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

export const DEB_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

/** /etc/shadow for a passwd file (every account locked with `*`). */
export function shadowFor(passwd: string, day: number): string {
  return passwd
    .split('\n')
    .filter(Boolean)
    .map((l) => `${l.split(':')[0]}:*:${day}:0:99999:7:::`)
    .join('\n')
    .concat('\n');
}

/** /etc/gshadow for a group file. */
export function gshadowFor(group: string): string {
  return group
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [name, , , members] = l.split(':');
      return `${name}:*::${members ?? ''}`;
    })
    .join('\n')
    .concat('\n');
}

export const DEB_PROFILE = `# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).

if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH

if [ "\${PS1-}" ]; then
  if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    # The file bash.bashrc already sets the default PS1.
    # PS1='\\h:\\w\\$ '
    if [ -f /etc/bash.bashrc ]; then
      . /etc/bash.bashrc
    fi
  else
    if [ "$(id -u)" -eq 0 ]; then
      PS1='# '
    else
      PS1='$ '
    fi
  fi
fi

if [ -d /etc/profile.d ]; then
  for i in /etc/profile.d/*.sh; do
    if [ -r $i ]; then
      . $i
    fi
  done
  unset i
fi
`;

export const DEB_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# To enable the settings / commands in this file for login shells as well,
# this file has to be sourced in /etc/profile.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# check the window size after each command and, if necessary,
# update the values of LINES and COLUMNS.
shopt -s checkwinsize

# set variable identifying the chroot you work in (used in the prompt below)
if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
# but only if not SUDOing and have SUDO_PS1 set; then assume smart user.
if ! [ -n "\${SUDO_USER}" -a -n "\${SUDO_PS1}" ]; then
  PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
fi
`;

export const ROOT_PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

export const ROOT_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 is set in /etc/profile, and the default umask is defined
# in /etc/login.defs. You should not need this unless you want different
# defaults for root.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022

# You may uncomment the following lines if you want \`ls' to be colorized:
# export LS_OPTIONS='--color=auto'
# eval "$(dircolors)"
# alias ls='ls $LS_OPTIONS'
# alias ll='ls $LS_OPTIONS -l'
# alias l='ls $LS_OPTIONS -lA'
#
# Some more alias to avoid making mistakes:
# alias rm='rm -i'
# alias cp='cp -i'
# alias mv='mv -i'
`;

export const DEB_SHELLS = '# /etc/shells: valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n/bin/rbash\n/usr/bin/rbash\n/bin/dash\n/usr/bin/dash\n';

/** Text files every Debian-like base writes (paths for `t` lines). */
export const DEB_TEXT_PATHS = '/etc/passwd /etc/group /etc/profile /etc/bash.bashrc /etc/shells /etc/issue /etc/issue.net /etc/debian_version /usr/lib/os-release /root/.profile /root/.bashrc /var/lib/dpkg/status /etc/host.conf /etc/nsswitch.conf';

export const DEB_NSSWITCH = `# /etc/nsswitch.conf
#
# Example configuration of GNU Name Service Switch functionality.
# If you have the \`glibc-doc-reference' and \`info' packages installed, try:
# \`info libc "Name Service Switch"' for information about this file.

passwd:         files
group:          files
shadow:         files
gshadow:        files

hosts:          files dns
networks:       files

protocols:      db files
services:       db files
ethers:         db files
rpc:            db files

netgroup:       nis
`;
