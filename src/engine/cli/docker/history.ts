/**
 * `docker history` / `docker image history` (cli/command/image/history.go,
 * formatter_history.go): GET /images/{name}/history, newest layer first, CREATED BY cut to 45
 * runes, sizes in decimal units; `-H=false` prints RFC 3339 dates and byte counts.
 */
import { imageHistoryGet } from '../../daemon/router/images.ts';
import { humanDuration, imageSizeString } from '../../image/units.ts';
import { goStruct } from '../format/index.ts';
import { bool, FORMAT_FLAG, str, StatusError, type Command, type DockerCli } from './command.ts';
import { formatTable, TemplateFailure } from './formatter.ts';
import { ellipsis } from './ps.ts';

const DEFAULT_FORMAT = 'table {{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const NON_HUMAN_FORMAT = 'table {{.ID}}\t{{.CreatedAt}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}';
const HEADERS = { ID: 'IMAGE', CreatedSince: 'CREATED', CreatedAt: 'CREATED AT', CreatedBy: 'CREATED BY', Size: 'SIZE', Comment: 'COMMENT' };
/** Dates before 2000 are shown empty. */
const EPOCH_2000 = 946684800;

/** stringid.TruncateID: drop an `algo:` prefix, keep 12 characters. */
function truncateId(id: string): string {
  const i = id.indexOf(':');
  const s = i >= 0 ? id.slice(i + 1) : id;
  return s.length > 12 ? s.slice(0, 12) : s;
}

/** time.Unix(t, 0).Format(time.RFC3339) in the CLI's zone (UTC here). */
function rfc3339(unix: number): string {
  return new Date(unix * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function historyFields(cli: DockerCli, h: { Id: string; Created: number; CreatedBy: string; Size: number; Comment: string }, trunc: boolean, human: boolean): Record<string, string> {
  const createdAt = rfc3339(h.Created);
  const createdBy = h.CreatedBy.replace(/\t/g, ' ');
  let createdSince = createdAt;
  if (human) createdSince = h.Created <= EPOCH_2000 ? '' : `${humanDuration((cli.daemon.clock.unix() - h.Created) * 1000)} ago`;
  return {
    Comment: h.Comment,
    CreatedAt: createdAt,
    CreatedBy: trunc ? ellipsis(createdBy, 45) : createdBy,
    CreatedSince: createdSince,
    ID: trunc ? truncateId(h.Id) : h.Id,
    Size: human ? imageSizeString(h.Size) : String(h.Size),
  };
}

export const history: Command = {
  name: 'history', path: 'docker history', use: 'docker history [OPTIONS] IMAGE', short: 'Show the history of an image',
  aliases: 'docker image history, docker history', args: { kind: 'exact', n: 1 },
  flags: [
    FORMAT_FLAG,
    { name: 'human', short: 'H', type: 'bool', usage: 'Print sizes and dates in human readable format', default: 'true' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'platform', type: 'string', usage: 'Show history for the given platform. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only show image IDs' },
  ],
  *run(cli, f) {
    const human = f.set.has('human') ? bool(f, 'human') : true;
    const trunc = !bool(f, 'no-trunc');
    const items = imageHistoryGet(cli.daemon, f.args[0]);
    let format = str(f, 'format') || 'table';
    if (format === 'table') format = bool(f, 'quiet') ? '{{.ID}}' : human ? DEFAULT_FORMAT : NON_HUMAN_FORMAT;
    try {
      const rows = items.map((h) => {
        const fields = historyFields(cli, h, trunc, human);
        return goStruct('*image.historyContext', { ...fields, MarshalJSON: () => fields });
      });
      cli.out(formatTable(format, rows, HEADERS));
    } catch (e) {
      if (e instanceof TemplateFailure) throw new StatusError(e.message, 1);
      throw e;
    }
    return 0;
  },
};
