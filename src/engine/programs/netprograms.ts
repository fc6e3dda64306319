/** The network tools and servers: ping, nslookup, ip, wget, redis-cli, httpd (curl is in tools.ts, behind `--version`). */
import type { ProgramFn } from '../kernel/process.ts';
import { wget } from './http.ts';
import { httpdForeground } from './httpd.ts';
import { ip } from './ip.ts';
import { nslookup } from './nslookup.ts';
import { ping } from './ping.ts';
import { redisCli } from './rediscli.ts';

export const NET_PROGRAMS: Record<string, ProgramFn> = {
  ping, ping4: ping, nslookup, ip, ipaddr: ip, wget, 'redis-cli': redisCli, 'httpd-foreground': httpdForeground, httpd: httpdForeground,
};
