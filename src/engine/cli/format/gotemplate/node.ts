/**
 * Parse-tree nodes of text/template (go/src/text/template/parse/node.go). Each node keeps its
 * position (a JS index into the template text) for error locations, and `nodeString` reproduces
 * Go's Node.String(), which execution errors quote as `at <…>`.
 */

import { quote } from './strconv.ts';

export interface TextNode { readonly type: 'text'; readonly pos: number; readonly text: string }
export interface CommentNode { readonly type: 'comment'; readonly pos: number; readonly text: string }
export interface ActionNode { readonly type: 'action'; readonly pos: number; readonly pipe: PipeNode }
export interface PipeNode {
  readonly type: 'pipe';
  readonly pos: number;
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}
export interface CommandNode { readonly type: 'command'; readonly pos: number; readonly args: ArgNode[] }
export interface IdentifierNode { readonly type: 'identifier'; readonly pos: number; readonly ident: string }
export interface VariableNode { readonly type: 'variable'; readonly pos: number; readonly ident: readonly string[] }
export interface DotNode { readonly type: 'dot'; readonly pos: number }
export interface NilNode { readonly type: 'nil'; readonly pos: number }
export interface FieldNode { readonly type: 'field'; readonly pos: number; readonly ident: readonly string[] }
export interface ChainNode { readonly type: 'chain'; readonly pos: number; readonly node: ArgNode; readonly field: string[] }
export interface BoolNode { readonly type: 'bool'; readonly pos: number; readonly value: boolean }
export interface NumberNode {
  readonly type: 'number';
  readonly pos: number;
  readonly text: string;
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
  complex: { re: number; im: number };
}
export interface StringNode { readonly type: 'string'; readonly pos: number; readonly quoted: string; readonly text: string }
export interface ListNode { readonly type: 'list'; readonly pos: number; readonly nodes: Node[] }
export interface BranchNode {
  readonly type: 'if' | 'range' | 'with';
  readonly pos: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}
export interface TemplateNode { readonly type: 'template'; readonly pos: number; readonly name: string; readonly pipe: PipeNode | null }
export interface BreakNode { readonly type: 'break'; readonly pos: number }
export interface ContinueNode { readonly type: 'continue'; readonly pos: number }
/** Parse-only markers; never in a finished tree. */
export interface EndNode { readonly type: 'end'; readonly pos: number }
export interface ElseNode { readonly type: 'else'; readonly pos: number }

/** Nodes that can appear as command arguments / operands. */
export type ArgNode =
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

export type Node =
  | TextNode
  | CommentNode
  | ActionNode
  | CommandNode
  | ArgNode
  | ListNode
  | BranchNode
  | TemplateNode
  | BreakNode
  | ContinueNode
  | EndNode
  | ElseNode;

function pipeString(p: PipeNode): string {
  let s = '';
  if (p.decl.length > 0) s += p.decl.map(nodeString).join(', ') + (p.isAssign ? ' = ' : ' := ');
  return s + p.cmds.map(nodeString).join(' | ');
}

/** Go's Node.String(). */
export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text': return n.text;
    case 'comment': return '{{' + n.text + '}}';
    case 'action': return '{{' + pipeString(n.pipe) + '}}';
    case 'pipe': return pipeString(n);
    case 'command':
      return n.args.map((a) => (a.type === 'pipe' ? '(' + pipeString(a) + ')' : nodeString(a))).join(' ');
    case 'identifier': return n.ident;
    case 'variable': return n.ident.join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'field': return n.ident.map((id) => '.' + id).join('');
    case 'chain':
      return (n.node.type === 'pipe' ? '(' + pipeString(n.node) + ')' : nodeString(n.node)) + n.field.map((f) => '.' + f).join('');
    case 'bool': return n.value ? 'true' : 'false';
    case 'number': return n.text;
    case 'string': return n.quoted;
    case 'list': return n.nodes.map(nodeString).join('');
    case 'if':
    case 'range':
    case 'with':
      return '{{' + n.type + ' ' + pipeString(n.pipe) + '}}' + nodeString(n.list) +
        (n.elseList ? '{{else}}' + nodeString(n.elseList) : '') + '{{end}}';
    case 'template':
      return '{{template ' + quote(n.name) + (n.pipe ? ' ' + pipeString(n.pipe) : '') + '}}';
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'end': return '{{end}}';
    case 'else': return '{{else}}';
    default: {
      const never: never = n;
      return never;
    }
  }
}
