import { describe, expect, it } from 'vitest';
import { fixtureSnapshot, hogExitPatch, nginxContainerPatch, WEB_ID } from '../../store/fixtures.ts';
import { createPlaygroundStore } from '../../store/index.ts';
import { translator } from '../../i18n/index.ts';
import { changedKeys, nodeIdsFor } from './changes.ts';
import { demoSteps } from './demo.ts';
import { canGoBack, canGoForward, STEPPER_START, stepBack, stepFinished, stepForward } from './stepper.ts';
import { presentRequested, withPresent } from './url.ts';
import { terminalFontSize } from './terminalFont.ts';

describe('stepper', () => {
  it('runs each step once, in order, waiting for the running one', () => {
    let s = STEPPER_START;
    let move = stepForward(s, 3);
    expect(move.run).toBe(0);
    s = move.state;
    expect(s).toEqual({ index: 0, executed: 1, busy: true });
    // → while the command still runs does nothing
    expect(stepForward(s, 3)).toEqual({ state: s, run: null });
    expect(canGoForward(s, 3)).toBe(false);
    s = stepFinished(s);
    move = stepForward(s, 3);
    expect(move.run).toBe(1);
    s = stepFinished(move.state);
    expect(s).toEqual({ index: 1, executed: 2, busy: false });
  });

  it('goes back to earlier captions without typing anything, then forward again without repeating', () => {
    let s = stepFinished(stepForward(stepFinished(stepForward(STEPPER_START, 3).state), 3).state);
    s = stepBack(s);
    expect(s.index).toBe(0);
    s = stepBack(s);
    expect(s.index).toBe(-1);
    expect(canGoBack(s)).toBe(false);
    expect(stepBack(s)).toBe(s);
    let move = stepForward(s, 3);
    expect(move.run).toBeNull(); // step 0 already ran
    move = stepForward(move.state, 3);
    expect(move.run).toBeNull(); // so did step 1
    move = stepForward(move.state, 3);
    expect(move.run).toBe(2);
    s = stepFinished(move.state);
    expect(stepForward(s, 3)).toEqual({ state: s, run: null }); // the end
  });
});

describe('changedKeys', () => {
  it('lists new records and records whose rev moved, not untouched or removed ones', () => {
    const store = createPlaygroundStore();
    store.getState().receive({ type: 'welcome', v: 1, seq: 1, snapshot: fixtureSnapshot(), speed: 1 });
    const before = store.getState();
    const added = nginxContainerPatch(1, 200_000);
    store.getState().receive({ type: 'patch', seq: 2, patch: added });
    const after = store.getState();
    const keys = changedKeys(before, after);
    const newContainer = added.put.containers![0]!.id;
    expect(keys).toContain(newContainer);
    for (const p of added.put.processes!) expect(keys).toContain(p.id);
    expect(keys).not.toContain(WEB_ID);
    expect(keys).not.toContain('p1');

    store.getState().receive({ type: 'patch', seq: 3, patch: hogExitPatch(201_000) });
    const exited = changedKeys(after, store.getState());
    expect(exited).toEqual([expect.stringMatching(/^9b8e/)]); // the hog changed; its removed processes are not listed
  });

  it('maps a container to its namespace box too', () => {
    expect([...nodeIdsFor(['abc', 'p12'])]).toEqual(['abc', 'ns:abc', 'p12', 'ns:p12']);
  });
});

describe('demo steps', () => {
  it('captions every step in both languages, commands untranslated', () => {
    const en = demoSteps(translator('en'));
    const pt = demoSteps(translator('pt-BR'));
    expect(en.map((s) => s.run)).toEqual(pt.map((s) => s.run));
    expect(en[0]!.run).toBe('docker run -d --name web nginx');
    for (let i = 0; i < en.length; i++) {
      expect(en[i]!.say).toBeTruthy();
      expect(pt[i]!.say).not.toBe(en[i]!.say);
    }
  });
});

describe('?present', () => {
  it('is read from the query, also beside or inside a scenario fragment', () => {
    expect(presentRequested('?present', '')).toBe(true);
    expect(presentRequested('?fixture=1&present', '#/s/abc')).toBe(true);
    expect(presentRequested('', '#/s/abc?present')).toBe(true);
    expect(presentRequested('?presenter=1', '#/s/present')).toBe(false);
    expect(presentRequested('', '')).toBe(false);
  });

  it('is added and removed keeping the rest of the address', () => {
    expect(withPresent('http://x/', true)).toBe('http://x/?present');
    expect(withPresent('http://x/?fixture=1#/s/abc', true)).toBe('http://x/?fixture=1&present#/s/abc');
    expect(withPresent('http://x/?fixture=1&present#/s/abc', false)).toBe('http://x/?fixture=1#/s/abc');
    expect(withPresent('http://x/#/s/abc?present', false)).toBe('http://x/#/s/abc');
    expect(withPresent('http://x/?present', true)).toBe('http://x/?present');
  });
});

describe('store: presenter slice', () => {
  it('starts from the option, toggles, and takes a scenario\'s steps', () => {
    const store = createPlaygroundStore({ presenter: true });
    expect(store.getState().presenter).toBe(true);
    store.getState().setPresenter(false);
    expect(store.getState().presenter).toBe(false);
    expect(createPlaygroundStore().getState().presenter).toBe(false);
    const steps = [{ run: 'docker ps', say: 'List containers' }];
    store.getState().setPresenterSteps(steps);
    expect(store.getState().presenterSteps).toBe(steps);
    store.getState().setPresenterSteps(null);
    expect(store.getState().presenterSteps).toBeNull();
  });
});

describe('terminal font size', () => {
  it('is at least 20 px in presenter mode and smaller on a phone', () => {
    expect(terminalFontSize(true, false)).toBeGreaterThanOrEqual(20);
    expect(terminalFontSize(true, true)).toBeGreaterThanOrEqual(20);
    expect(terminalFontSize(false, true)).toBeLessThan(terminalFontSize(false, false));
  });
});
