/** printf(1) formatting and echo -e escapes, as bash and coreutils implement them. */

export function interpretEscapes(text: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '\\' || i === text.length - 1) {
      out += c;
      continue;
    }
    const n = text[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case 'c': return { text: out, stop: true };
      case '0': {
        const m = /^[0-7]{0,3}/.exec(text.slice(i + 1))![0];
        out += String.fromCharCode(parseInt(m || '0', 8));
        i += m.length;
        break;
      }
      default: out += `\\${n}`;
    }
  }
  return { text: out, stop: false };
}

/** Formats like printf(1): the format is reused while arguments remain. */
export function formatPrintf(format: string, args: readonly string[]): { text: string; errors: string[] } {
  const errors: string[] = [];
  let out = '';
  let ai = 0;
  let guard = 0;
  do {
    let consumed = false;
    const fmt = format;
    for (let i = 0; i < fmt.length; i++) {
      const c = fmt[i];
      if (c === '\\') {
        const r = interpretEscapes(fmt.slice(i, i + 2));
        out += r.text;
        i += 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdiufxXoceb%])/.exec(fmt.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const [, flags, width, precision, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      consumed = true;
      const arg = args[ai++] ?? '';
      let s: string;
      switch (conv) {
        case 's': s = precision !== undefined ? arg.slice(0, Number(precision)) : arg; break;
        case 'b': s = interpretEscapes(arg).text; break;
        case 'c': s = arg.slice(0, 1); break;
        case 'd': case 'i': case 'u': {
          const n = arg === '' ? 0 : Number(arg);
          if (Number.isNaN(n)) {
            errors.push(`${arg}: invalid number`);
            s = '0';
          } else s = String(Math.trunc(n));
          break;
        }
        case 'x': s = Math.trunc(Number(arg) || 0).toString(16); break;
        case 'X': s = Math.trunc(Number(arg) || 0).toString(16).toUpperCase(); break;
        case 'o': s = Math.trunc(Number(arg) || 0).toString(8); break;
        case 'f': case 'e': s = conv === 'f' ? (Number(arg) || 0).toFixed(precision !== undefined ? Number(precision) : 6) : (Number(arg) || 0).toExponential(precision !== undefined ? Number(precision) : 6); break;
        default: s = arg;
      }
      if (width !== undefined) {
        const w = Number(width);
        if (flags.includes('-')) s = s.padEnd(w);
        else s = s.padStart(w, flags.includes('0') && /[dixXof]/.test(conv) ? '0' : ' ');
      }
      out += s;
    }
    if (!consumed) break;
  } while (ai < args.length && ++guard < 1000);
  return { text: out, errors };
}
