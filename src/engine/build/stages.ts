/**
 * Which stages a build needs and how their steps are numbered in the progress output
 * (bk: dockerfile2llb/convert.go toDispatchState, prefixCommand): stages are named by their
 * `AS` name or `stage-N` (no name when the Dockerfile has a single stage); each counts 1 for a
 * FROM of an image (not `scratch`, not another stage) plus its RUN/COPY/ADD/WORKDIR steps, and
 * steps print as `[name i/n]` with `i` padded to the width of `n`.
 */
import type { Instruction, Stage } from './instructions.ts';

/** Steps that are vertices of their own (LLB ops): the rest only change the image config. */
export function isStep(ins: Instruction): boolean {
  return ins.kind === 'RUN' || ins.kind === 'COPY' || ins.kind === 'ADD' || ins.kind === 'WORKDIR';
}

export interface Numbering {
  readonly name: string;
  readonly total: number;
  index: number;
}

export function stageDisplayName(stage: Stage, stageCount: number): string {
  if (stageCount === 1) return '';
  return stage.name || `stage-${stage.index}`;
}

/** cmdTotal for a stage whose base is an external image (`fromImage`) or not. */
export function stageTotal(commands: readonly Instruction[], fromImage: boolean): number {
  return (fromImage ? 1 : 0) + commands.filter(isStep).length;
}

/** prefixCommand: `[builder 2/5] RUN …` (or the bare text when the stage has no steps). */
export function prefixCommand(n: Numbering, text: string): string {
  if (n.total === 0) return text;
  n.index += 1;
  const width = Math.floor(1 + Math.log10(n.total));
  return `[${n.name ? `${n.name} ` : ''}${String(n.index).padStart(width)}/${n.total}] ${text}`;
}

/** The stage a `--from` or FROM names: an `AS` name (case-insensitive) or, for `--from`, an index. */
export function findStage(stages: readonly Stage[], ref: string, before: number, allowIndex: boolean): Stage | undefined {
  const lower = ref.toLowerCase();
  const byName = stages.find((s) => s.index < before && s.name !== '' && s.name === lower);
  if (byName) return byName;
  if (allowIndex && /^\d+$/.test(ref)) {
    const i = Number(ref);
    return i < before ? stages[i] : undefined;
  }
  return undefined;
}
