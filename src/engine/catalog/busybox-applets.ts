/** BusyBox applets as Alpine installs them (`busybox --list-full`), by directory. */
export const BUSYBOX_APPLETS: Readonly<Record<string, string>> = {
  '/bin':
    'arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap echo egrep false fatattr ' +
    'fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls ' +
    'lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ' +
    'ps pwd reformime rev rm rmdir run-parts sed setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat',
  '/sbin':
    'acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock ifconfig ifdown ifenslave ifup ' +
    'init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs ' +
    'mkfs.vfat mkswap modinfo modprobe nameif nologin pivot_root poweroff raidautorun reboot rmmod route setconsole slattach ' +
    'swapoff swapon switch_root sysctl syslogd tunctl udhcpc vconfig watchdog',
  '/usr/bin':
    '[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio crontab cryptpw cut dc deallocvt ' +
    'diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free fuser getfattr groups hd head hexdump ' +
    'hostid id install ipcrm ipcs killall last less logger lsof lsusb lzcat lzma lzopcat md5sum mesg microcom mkfifo mkpasswd nc ' +
    'nl nmeter nohup nproc nsenter nslookup od openvt passwd paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath ' +
    'renice reset resize seq setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum ' +
    'tac tail tee test time timeout top tr traceroute traceroute6 tree truncate tty ttysize udhcpc6 unexpand uniq unix2dos ' +
    'unlink unlzma unlzop unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which whoami whois xargs xxd xzcat yes',
  '/usr/sbin':
    'add-shell addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake fbset killall5 loadfont nanddump ' +
    'nandwrite nbd-client ntpd partprobe rdate rdev readahead remove-shell rfkill sendmail setfont setlogcons',
};

/** `l DIR a>/bin/busybox b>/bin/busybox …` spec lines for every applet directory. */
export function busyboxSymlinks(): string {
  return Object.entries(BUSYBOX_APPLETS)
    .map(([dir, names]) => `l ${dir} ${names.split(' ').map((n) => `${n}>/bin/busybox`).join(' ')}`)
    .join('\n');
}
