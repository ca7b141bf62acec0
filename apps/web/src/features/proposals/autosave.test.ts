import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AutosaveEvent, autosaveReducer, type AutosaveState, initialAutosave, shouldSave } from './autosave';

const run = (events: readonly AutosaveEvent[], from: AutosaveState = initialAutosave) => events.reduce(autosaveReducer, from);

describe('autosave', () => {
  it('saves an edit once the quiet time has passed', () => {
    expect(shouldSave(run([{ type: 'edited' }]))).toBe(false);
    expect(shouldSave(run([{ type: 'edited' }, { type: 'quiet' }]))).toBe(true);
    expect(shouldSave(run([{ type: 'quiet' }]))).toBe(false);
  });

  it('waits while an input method composes, and saves when the composition ends', () => {
    const composing = run([{ type: 'compositionStarted' }, { type: 'edited' }, { type: 'quiet' }]);
    expect(shouldSave(composing)).toBe(false);
    expect(shouldSave(autosaveReducer(composing, { type: 'compositionEnded' }))).toBe(true);
  });

  it('sends one save at a time and keeps an edit made during it for the next', () => {
    const saving = run([{ type: 'edited' }, { type: 'quiet' }, { type: 'saveStarted' }]);
    expect(shouldSave(saving)).toBe(false);
    const editedMeanwhile = run([{ type: 'edited' }, { type: 'quiet' }], saving);
    expect(shouldSave(editedMeanwhile)).toBe(false);
    const afterSave = autosaveReducer(editedMeanwhile, { type: 'saved', at: '2026-12-05T09:00:00Z' });
    expect(afterSave.status).toEqual({ kind: 'saved', at: '2026-12-05T09:00:00Z' });
    expect(shouldSave(afterSave)).toBe(true);
  });

  it('stops in a conflict until the user resolves it, keeping the edits', () => {
    const conflict = run([{ type: 'edited' }, { type: 'quiet' }, { type: 'saveStarted' }, { type: 'conflict', currentVersion: 7 }]);
    expect(conflict.status).toEqual({ kind: 'conflict', currentVersion: 7 });
    expect(conflict.dirty).toBe(true);
    expect(shouldSave(run([{ type: 'edited' }, { type: 'quiet' }], conflict))).toBe(false);
    expect(run([{ type: 'resolved' }], conflict)).toEqual(initialAutosave);
  });

  it('never saves during a composition, during a save or in a conflict, whatever happened before', () => {
    const event = fc.constantFrom<AutosaveEvent>(
      { type: 'edited' },
      { type: 'compositionStarted' },
      { type: 'compositionEnded' },
      { type: 'quiet' },
      { type: 'saveStarted' },
      { type: 'saved', at: '2026-12-05T09:00:00Z' },
      { type: 'saveFailed', code: 'NETWORK_ERROR' },
      { type: 'conflict', currentVersion: 3 },
      { type: 'resolved' },
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const state = run(events);
        if (state.composing || state.status.kind === 'saving' || state.status.kind === 'conflict' || !state.dirty) {
          expect(shouldSave(state)).toBe(false);
        }
      }),
    );
  });
});
