/**
 * `docker search [OPTIONS] TERM` (docker/cli `cli/command/registry/search.go`,
 * `formatter_search.go`): GET /images/search, a table NAME DESCRIPTION STARS OFFICIAL
 * (descriptions cut to 45 characters unless --no-trunc, `[OK]` for official images), or a Go
 * template over .Name .Description .StarCount .IsOfficial .IsAutomated.
 */
import { imageSearch } from '../../daemon/router/registry.ts';
import { goStruct } from '../format/index.ts';
import { bool, list, num, str, StatusError, type Command } from './command.ts';
import { formatTable, TemplateFailure } from './formatter.ts';
import { ellipsis } from './ps.ts';

const DEFAULT_FORMAT = 'table {{.Name}}\t{{.Description}}\t{{.StarCount}}\t{{.IsOfficial}}';
const HEADERS = { Name: 'NAME', Description: 'DESCRIPTION', StarCount: 'STARS', IsOfficial: 'OFFICIAL', IsAutomated: 'AUTOMATED' };

export const search: Command = {
  name: 'search', path: 'docker search', use: 'docker search [OPTIONS] TERM', short: 'Search Docker Hub for images',
  args: { kind: 'exact', n: 1 },
  flags: [
    { name: 'filter', short: 'f', type: 'list', valueName: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Pretty-print search using a Go template' },
    { name: 'limit', type: 'int', usage: 'Max number of search results' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  ],
  *run(cli, f) {
    const filters = new Map<string, string[]>();
    for (const spec of list(f, 'filter')) {
      const i = spec.indexOf('=');
      if (i < 0) throw new StatusError(`invalid argument "${spec}" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker search [OPTIONS] TERM\n\nRun 'docker search --help' for more information`, 125);
      const k = spec.slice(0, i).trim().toLowerCase();
      filters.set(k, [...(filters.get(k) ?? []), spec.slice(i + 1).trim()]);
    }
    const results = imageSearch(cli.daemon, f.args[0], num(f, 'limit', 0), filters);
    const trunc = !bool(f, 'no-trunc');
    const format = str(f, 'format') || DEFAULT_FORMAT;
    try {
      const rows = results.map((r) => {
        let desc = r.description.replace(/\n/g, ' ').replace(/\r/g, ' ');
        if (trunc) desc = ellipsis(desc, 45);
        // Alphabetical, as the formatter's MarshalJSON lists the context's methods.
        const fields = { Description: desc, IsAutomated: r.is_automated ? '[OK]' : '', IsOfficial: r.is_official ? '[OK]' : '', Name: r.name, StarCount: String(r.star_count) };
        return goStruct('*registry.searchContext', { ...fields, MarshalJSON: () => fields });
      });
      cli.out(formatTable(format === 'table' ? DEFAULT_FORMAT : format, rows, HEADERS));
    } catch (e) {
      if (e instanceof TemplateFailure) throw new StatusError(e.message, 1);
      throw e;
    }
    return 0;
  },
};
