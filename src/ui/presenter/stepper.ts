/**
 * Presenter step-through as data: where the presentation is (`index`, -1 = before the first step),
 * how far commands have been typed (`executed`), and whether one is still running (`busy`).
 * → runs the next step's command once; ← moves to the previous step (PresenterBar shows the host
 * as it was then, by the timeline's replay), and → after ← walks forward again without typing a
 * command twice.
 */
export interface StepperState {
  readonly index: number;
  readonly executed: number;
  readonly busy: boolean;
}

export const STEPPER_START: StepperState = { index: -1, executed: 0, busy: false };

/** The state after →, and the index of the step whose command must be typed now (or null). */
export function stepForward(state: StepperState, total: number): { readonly state: StepperState; readonly run: number | null } {
  if (state.busy || state.index + 1 >= total) return { state, run: null };
  const index = state.index + 1;
  if (index < state.executed) return { state: { ...state, index }, run: null };
  return { state: { index, executed: index + 1, busy: true }, run: index };
}

/** The state after ←: the previous step (the presenter bar travels back to it). */
export function stepBack(state: StepperState): StepperState {
  if (state.index < 0) return state;
  return { ...state, index: state.index - 1 };
}

/** The running step's command has finished (its `done` arrived). */
export function stepFinished(state: StepperState): StepperState {
  return state.busy ? { ...state, busy: false } : state;
}

export const canGoForward = (state: StepperState, total: number): boolean => !state.busy && state.index + 1 < total;
export const canGoBack = (state: StepperState): boolean => state.index >= 0;
