import { useCallback, useEffect, useReducer, useRef } from 'react';
import { autosaveReducer, initialAutosave, shouldSave, type AutosaveState } from './autosave';

export type SaveResult =
  | { readonly outcome: 'saved'; readonly at: string }
  | { readonly outcome: 'conflict'; readonly currentVersion: number | undefined }
  | { readonly outcome: 'failed'; readonly code: string };

export interface Autosave {
  readonly state: AutosaveState;
  /** Call after every change of the edited values. */
  readonly edited: () => void;
  /** Spread onto every text input: pauses saving while an input method composes. */
  readonly compositionHandlers: { readonly onCompositionStart: () => void; readonly onCompositionEnd: () => void };
  /**
   * Save now (before submit, or on leaving): answers how the draft stands afterwards, 'saved'
   * when nothing was left to send, 'conflict' while a conflict waits for the user.
   */
  readonly flush: () => Promise<SaveResult['outcome']>;
  /** After the user chose how to settle a conflict. */
  readonly resolved: () => void;
}

/** Wires the autosave state machine to timers and to `save`, which sends the current values. */
export function useAutosave(save: () => Promise<SaveResult>, quietMs = 800): Autosave {
  const [state, dispatch] = useReducer(autosaveReducer, initialAutosave);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const inFlight = useRef<Promise<SaveResult>>(undefined);

  const run = useCallback((): Promise<SaveResult> => {
    dispatch({ type: 'saveStarted' });
    const saving = saveRef.current().then((result) => {
      if (result.outcome === 'saved') dispatch({ type: 'saved', at: result.at });
      else if (result.outcome === 'conflict') dispatch({ type: 'conflict', currentVersion: result.currentVersion });
      else dispatch({ type: 'saveFailed', code: result.code });
      return result;
    });
    inFlight.current = saving;
    void saving.finally(() => {
      if (inFlight.current === saving) inFlight.current = undefined;
    });
    return saving;
  }, []);

  useEffect(() => {
    if (shouldSave(state)) void run();
  }, [state, run]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const edited = useCallback(() => {
    dispatch({ type: 'edited' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => dispatch({ type: 'quiet' }), quietMs);
  }, [quietMs]);

  // The latest state for flush, which awaits a save in flight and then reads the state again.
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const flush = useCallback(async (): Promise<SaveResult['outcome']> => {
    clearTimeout(timer.current);
    const pending = inFlight.current;
    if (pending) {
      const result = await pending;
      if (result.outcome !== 'saved') return result.outcome;
      // Let React apply the save's outcome before reading whether edits came in meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const now = stateRef.current;
    if (now.status.kind === 'conflict') return 'conflict';
    if (!now.dirty) return 'saved';
    return (await run()).outcome;
  }, [run]);

  return {
    state,
    edited,
    compositionHandlers: {
      onCompositionStart: () => dispatch({ type: 'compositionStarted' }),
      onCompositionEnd: () => dispatch({ type: 'compositionEnded' }),
    },
    flush,
    resolved: () => dispatch({ type: 'resolved' }),
  };
}
