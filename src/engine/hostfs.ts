/** The Docker host's own filesystem (Ubuntu 24.04 with Docker Engine installed): what the host shell sees. */
import { FileTree } from './fs/tree.ts';
import { HOST_OS } from './versions.ts';

const BINARIES: Record<string, number> = {
  bash: 1446024, ls: 142312, cat: 35280, echo: 35120, mkdir: 72904, rm: 59912, touch: 92104, cp: 137728, mv: 137768, wc: 48456, grep: 186304,
  head: 43416, tail: 68072, ps: 137688, top: 137872, kill: 30952, sleep: 35336, clear: 14568, hostname: 22760, id: 39368, whoami: 35208,
  env: 48488, uname: 35208, nproc: 35208, free: 27160, date: 105024, yes: 35208, seq: 48488, true: 26888, false: 26888, sh: 129784, dash: 129784,
  docker: 39466744, dockerd: 77832784, containerd: 40374136, 'containerd-shim-runc-v2': 9367720, runc: 14284728, 'docker-init': 708616,
  'docker-proxy': 2056088, vi: 4012840, nano: 283144, less: 196840, stress: 27160, ln: 76896, chmod: 68896,
  which: 1073, df: 97640, dd: 89240, fallocate: 31520,
  curl: 272560, ping: 90568, ip: 797352,
};

export function buildHostFs(hostname: string): FileTree {
  const fs = new FileTree(0);
  const t = 0;
  for (const d of ['/usr/bin', '/usr/sbin', '/usr/lib/systemd', '/usr/local/bin', '/etc/docker', '/root', '/home', '/srv', '/tmp', '/var/lib/docker', '/var/log', '/run/containerd', '/proc', '/sys/fs/cgroup', '/dev', '/opt', '/mnt']) {
    fs.mkdir(d, t, { parents: true });
  }
  fs.lookup('/tmp') && Object.assign(fs.lookup('/tmp') as object, { mode: 0o1777 });
  (fs.lookup('/root') as { mode: number }).mode = 0o700;
  (fs.lookup('/var/lib/docker') as { mode: number }).mode = 0o710;
  fs.symlink('usr/bin', '/bin', t);
  fs.symlink('usr/sbin', '/sbin', t);
  fs.symlink('usr/lib', '/lib', t);
  for (const [name, size] of Object.entries(BINARIES)) fs.writeFile(`/usr/bin/${name}`, '', t, { mode: 0o755, size });
  fs.writeFile('/usr/sbin/sshd', '', t, { mode: 0o755, size: 1244968 });
  fs.writeFile('/usr/sbin/cron', '', t, { mode: 0o755, size: 68480 });
  fs.symlink('/usr/lib/systemd/systemd', '/usr/sbin/init', t);
  fs.writeFile('/usr/lib/systemd/systemd', '', t, { mode: 0o755, size: 96128 });
  fs.writeFile('/usr/lib/systemd/systemd-journald', '', t, { mode: 0o755, size: 162488 });
  fs.writeFile('/etc/hostname', `${hostname}\n`, t);
  fs.writeFile('/etc/hosts', `127.0.0.1 localhost\n127.0.1.1 ${hostname}\n\n::1     ip6-localhost ip6-loopback\n`, t);
  // The resolvers containers inherit (engine/network/etcfiles.ts HOST_NAMESERVERS).
  fs.writeFile('/etc/resolv.conf', 'nameserver 8.8.8.8\nnameserver 8.8.4.4\n', t);
  fs.writeFile('/etc/os-release', `PRETTY_NAME="${HOST_OS}"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n`, t);
  fs.writeFile('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\nubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n', t);
  fs.writeFile('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\ndocker:x:999:ubuntu\nubuntu:x:1000:\n', t);
  fs.writeFile('/etc/docker/daemon.json', '{}\n', t);
  fs.writeFile('/root/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n', t);
  fs.writeFile('/root/.profile', '# ~/.profile: executed by Bourne-compatible login shells.\n', t);
  fs.writeFile('/root/README.txt', 'Welcome to the Container Playground host.\nThis machine runs Docker Engine 28.5 on Linux (cgroup v2, overlay2, runc).\nType `help` to see what you can do.\n', t);
  for (const [path, content] of Object.entries(SAMPLE_APP)) fs.writeFile(path, content, t, { parents: true });
  return fs;
}

/**
 * A small project to build (the editor opens its Dockerfile): a web page baked into an Alpine
 * image. A step before the COPY and one after it make the build cache visible: edit index.html
 * and only the COPY and what follows it run again.
 */
export const SAMPLE_APP: Readonly<Record<string, string>> = {
  '/root/app/Dockerfile': `# A small web page baked into an Alpine Linux image.
FROM alpine:3.21
WORKDIR /app
RUN echo "built by docker build" > build-info.txt
COPY index.html .
RUN wc -c index.html > size.txt
CMD ["cat", "index.html"]
`,
  '/root/app/.dockerignore': `# Files the build context leaves out
README.md
*.log
`,
  '/root/app/index.html': `<!doctype html>
<html>
  <head><title>Hello from a container</title></head>
  <body>
    <h1>Hello from a container!</h1>
    <p>COPY put this page into the image.</p>
  </body>
</html>
`,
  '/root/app/README.md': `# app

A tiny image to practise \`docker build\`:

    cd /root/app
    docker build -t app .
    docker run --rm app
`,
};
