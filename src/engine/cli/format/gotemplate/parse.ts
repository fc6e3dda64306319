/**
 * The text/template parser, ported from go/src/text/template/parse/parse.go (Go 1.24) with its
 * three-token lookahead, variable scoping, `else if`/`else with` chains, break/continue, and
 * define/block/template. Errors carry Go's exact text, e.g. `template: :1: unclosed action`.
 */

import { TemplateError } from './errors.ts';
import { Item, Lexer, itemString, type ItemType, type LexItem } from './lex.ts';
import {
  nodeString,
  type ArgNode,
  type BranchNode,
  type CommandNode,
  type ElseNode,
  type EndNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type VariableNode,
} from './node.ts';
import { parseFloat64, parseInt64, parseUint64, quote, unquote, unquoteChar, StrconvError } from './strconv.ts';

const MAX_STACK_DEPTH = 10000;

export interface ParsedTemplates {
  /** Root list of the named template plus every {{define}}d one. */
  readonly trees: Map<string, ListNode>;
}

function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return /^\s*$/.test(n.text);
    default:
      return false;
  }
}

class Tree {
  token: LexItem[] = [];
  peekCount = 0;
  vars: string[] = ['$'];
  rangeDepth = 0;
  stackDepth = 0;
  actionLine = 0;
  root: ListNode | null = null;

  constructor(
    public name: string,
    readonly parseName: string,
    readonly lex: Lexer,
    readonly hasFunction: (name: string) => boolean,
    readonly treeSet: Map<string, ListNode>,
  ) {
    this.token = [lex.item, lex.item, lex.item];
  }

  // ---- token stream ------------------------------------------------------------------------

  next(): LexItem {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount]!;
  }

  backup(): void {
    this.peekCount++;
  }

  backup2(t1: LexItem): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  backup3(t2: LexItem, t1: LexItem): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  peek(): LexItem {
    if (this.peekCount > 0) return this.token[this.peekCount - 1]!;
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }

  nextNonSpace(): LexItem {
    for (;;) {
      const t = this.next();
      if (t.typ !== Item.Space) return t;
    }
  }

  peekNonSpace(): LexItem {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // ---- errors ------------------------------------------------------------------------------

  errorf(msg: string): never {
    this.root = null;
    throw new TemplateError(`template: ${this.parseName}:${this.token[0]!.line}: ${msg}`, 'parse');
  }

  expect(expected: ItemType, context: string): LexItem {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }

  expectOneOf(e1: ItemType, e2: ItemType, context: string): LexItem {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }

  unexpected(token: LexItem, context: string): never {
    if (token.typ === Item.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(itemString(token) + extra);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  // ---- structure ---------------------------------------------------------------------------

  add(): void {
    const existing = this.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing)) {
      this.treeSet.set(this.name, this.root!);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  parse(): void {
    this.root = { type: 'list', pos: this.peek().pos, nodes: [] };
    while (this.peek().typ !== Item.EOF) {
      if (this.peek().typ === Item.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === Item.Define) {
          const newT = new Tree('definition', this.parseName, this.lex, this.hasFunction, this.treeSet);
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(Item.String, Item.RawString, context);
    this.name = this.unquoteOrFail(name.val);
    this.expect(Item.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  itemList(): [ListNode, EndNode | ElseNode] {
    const list: ListNode = { type: 'list', pos: this.peekNonSpace().pos, nodes: [] };
    while (this.peekNonSpace().typ !== Item.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Item.Text:
        return { type: 'text', pos: token.pos, text: token.val };
      case Item.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      default:
        this.unexpected(token, 'input');
    }
  }

  action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Item.Block: return this.blockControl();
      case Item.Break: return this.breakControl(token.pos);
      case Item.Continue: return this.continueControl(token.pos);
      case Item.Else: return this.elseControl();
      case Item.End: return this.endControl();
      case Item.If: return this.branchControl('if');
      case Item.Range: return this.branchControl('range');
      case Item.Template: return this.templateControl();
      case Item.With: return this.branchControl('with');
    }
    this.backup();
    const t = this.peek();
    return { type: 'action', pos: t.pos, pipe: this.pipeline('command', Item.RightDelim) };
  }

  breakControl(pos: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== Item.RightDelim) this.unexpected(token, '{{break}}');
    if (this.rangeDepth === 0) this.errorf('{{break}} outside {{range}}');
    return { type: 'break', pos };
  }

  continueControl(pos: number): Node {
    const token = this.nextNonSpace();
    if (token.typ !== Item.RightDelim) this.unexpected(token, '{{continue}}');
    if (this.rangeDepth === 0) this.errorf('{{continue}} outside {{range}}');
    return { type: 'continue', pos };
  }

  pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: token.pos, isAssign: false, decl: [], cmds: [] };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ !== Item.Variable) break;
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.typ === Item.Assign || next.typ === Item.Declare) {
        pipe.isAssign = next.typ === Item.Assign;
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (next.typ === Item.Char && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().typ;
          if (p === Item.Variable || p === Item.RightDelim || p === Item.RightParen) continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.typ === Item.Space) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case Item.Bool: case Item.CharConstant: case Item.Complex: case Item.Dot: case Item.Field:
        case Item.Identifier: case Item.Number: case Item.Nil: case Item.RawString: case Item.String:
        case Item.Variable: case Item.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]?.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  parseControl(context: 'if' | 'range' | 'with'): { pos: number; pipe: PipeNode; list: ListNode; elseList: ListNode | null } {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, Item.RightDelim);
      if (context === 'range') this.rangeDepth++;
      const [list, next] = this.itemList();
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        if (context === 'if' && this.peek().typ === Item.If) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branchControl('if')] };
        } else if (context === 'with' && this.peek().typ === Item.With) {
          this.next();
          elseList = { type: 'list', pos: next.pos, nodes: [this.branchControl('with')] };
        } else {
          const [l2, n2] = this.itemList();
          elseList = l2;
          if (n2.type !== 'end') this.errorf(`expected end; found ${nodeString(n2)}`);
        }
      }
      return { pos: pipe.pos, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  branchControl(type: 'if' | 'range' | 'with'): BranchNode {
    const { pos, pipe, list, elseList } = this.parseControl(type);
    return { type, pos, pipe, list, elseList };
  }

  endControl(): EndNode {
    return { type: 'end', pos: this.expect(Item.RightDelim, 'end').pos };
  }

  elseControl(): ElseNode {
    const peek = this.peekNonSpace();
    if (peek.typ === Item.If || peek.typ === Item.With) return { type: 'else', pos: peek.pos };
    const token = this.expect(Item.RightDelim, 'else');
    return { type: 'else', pos: token.pos };
  }

  blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, Item.RightDelim);
    const block = new Tree(name, this.parseName, this.lex, this.hasFunction, this.treeSet);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, name, pipe };
  }

  templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== Item.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, Item.RightDelim);
    }
    return { type: 'template', pos: token.pos, name, pipe };
  }

  parseTemplateName(token: LexItem, context: string): string {
    if (token.typ === Item.String || token.typ === Item.RawString) return this.unquoteOrFail(token.val);
    this.unexpected(token, context);
  }

  unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      if (e instanceof StrconvError) this.errorf(e.message);
      throw e;
    }
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === Item.Space) continue;
      if (token.typ === Item.RightDelim || token.typ === Item.RightParen) this.backup();
      else if (token.typ !== Item.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  operand(): ArgNode | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === Item.Field) {
      const chainPos = this.peek().pos;
      const fields: string[] = [];
      while (this.peek().typ === Item.Field) fields.push(this.next().val.slice(1));
      const chainString = nodeString(node) + fields.map((f) => '.' + f).join('');
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chainPos, ident: chainString.slice(1).split('.') };
          break;
        case 'variable':
          node = { type: 'variable', pos: chainPos, ident: chainString.split('.') };
          break;
        case 'bool': case 'string': case 'number': case 'nil': case 'dot':
          this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
          break;
        default:
          node = { type: 'chain', pos: chainPos, node, field: fields };
      }
    }
    return node;
  }

  term(): ArgNode | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case Item.Identifier:
        if (!this.hasFunction(token.val)) this.errorf(`function ${quote(token.val)} not defined`);
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case Item.Dot:
        return { type: 'dot', pos: token.pos };
      case Item.Nil:
        return { type: 'nil', pos: token.pos };
      case Item.Variable:
        return this.useVar(token.pos, token.val);
      case Item.Field:
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case Item.Bool:
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case Item.CharConstant: case Item.Complex: case Item.Number:
        return this.newNumber(token.pos, token.val, token.typ);
      case Item.LeftParen: {
        if (this.stackDepth >= MAX_STACK_DEPTH) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', Item.RightParen);
        } finally {
          this.stackDepth--;
        }
      }
      case Item.String: case Item.RawString:
        return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquoteOrFail(token.val) };
    }
    this.backup();
    return null;
  }

  newVariable(pos: number, ident: string): VariableNode {
    return { type: 'variable', pos, ident: ident.split('.') };
  }

  useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0]!)) this.errorf(`undefined variable ${quote(v.ident[0]!)}`);
    return v;
  }

  newNumber(pos: number, text: string, typ: ItemType): NumberNode {
    const n: NumberNode = {
      type: 'number', pos, text,
      isInt: false, isUint: false, isFloat: false, isComplex: false,
      int64: 0n, uint64: 0n, float64: 0, complex: { re: 0, im: 0 },
    };
    if (typ === Item.CharConstant) {
      let r: { value: number; tail: string };
      try {
        r = unquoteChar(text.slice(1), text[0]!);
      } catch (e) {
        if (e instanceof StrconvError) this.errorf(e.message);
        throw e;
      }
      if (r.tail !== "'") this.errorf(`malformed character constant: ${text}`);
      n.int64 = BigInt(r.value);
      n.isInt = true;
      n.uint64 = BigInt(r.value);
      n.isUint = true;
      n.float64 = r.value;
      n.isFloat = true;
      return n;
    }
    if (typ === Item.Complex) {
      // fmt.Sscan of "a+bi": the imaginary part starts at the last sign not inside an exponent.
      let k = -1;
      for (let j = text.length - 1; j > 0; j--) {
        const c = text[j];
        if ((c === '+' || c === '-') && !/[eEpP]/.test(text[j - 1] ?? '')) {
          k = j;
          break;
        }
      }
      const re = k > 0 ? parseFloat64(text.slice(0, k)) : null;
      const im = k > 0 ? parseFloat64(text.slice(k, -1)) : null;
      if (re === null || im === null) this.errorf(`illegal number syntax: ${quote(text)}`);
      n.isComplex = true;
      n.complex = { re, im };
      simplifyComplex(n);
      return n;
    }
    if (text.endsWith('i')) {
      const f = parseFloat64(text.slice(0, -1));
      if (f !== null) {
        n.isComplex = true;
        n.complex = { re: 0, im: f };
        simplifyComplex(n);
        return n;
      }
    }
    const u = parseUint64(text);
    if (u !== null) {
      n.isUint = true;
      n.uint64 = u;
    }
    const i = parseInt64(text);
    if (i !== null) {
      n.isInt = true;
      n.int64 = i;
      if (i === 0n) {
        n.isUint = true;
        n.uint64 = u ?? 0n;
      }
    }
    if (n.isInt) {
      n.isFloat = true;
      n.float64 = Number(n.int64);
    } else if (n.isUint) {
      n.isFloat = true;
      n.float64 = Number(n.uint64);
    } else {
      const f = parseFloat64(text);
      if (f !== null) {
        if (!/[.eEpP]/.test(text)) this.errorf(`integer overflow: ${quote(text)}`);
        n.isFloat = true;
        n.float64 = f;
        if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
          n.isInt = true;
          n.int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          n.isUint = true;
          n.uint64 = BigInt(f);
        }
      }
    }
    if (!n.isInt && !n.isUint && !n.isFloat) this.errorf(`illegal number syntax: ${quote(text)}`);
    return n;
  }
}

function simplifyComplex(n: NumberNode): void {
  n.isFloat = n.complex.im === 0;
  if (n.isFloat) {
    n.float64 = n.complex.re;
    n.isInt = Number.isInteger(n.float64) && n.float64 >= -(2 ** 63) && n.float64 < 2 ** 63;
    if (n.isInt) n.int64 = BigInt(n.float64);
    n.isUint = Number.isInteger(n.float64) && n.float64 >= 0 && n.float64 < 2 ** 64;
    if (n.isUint) n.uint64 = BigInt(n.float64);
  }
}

/**
 * Parse `text` as the template `name`. `hasFunction` answers whether an identifier names a
 * function (the FuncMap plus Go's builtins).
 */
export function parseTrees(name: string, text: string, hasFunction: (n: string) => boolean): ParsedTemplates {
  const lex = new Lexer(text, { breakOK: !hasFunction('break'), continueOK: !hasFunction('continue') });
  const treeSet = new Map<string, ListNode>();
  const t = new Tree(name, name, lex, hasFunction, treeSet);
  try {
    t.parse();
    t.add();
  } catch (e) {
    if (e instanceof RangeError) {
      throw new TemplateError(`template: ${name}:${t.token[0]!.line}: max expression depth exceeded`, 'parse');
    }
    throw e;
  }
  return { trees: treeSet };
}
