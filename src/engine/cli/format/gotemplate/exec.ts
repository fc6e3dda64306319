/**
 * The text/template executor, ported from go/src/text/template/exec.go (Go 1.24): walk the tree,
 * evaluate pipelines, look up fields/keys/methods, call functions with Go's argument checks, and
 * report errors as `template: :LINE:COL: executing "NAME" at <NODE>: MESSAGE`, where the node is
 * the one exec.go would have been "at" when it failed.
 */

import { BUILTINS, callBuiltin, indirectInterface, isTrue, truth } from './builtins.ts';
import { TemplateError } from './errors.ts';
import { formatValue, sprint } from './fmt.ts';
import {
  nodeString,
  type ArgNode,
  type BranchNode,
  type ChainNode,
  type CommandNode,
  type FieldNode,
  type IdentifierNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type TemplateNode,
  type VariableNode,
} from './node.ts';
import { quote } from './strconv.ts';
import { utf8Len } from './utf8.ts';
import {
  GoComplex,
  GoStruct,
  GoUint8,
  NilPointer,
  adopt,
  isGoFunction,
  isMap,
  mapElemType,
  mapGet,
  mapHas,
  sliceElemType,
  sortedKeys,
  structMethod,
  typeName,
  typedSlice,
  zeroOf,
  type CallContext,
  type FuncMap,
  type GoFunction,
  type ParamType,
} from './values.ts';

/** A parsed template set: the named template plus everything it {{define}}s. */
export interface CompiledTemplate {
  readonly name: string;
  readonly text: string;
  readonly trees: ReadonlyMap<string, ListNode>;
  readonly funcs: FuncMap;
}

export type MissingKey = 'default' | 'invalid' | 'zero' | 'error';

export interface ExecOptions {
  /** Go's Option("missingkey=…"); docker never sets it, so "default". */
  readonly missingKey?: MissingKey;
  /** Execute as if against Go structs (see values.ts). */
  readonly typed?: boolean;
  /** Sort map keys in `json` output as Go does for maps (default: keep insertion order). */
  readonly jsonSortMapKeys?: boolean;
  /** Replace template functions for this execution, like `tmpl.Funcs(m)` before Execute. */
  readonly funcs?: FuncMap;
}

/** exec.go's missingVal: "no value came down the pipeline". */
const MISSING: unique symbol = Symbol('missingVal');
type Final = unknown;

const WALK_BREAK = Symbol('break');
const WALK_CONTINUE = Symbol('continue');

/** Go allows 100000 nested {{template}} calls; a JS stack does not, so we stop earlier. */
const MAX_EXEC_DEPTH = 400;
const GO_MAX_EXEC_DEPTH = 100000;

interface Variable {
  readonly name: string;
  value: unknown;
}

function canBeNil(typ: ParamType): boolean {
  return typ === 'interface {}' || typ === 'reflect.Value' || typ === '[]string';
}

function zeroOfParam(typ: ParamType): unknown {
  if (typ === 'interface {}') return null;
  if (typ === '[]string') return typedSlice([], 'string');
  return undefined;
}

function isExported(name: string): boolean {
  const first = name.codePointAt(0);
  if (first === undefined) return false;
  const ch = String.fromCodePoint(first);
  return /^\p{Lu}$/u.test(ch) || /^\p{Lt}$/u.test(ch);
}

class State {
  node: Node | null = null;
  vars: Variable[];
  readonly ctx: CallContext;

  constructor(
    readonly tmpl: CompiledTemplate,
    readonly name: string,
    readonly out: string[],
    readonly opts: ExecOptions,
    readonly funcs: FuncMap,
    readonly depth: number,
    dot: unknown,
  ) {
    this.vars = [{ name: '$', value: dot }];
    this.ctx = { typed: opts.typed ?? false, jsonSortMapKeys: opts.jsonSortMapKeys ?? false };
  }

  get typed(): boolean {
    return this.ctx.typed;
  }

  // ---- variables ---------------------------------------------------------------------------

  push(name: string, value: unknown): void {
    this.vars.push({ name, value });
  }

  mark(): number {
    return this.vars.length;
  }

  pop(mark: number): void {
    this.vars.length = mark;
  }

  setVar(name: string, value: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  setTopVar(n: number, value: unknown): void {
    const v = this.vars[this.vars.length - n];
    if (v) v.value = value;
  }

  varValue(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i]!;
      if (v.name === name) return v.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // ---- errors ------------------------------------------------------------------------------

  at(node: Node): void {
    this.node = node;
  }

  errorf(msg: string): never {
    let text: string;
    if (this.node === null) text = `template: ${this.name}: ${msg}`;
    else {
      const prefix = this.tmpl.text.slice(0, this.node.pos);
      const nl = prefix.lastIndexOf('\n');
      const line = 1 + (prefix.match(/\n/g)?.length ?? 0);
      const col = utf8Len(nl < 0 ? prefix : prefix.slice(nl + 1));
      text = `template: ${this.tmpl.name}:${line}:${col}: executing ${quote(this.name)} at <${nodeString(this.node)}>: ${msg}`;
    }
    throw new TemplateError(text, 'exec', this.out.join(''));
  }

  fmtV(v: unknown): string {
    return sprint([v], this.typed);
  }

  // ---- walk --------------------------------------------------------------------------------

  walk(dot: unknown, node: Node): void {
    this.at(node);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return;
      }
      case 'break':
        throw WALK_BREAK;
      case 'continue':
        throw WALK_CONTINUE;
      case 'comment':
        return;
      case 'if':
      case 'with':
        this.walkIfOrWith(node, dot);
        return;
      case 'list':
        for (const n of node.nodes) this.walk(dot, n);
        return;
      case 'range':
        this.walkRange(dot, node);
        return;
      case 'template':
        this.walkTemplate(dot, node);
        return;
      case 'text':
        this.out.push(node.text);
        return;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  walkIfOrWith(node: BranchNode, dot: unknown): void {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      const [t, ok] = isTrue(indirectInterface(val));
      if (!ok) this.errorf(`if/with can't use ${this.fmtV(val)}`);
      if (t) this.walk(node.type === 'with' ? val : dot, node.list);
      else if (node.elseList) this.walk(dot, node.elseList);
    } finally {
      this.pop(mark);
    }
  }

  walkRange(dot: unknown, r: BranchNode): void {
    this.at(r);
    const outer = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: unknown, elem: unknown): void => {
        if (decl.length > 0) {
          if (r.pipe.isAssign) this.setVar(decl[0]!.ident[0]!, decl.length > 1 ? index : elem);
          else this.setTopVar(1, elem);
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) this.setVar(decl[1]!.ident[0]!, elem);
          else this.setTopVar(2, index);
        }
        try {
          this.walk(elem, r.list);
        } catch (e) {
          if (e !== WALK_CONTINUE) throw e;
        } finally {
          this.pop(mark);
        }
      };
      let ran = false;
      if (typeof val === 'bigint' || val instanceof GoUint8) {
        if (decl.length > 1) this.errorf(`can't use ${this.fmtV(val)} to iterate over more than one variable`);
        const n = typeof val === 'bigint' ? val : BigInt(val.value);
        for (let i = 0n; i < n; i++) {
          ran = true;
          oneIteration(undefined, val instanceof GoUint8 ? new GoUint8(Number(i)) : i);
        }
      } else if (Array.isArray(val)) {
        for (let i = 0; i < val.length; i++) {
          ran = true;
          oneIteration(BigInt(i), adopt(val[i], this.typed));
        }
      } else if (isMap(val)) {
        for (const k of sortedKeys(val)) {
          if (!mapHas(val, k)) continue;
          ran = true;
          oneIteration(k, adopt(mapGet(val, k), this.typed));
        }
      } else if (val !== undefined) {
        this.errorf(`range can't iterate over ${this.fmtV(val)}`);
      }
      if (!ran && r.elseList) this.walk(dot, r.elseList);
    } catch (e) {
      if (e !== WALK_BREAK) throw e;
    } finally {
      this.pop(outer);
    }
  }

  walkTemplate(dot: unknown, t: TemplateNode): void {
    this.at(t);
    const root = this.tmpl.trees.get(t.name);
    if (root === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth >= MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const inner = new State(this.tmpl, t.name, this.out, this.opts, this.funcs, this.depth + 1, newDot);
    inner.walk(newDot, root);
  }

  // ---- evaluation --------------------------------------------------------------------------

  evalPipeline(dot: unknown, pipe: PipeNode | null): unknown {
    if (pipe === null) return undefined;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // A nil interface{} result digs down to "no value".
      if (value === null) value = undefined;
    }
    for (const v of pipe.decl) {
      if (pipe.isAssign) this.setVar(v.ident[0]!, value);
      else this.push(v.ident[0]!, value);
    }
    return value;
  }

  notAFunction(args: readonly ArgNode[] | null, final: Final): void {
    if ((args !== null && args.length > 1) || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args![0]!)}`);
    }
  }

  evalCommand(dot: unknown, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0]!;
    switch (first.type) {
      case 'field': return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain': return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier': return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable': return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool': return first.value;
      case 'dot': return dot;
      case 'nil': return this.errorf('nil is not a command');
      case 'number': return this.idealConstant(first);
      case 'string': return first.text;
    }
  }

  idealConstant(c: NumberNode): unknown {
    this.at(c);
    if (c.isComplex) return new GoComplex(c.complex.re, c.complex.im);
    const isHexInt = c.text.length > 2 && c.text[0] === '0' && (c.text[1] === 'x' || c.text[1] === 'X') && !/[pP]/.test(c.text);
    const isRuneInt = c.text[0] === "'";
    if (c.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(c.text)) return c.float64;
    if (c.isInt) return c.int64;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return undefined;
  }

  evalFieldNode(dot: unknown, field: FieldNode, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  evalChainNode(dot: unknown, chain: ChainNode, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  evalVariableNode(dot: unknown, variable: VariableNode, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(variable);
    const value = this.varValue(variable.ident[0]!);
    if (variable.ident.length === 1) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, variable, variable.ident.slice(1), args, final);
  }

  evalFieldChain(dot: unknown, receiver: unknown, node: Node, ident: readonly string[], args: readonly ArgNode[] | null, final: Final): unknown {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i]!, node, null, MISSING, receiver);
    return this.evalField(dot, ident[n - 1]!, node, args, final, receiver);
  }

  evalFunction(dot: unknown, node: IdentifierNode, cmd: Node, args: readonly ArgNode[] | null, final: Final): unknown {
    this.at(node);
    const name = node.ident;
    const own = this.funcs.get(name);
    const fn = own ?? BUILTINS.get(name);
    if (fn === undefined) this.errorf(`${quote(name)} is not a defined function`);
    return this.evalCall(dot, fn, own === undefined, cmd, name, args, final);
  }

  evalField(dot: unknown, fieldName: string, node: Node, args: readonly ArgNode[] | null, final: Final, receiver: unknown): unknown {
    if (receiver === undefined) {
      if (this.opts.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return undefined;
    }
    const typ = typeName(receiver, this.typed);
    if (receiver === null) this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    if (receiver instanceof GoStruct) {
      const method = structMethod(receiver, fieldName);
      if (method) return this.evalCall(dot, method, false, node, fieldName, args, final);
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (receiver instanceof GoStruct) {
      if (Object.prototype.hasOwnProperty.call(receiver.fields, fieldName)) {
        if (!isExported(fieldName)) this.errorf(`${fieldName} is an unexported field of struct type ${typ}`);
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        const v = receiver.fields[fieldName];
        return v === null || v === undefined ? new NilPointer('interface {}') : adopt(v, this.typed);
      }
    } else if (isMap(receiver)) {
      if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
      if (mapHas(receiver, fieldName)) return adopt(mapGet(receiver, fieldName), this.typed);
      switch (this.opts.missingKey ?? 'default') {
        case 'default':
        case 'invalid':
          return undefined;
        case 'zero':
          return zeroOf(mapElemType(receiver, this.typed));
        case 'error':
          this.errorf(`map has no entry for key ${quote(fieldName)}`);
      }
    } else if (receiver instanceof NilPointer) {
      this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  evalCall(dot: unknown, fun: GoFunction, isBuiltin: boolean, node: Node, name: string, args: readonly ArgNode[] | null, final: Final): unknown {
    const argNodes = args !== null ? args.slice(1) : [];
    const numIn = argNodes.length + (final !== MISSING ? 1 : 0);
    let numFixed = argNodes.length;
    if (fun.variadic !== undefined) {
      numFixed = fun.params.length;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${fun.params.length} got ${argNodes.length}`);
      }
    } else if (numIn !== fun.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fun.params.length} got ${numIn}`);
    }

    if (isBuiltin && (name === 'and' || name === 'or')) {
      const argType = fun.params[0]!;
      let v: unknown = undefined;
      for (const arg of argNodes) {
        v = this.evalArg(dot, argType, arg);
        if (truth(v) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, argType);
      return v;
    }

    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < argNodes.length; i++) argv.push(this.evalArg(dot, fun.params[i]!, argNodes[i]!));
    if (fun.variadic !== undefined) {
      for (; i < argNodes.length; i++) argv.push(this.evalArg(dot, fun.variadic, argNodes[i]!));
    }
    if (final !== MISSING) {
      let t: ParamType;
      if (fun.variadic !== undefined) t = numIn - 1 < numFixed ? fun.params[numIn - 1]! : fun.variadic;
      else t = fun.params[fun.params.length - 1]!;
      argv.push(this.validateType(final, t));
    }

    let result: unknown;
    try {
      if (isBuiltin && name === 'call') {
        let calleeName: string;
        if (argNodes.length === 0) calleeName = typeof final === 'string' ? final : `<${typeName(final, this.typed)} Value>`;
        else calleeName = nodeString(argNodes[0]!);
        result = callBuiltin(calleeName, argv[0], argv.slice(1), this.ctx);
      } else {
        result = fun.call(argv, this.ctx);
      }
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      if (e instanceof RangeError) throw e;
      this.at(node);
      this.errorf(`error calling ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return result === undefined ? null : result;
  }

  validateType(value: unknown, typ: ParamType | null): unknown {
    if (value === undefined) {
      if (typ === null) return undefined;
      if (canBeNil(typ)) return zeroOfParam(typ);
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === null || typ === 'reflect.Value' || typ === 'interface {}') return value;
    let ok: boolean;
    switch (typ) {
      case 'string': ok = typeof value === 'string'; break;
      case 'int': ok = typeof value === 'bigint'; break;
      case 'bool': ok = typeof value === 'boolean'; break;
      case 'float64': ok = typeof value === 'number'; break;
      case '[]string': ok = Array.isArray(value) && sliceElemType(value, this.typed) === 'string'; break;
    }
    if (!ok) this.errorf(`wrong type for value; expected ${typ}; got ${typeName(value, this.typed)}`);
    return value;
  }

  evalArg(dot: unknown, typ: ParamType | null, n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot': return this.validateType(dot, typ);
      case 'nil':
        if (typ !== null && canBeNil(typ)) return zeroOfParam(typ);
        return this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
      case 'field': return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable': return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe': return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier': return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain': return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    switch (typ) {
      case 'bool':
        this.at(n);
        if (n.type === 'bool') return n.value;
        return this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'float64':
        this.at(n);
        if (n.type === 'number' && n.isFloat) return n.float64;
        return this.errorf(`expected float; found ${nodeString(n)}`);
      case 'int':
        this.at(n);
        if (n.type === 'number' && n.isInt) return n.int64;
        return this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'interface {}':
      case 'reflect.Value':
        return this.evalEmptyInterface(dot, n);
      case 'string':
        this.at(n);
        if (n.type === 'string') return n.text;
        return this.errorf(`expected string; found ${nodeString(n)}`);
    }
    return this.errorf(`can't handle ${nodeString(n)} for arg of type ${typ ?? '<nil>'}`);
  }

  evalEmptyInterface(dot: unknown, n: ArgNode): unknown {
    this.at(n);
    switch (n.type) {
      case 'bool': return n.value;
      case 'dot': return dot;
      case 'field': return this.evalFieldNode(dot, n, null, MISSING);
      case 'identifier': return this.evalFunction(dot, n, n, null, MISSING);
      case 'nil': return this.errorf("evalEmptyInterface: nil (can't happen)");
      case 'number': return this.idealConstant(n);
      case 'string': return n.text;
      case 'variable': return this.evalVariableNode(dot, n, null, MISSING);
      case 'pipe': return this.evalPipeline(dot, n);
    }
    return this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  printValue(n: Node, v: unknown): void {
    this.at(n);
    if (v === undefined) {
      this.out.push('<no value>');
      return;
    }
    if (typeof v === 'function' || isGoFunction(v)) {
      this.errorf(`can't print ${nodeString(n)} of type ${typeName(v, this.typed)}`);
    }
    this.out.push(formatValue(v, this.typed, true));
  }
}

/** Execute a compiled template against `data`; throws TemplateError with Go's message. */
export function executeCompiled(tmpl: CompiledTemplate, data: unknown, opts: ExecOptions = {}): string {
  const out: string[] = [];
  const typed = opts.typed ?? false;
  const dot = data === null || data === undefined ? undefined : adopt(data, typed);
  const state: State = new State(tmpl, tmpl.name, out, opts, opts.funcs ?? tmpl.funcs, 0, dot);
  const root = tmpl.trees.get(tmpl.name);
  try {
    if (root === undefined) state.errorf(`${quote(tmpl.name)} is an incomplete or empty template`);
    state.walk(dot, root);
  } catch (e) {
    if (e instanceof RangeError) {
      throw new TemplateError(`template: ${tmpl.name}: exceeded maximum template depth (${GO_MAX_EXEC_DEPTH})`, 'exec', out.join(''));
    }
    if (e === WALK_BREAK || e === WALK_CONTINUE) return out.join('');
    throw e;
  }
  return out.join('');
}
